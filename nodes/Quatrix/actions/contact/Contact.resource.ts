import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as listGroups from './listGroups.operation';
import * as update from './update.operation';
import * as upgrade from './upgrade.operation';

export const operations = { create, delete: del, get, list, listGroups, update, upgrade };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a contact', description: 'Add a contact (someone you share files with), or return the one with this email' },
			{ name: 'Delete', value: 'delete', action: 'Delete a contact', description: 'Delete a contact' },
			{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Get one contact by ID' },
			{ name: 'Get Many', value: 'list', action: 'Get many contacts', description: 'List contacts, filtered by email, name or kind' },
			{ name: 'List Groups', value: 'listGroups', action: 'List contact groups', description: 'List the groups contacts can be put in' },
			{ name: 'Update', value: 'update', action: 'Update a contact', description: 'Change the name, email, groups or kind of a contact' },
			{ name: 'Upgrade to User', value: 'upgrade', action: 'Upgrade a contact to a user', description: 'Turn a contact into a Quatrix user with a home folder' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	...create.description,
	...update.description,
	...del.description,
	...upgrade.description,
	...listGroups.description,
];

export const resource = {
	name: 'Contact',
	value: 'contact',
	description: 'People outside your account that you share files with',
	operations,
	properties: description,
};
