import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { folderLocator, itemLocator } from '../../descriptions/locators';
import { JOB_WAIT, waitForNewChild } from '../../helpers/jobs';
import { forgetPaths, getFolderContent, resolveItemId } from '../../helpers/locators';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	itemLocator({ displayOptions: {}, description: 'The file or folder to copy (a folder is copied with everything in it)' }),
	folderLocator({ displayName: 'Destination Folder', name: 'destination', displayOptions: {} }),
	{
		displayName: 'If the Name Is Taken',
		name: 'conflict',
		type: 'options',
		default: 'rename',
		options: [
			{ name: 'Keep Both (Rename the Copy)', value: 'rename', description: 'Quatrix names the copy "name(1).ext"' },
			{ name: 'Fail', value: 'fail' },
		],
	},
	{
		displayName: 'Wait for Completion',
		name: 'wait',
		type: 'boolean',
		default: true,
		description: 'Whether to wait until the copy appears in the destination and return it. Quatrix copies in the background.',
	},
	{
		displayName: 'Wait at Most (Seconds)',
		name: 'waitSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		displayOptions: { show: { wait: [true] } },
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /file/copy'];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['copy'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'item', 'File or Folder');
	const target = await resolveItemId(this, i, 'destination', 'Destination Folder', 'folder');
	const wait = this.getNodeParameter('wait', i, true) as boolean;
	const source = await quatrixRequest.call(this, { method: 'GET', path: `/file/metadata/${id}`, qs: { content: 0 }, action: 'read the item to copy', itemIndex: i });
	const before = wait ? new Set((await getFolderContent(this, target, i)).content?.map((child) => child.id) ?? []) : new Set<string>();
	// Not idempotent: a blind repeat would make a second copy.
	const job = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/file/copy',
		body: { ids: [id], target, resolve: this.getNodeParameter('conflict', i, 'rename') === 'rename' },
		action: `copy "${String(source.name)}"`,
		itemIndex: i,
	});
	forgetPaths(this);
	const result = { sourceId: id, destinationId: target, jobId: job.job_id, status: 'accepted' as string };
	if (!wait) return [{ json: result }];
	const copy = await waitForNewChild(this, target, String(source.name), before, this.getNodeParameter('waitSeconds', i, JOB_WAIT.defaultSeconds) as number, i);
	return [{ json: copy ? { ...result, status: 'done', ...copy } : { ...result, status: 'still running' } }];
}
