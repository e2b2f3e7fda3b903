import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveRecordId } from '../../helpers/directory';
import { inputError } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { armouredKey, keyFields } from './keyFields';

const properties: INodeProperties[] = [
	{ displayName: 'PGP Key ID', name: 'keyId', type: 'string', default: '', required: true, placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b', description: 'ID of the PGP key' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: keyFields(false),
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /pgp-key/edit/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['pgpKey'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'keyId', 'PGP Key ID');
	const f = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	if (f.name) body.name = String(f.name).trim();
	if (f.public) body.public = armouredKey(this, i, 'Update Fields → Public Key', f.public, 'PUBLIC');
	if (f.private) body.private = armouredKey(this, i, 'Update Fields → Private Key', f.private, 'PRIVATE');
	if (Object.keys(body).length === 0) throw inputError(this, i, 'Update Fields', 'is empty', 'Add at least one field to change.');
	return [{ json: await quatrixRequest.call(this, { method: 'POST', path: `/pgp-key/edit/${id}`, body, idempotent: true, action: 'update the PGP key', itemIndex: i }) }];
}
