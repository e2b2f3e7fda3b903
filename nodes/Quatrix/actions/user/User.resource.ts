import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getPgpKey from './getPgpKey.operation';
import * as list from './list.operation';
import * as listGroups from './listGroups.operation';
import * as removeMfa from './removeMfa.operation';
import * as resetMfa from './resetMfa.operation';
import * as sendPasswordReset from './sendPasswordReset.operation';
import * as update from './update.operation';

export const operations = { create, delete: del, get, getPgpKey, list, listGroups, removeMfa, resetMfa, sendPasswordReset, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a user', description: 'Create a Quatrix user; Quatrix emails them an invitation to set a password' },
			{ name: 'Delete', value: 'delete', action: 'Delete a user', description: 'Delete a user in the background, optionally with their home folder' },
			{ name: 'Get', value: 'get', action: 'Get a user', description: 'Get one user by ID' },
			{ name: 'Get Many', value: 'list', action: 'Get many users', description: 'List users, filtered by status, email or name' },
			{ name: 'Get PGP Key', value: 'getPgpKey', action: 'Get the PGP key of a user', description: 'Get the public PGP key of a user' },
			{ name: 'List Groups', value: 'listGroups', action: 'List user groups', description: 'List the groups users can be put in' },
			{ name: 'Reset Two-Factor Authentication', value: 'resetMfa', action: 'Reset two factor authentication of a user', description: 'Wipe the authenticator secret of a user so that they enrol again' },
			{ name: 'Send Password Reset', value: 'sendPasswordReset', action: 'Send a password reset email', description: 'Email a user a link to set a new password' },
			{ name: 'Turn Off Second Factor', value: 'removeMfa', action: 'Turn off a second sign in factor of a user', description: 'Turn off 2FA or PIN for a user' },
			{ name: 'Update', value: 'update', action: 'Update a user', description: 'Change the name, email, status, groups, quota or permissions of a user' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	...create.description,
	...update.description,
	...del.description,
	...listGroups.description,
	...getPgpKey.description,
	...sendPasswordReset.description,
	...resetMfa.description,
	...removeMfa.description,
];

export const resource = {
	name: 'User',
	value: 'user',
	description: 'Create, update and delete Quatrix users (administrators)',
	operations,
	properties: description,
};
