import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText, resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';
import { armouredKey, keyFields } from './keyFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Key Request ID',
		name: 'requestId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
		description: 'ID of the key request (from the link in the request email)',
	},
	...keyFields(true),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /key-request/respond/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['pgpKey'], operation: ['respondToKeyRequest'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'requestId', 'Key Request ID');
	const body: IDataObject = {
		name: requireText(this, i, 'Name', this.getNodeParameter('name', i), 'Give the key a name.'),
		public: armouredKey(this, i, 'Public Key', this.getNodeParameter('public', i), 'PUBLIC'),
	};
	const privateKey = this.getNodeParameter('private', i, '') as string;
	if (privateKey) body.private = armouredKey(this, i, 'Private Key', privateKey, 'PRIVATE');
	const job = await quatrixRequest.call(this, { method: 'POST', path: `/key-request/respond/${id}`, body, idempotent: false, action: 'answer the key request', itemIndex: i });
	return [{ json: { requestId: id, answered: true, jobId: job.job_id, status: 'accepted' } }];
}
