import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../helpers/directory';
import { inputError, toEpochSeconds } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'caption', type: 'string', default: '', required: true, description: 'A name to recognise the key by, such as the computer it is on' },
	{
		displayName: 'Public Key',
		name: 'key',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'ssh-rsa AAAAB3NzaC1yc2E… user@host',
		description: 'The OpenSSH public key (one line)',
	},
	{ displayName: 'Expires At', name: 'expires', type: 'dateTime', default: '', description: 'When the key stops working. Default: never.' },
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /ssh-key/create'];

export const description = updateDisplayOptions({ show: { resource: ['sshKey'], operation: ['create'] } }, properties);

/** The spec's length limits of a public key. */
const KEY_LENGTH = { min: 256, max: 16384 };

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const caption = requireText(this, i, 'Name', this.getNodeParameter('caption', i), 'Give the key a name.');
	const key = requireText(this, i, 'Public Key', this.getNodeParameter('key', i), 'Paste the OpenSSH public key.');
	if (!/^(ssh-|ecdsa-|sk-)/.test(key) || key.length < KEY_LENGTH.min || key.length > KEY_LENGTH.max) {
		throw inputError(this, i, 'Public Key', 'is not an OpenSSH public key', `Paste one line starting with "ssh-rsa", "ssh-ed25519" or "ecdsa-", ${KEY_LENGTH.min} to ${KEY_LENGTH.max} characters.`);
	}
	const expiresValue = this.getNodeParameter('expires', i, '') as string;
	const body = { caption, key, ...(expiresValue ? { expires: Math.floor(toEpochSeconds(this, i, 'Expires At', expiresValue)) } : {}) };
	return [{ json: await quatrixRequest.call(this, { method: 'POST', path: '/ssh-key/create', body, idempotent: false, action: 'add the SSH key', itemIndex: i }) }];
}
