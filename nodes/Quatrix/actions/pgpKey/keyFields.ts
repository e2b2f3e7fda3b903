import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../helpers/validate';

export const keyFields = (required: boolean): INodeProperties[] => [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required, description: 'A name for the key pair' },
	{
		displayName: 'Public Key',
		name: 'public',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required,
		placeholder: '-----BEGIN PGP PUBLIC KEY BLOCK-----',
		description: 'The ASCII-armoured public key',
	},
	{
		displayName: 'Private Key',
		name: 'private',
		type: 'string',
		typeOptions: { rows: 4, password: true },
		default: '',
		description: 'The ASCII-armoured private key, encrypted with its passphrase (optional)',
	},
];

/** An armoured key, checked before anything is sent. */
export function armouredKey(ctx: IExecuteFunctions, i: number, field: string, value: unknown, kind: 'PUBLIC' | 'PRIVATE'): string {
	const key = String(value ?? '').trim();
	if (!key.includes(`-----BEGIN PGP ${kind} KEY BLOCK-----`)) {
		throw inputError(ctx, i, field, `is not an ASCII-armoured PGP ${kind.toLowerCase()} key`, `Paste the whole key, from "-----BEGIN PGP ${kind} KEY BLOCK-----" to its END line.`);
	}
	return key;
}
