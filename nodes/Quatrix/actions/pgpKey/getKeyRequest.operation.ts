import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

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
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /key-request/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['pgpKey'], operation: ['getKeyRequest'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'requestId', 'Key Request ID');
	return [{ json: await quatrixRequest.call(this, { method: 'GET', path: `/key-request/metadata/${id}`, action: 'read the key request', itemIndex: i }) }];
}
