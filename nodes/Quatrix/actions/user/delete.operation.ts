import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from '../../descriptions/directory';
import { resolveRecordId, waitUntilUsersGone, WAIT_FOR_JOB } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	userLocator({ description: 'The user to delete' }),
	{
		displayName: 'Delete Home Folder',
		name: 'deleteHome',
		type: 'boolean',
		default: false,
		description: "Whether to delete the user's home folder and its files too. Otherwise they are kept for an administrator.",
	},
	{
		displayName: 'Wait for Completion',
		name: 'wait',
		type: 'boolean',
		default: true,
		description: 'Whether to wait until the user is gone from the user list. Quatrix deletes users in the background.',
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
export const covers = ['POST /user/delete', 'GET /user'];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'user', 'User');
	const deleteHome = this.getNodeParameter('deleteHome', i, false) as boolean;
	const job = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/user/delete',
		body: { ids: [id], delete_home: deleteHome },
		idempotent: false,
		action: 'delete the user',
		itemIndex: i,
	});
	const result = { id, jobId: job.job_id, homeDeleted: deleteHome, status: 'accepted' as string };
	if (!(this.getNodeParameter('wait', i, true) as boolean)) return [{ json: result }];
	const gone = await waitUntilUsersGone(this, [id], this.getNodeParameter('waitSeconds', i, WAIT_FOR_JOB.defaultSeconds) as number, i);
	return [{ json: { ...result, status: gone ? 'done' : 'still running' } }];
}
