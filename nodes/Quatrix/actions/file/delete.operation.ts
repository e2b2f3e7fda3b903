import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemLocator } from '../../descriptions/locators';
import { forgetPaths, resolveItemId } from '../../helpers/locators';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	itemLocator({
		displayOptions: {},
		description: 'The file or folder to delete. It goes to the trash; deleting something already in the trash removes it for good.',
	}),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /file/delete'];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'item', 'File or Folder');
	// Not idempotent: a second delete of an item in the trash would purge it.
	const answer = await quatrixRequest.call(this, { method: 'POST', path: '/file/delete', body: { ids: [id] }, action: 'delete', itemIndex: i });
	forgetPaths(this);
	return [{ json: { id, deleted: true, jobId: answer.job_id } }];
}
