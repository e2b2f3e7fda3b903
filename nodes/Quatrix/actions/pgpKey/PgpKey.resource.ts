import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getKeyRequest from './getKeyRequest.operation';
import * as getRecipientKeys from './getRecipientKeys.operation';
import * as requestKey from './requestKey.operation';
import * as respondToKeyRequest from './respondToKeyRequest.operation';
import * as update from './update.operation';

export const operations = { create, delete: del, get, getKeyRequest, getRecipientKeys, requestKey, respondToKeyRequest, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['pgpKey'] } },
		options: [
			{ name: 'Answer Key Request', value: 'respondToKeyRequest', action: 'Answer a PGP key request', description: 'Send the keys someone asked you for' },
			{ name: 'Create', value: 'create', action: 'Store a PGP key', description: 'Store a PGP key pair for encrypted shares' },
			{ name: 'Delete', value: 'delete', action: 'Delete a PGP key', description: 'Delete a stored PGP key' },
			{ name: 'Get', value: 'get', action: 'Get a PGP key', description: 'Get a stored PGP key pair' },
			{ name: 'Get Key Request', value: 'getKeyRequest', action: 'Get a PGP key request', description: 'Get who asked for a PGP key, and from whom' },
			{ name: 'Get Recipient Keys', value: 'getRecipientKeys', action: 'Get the public keys of recipients', description: 'Get the public PGP keys of users or contacts' },
			{ name: 'Request Key', value: 'requestKey', action: 'Request a PGP key from someone', description: 'Ask a user or contact by email to create a PGP key' },
			{ name: 'Update', value: 'update', action: 'Update a PGP key', description: 'Rename a PGP key or replace its keys' },
		],
		default: 'get',
	},
	...get.description,
	...create.description,
	...update.description,
	...del.description,
	...getRecipientKeys.description,
	...requestKey.description,
	...getKeyRequest.description,
	...respondToKeyRequest.description,
];

export const resource = {
	name: 'PGP Key',
	value: 'pgpKey',
	description: 'PGP keys for end-to-end encrypted shares, and requests for them',
	operations,
	properties: description,
};
