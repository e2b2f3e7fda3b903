import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as update from './update.operation';

export const operations = { create, delete: del, get, list, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sshKey'] } },
		options: [
			{ name: 'Add', value: 'create', action: 'Add an SSH key', description: 'Register an SSH public key for SFTP sign-in' },
			{ name: 'Delete', value: 'delete', action: 'Delete an SSH key', description: 'Remove an SSH key' },
			{ name: 'Get', value: 'get', action: 'Get an SSH key', description: 'Get one SSH key' },
			{ name: 'Get Many', value: 'list', action: 'Get many SSH keys', description: 'List your SSH keys' },
			{ name: 'Update', value: 'update', action: 'Update an SSH key', description: 'Rename, disable or set the expiry of an SSH key' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	...create.description,
	...update.description,
	...del.description,
];

export const resource = {
	name: 'SSH Key',
	value: 'sshKey',
	description: 'SSH keys of the signed-in user, for SFTP',
	operations,
	properties: description,
};
