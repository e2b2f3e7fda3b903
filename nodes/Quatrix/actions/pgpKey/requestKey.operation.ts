import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Recipient ID',
		name: 'recipientId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
		description: 'ID of the user or contact who should create a PGP key; Quatrix emails them',
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /pgp-key/request/{ids[]}'];

export const description = updateDisplayOptions({ show: { resource: ['pgpKey'], operation: ['requestKey'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'recipientId', 'Recipient ID');
	// The spec puts an array in the path ("{ids[]}") typed as one uuid; one ID per request is the safe reading.
	const job = await quatrixRequest.call(this, { method: 'GET', path: `/pgp-key/request/${id}`, idempotent: false, action: 'request a PGP key', itemIndex: i });
	return [{ json: { recipientId: id, requested: true, jobId: job.job_id, status: 'accepted' } }];
}
