import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'PGP Key ID',
		name: 'keyId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
		description: 'ID of the PGP key',
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /pgp-key/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['pgpKey'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'keyId', 'PGP Key ID');
	return [{ json: await quatrixRequest.call(this, { method: 'GET', path: `/pgp-key/metadata/${id}`, action: 'read the PGP key', itemIndex: i }) }];
}
