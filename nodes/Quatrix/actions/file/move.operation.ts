import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { folderLocator, itemLocator } from '../../descriptions/locators';
import { forgetPaths, resolveItemId } from '../../helpers/locators';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	itemLocator({ displayOptions: {}, description: 'The file or folder to move' }),
	folderLocator({ displayName: 'Destination Folder', name: 'destination', displayOptions: {} }),
	{
		displayName: 'If the Name Is Taken',
		name: 'conflict',
		type: 'options',
		default: 'rename',
		options: [
			{ name: 'Keep Both (Rename the Moved Item)', value: 'rename' },
			{ name: 'Fail', value: 'fail' },
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /file/move'];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['move'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'item', 'File or Folder');
	const target = await resolveItemId(this, i, 'destination', 'Destination Folder', 'folder');
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/file/move',
		body: { ids: [id], target, resolve: this.getNodeParameter('conflict', i, 'rename') === 'rename' },
		// Moving the same item to the same folder twice changes nothing, so a repeat is safe.
		idempotent: true,
		action: 'move',
		itemIndex: i,
	});
	forgetPaths(this);
	const moved = await quatrixRequest.call(this, { method: 'GET', path: `/file/metadata/${id}`, qs: { content: 0 }, action: 'read the moved item', itemIndex: i });
	return [{ json: { ...moved, jobId: answer.job_id } }];
}
