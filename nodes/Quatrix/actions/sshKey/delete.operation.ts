import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{ displayName: 'SSH Key ID', name: 'keyId', type: 'string', default: '', required: true, placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b', description: 'ID of the SSH key to remove' },
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /ssh-key/delete'];

export const description = updateDisplayOptions({ show: { resource: ['sshKey'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'keyId', 'SSH Key ID');
	await quatrixRequest.call(this, { method: 'POST', path: '/ssh-key/delete', body: { id }, idempotent: false, action: 'remove the SSH key', itemIndex: i });
	return [{ json: { id, deleted: true } }];
}
