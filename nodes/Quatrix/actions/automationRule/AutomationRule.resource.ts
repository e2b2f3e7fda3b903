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
		displayOptions: { show: { resource: ['automationRule'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create an automation rule', description: 'Add a rule to a folder, such as deleting files after some days' },
			{ name: 'Delete', value: 'delete', action: 'Delete an automation rule', description: 'Delete a rule (the folder and files stay)' },
			{ name: 'Get', value: 'get', action: 'Get an automation rule', description: 'Get one automation rule' },
			{ name: 'Get Many', value: 'list', action: 'Get many automation rules', description: 'List the automation rules' },
			{ name: 'Update', value: 'update', action: 'Update an automation rule', description: 'Change, enable or disable a rule' },
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
	name: 'Automation Rule',
	value: 'automationRule',
	description: 'Rules that act on folders by themselves, such as auto-delete',
	operations,
	properties: description,
};
