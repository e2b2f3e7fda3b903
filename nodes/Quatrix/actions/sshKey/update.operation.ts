import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, resolveRecordId } from '../../helpers/directory';
import { inputError, toEpochSeconds } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{ displayName: 'SSH Key ID', name: 'keyId', type: 'string', default: '', required: true, placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b', description: 'ID of the SSH key' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Expires At', name: 'expires', type: 'dateTime', default: '', description: 'When the key stops working' },
			{ displayName: 'Name', name: 'caption', type: 'string', default: '', description: 'New name of the key' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'A',
				options: [
					{ name: 'Active', value: 'A', description: 'The key can be used to sign in over SFTP' },
					{ name: 'Disabled', value: 'D', description: 'The key is kept but cannot be used' },
				],
			},
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /ssh-key/edit'];

export const description = updateDisplayOptions({ show: { resource: ['sshKey'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'keyId', 'SSH Key ID');
	const f = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes = compact({
		caption: f.caption ? String(f.caption).trim() : undefined,
		status: f.status,
		expires: f.expires ? Math.floor(toEpochSeconds(this, i, 'Update Fields → Expires At', f.expires)) : undefined,
	});
	if (Object.keys(changes).length === 0) throw inputError(this, i, 'Update Fields', 'is empty', 'Add at least one field to change.');
	return [{ json: await quatrixRequest.call(this, { method: 'POST', path: '/ssh-key/edit', body: { ...changes, id }, idempotent: true, action: 'update the SSH key', itemIndex: i }) }];
}
