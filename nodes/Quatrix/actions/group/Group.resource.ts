import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as list from './list.operation';

export const operations = { get, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a group', description: 'Get one group with its users and sub-groups' },
			{ name: 'Get Many', value: 'list', action: 'Get many groups', description: 'List user and contact groups with their members' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
];

export const resource = {
	name: 'Group',
	value: 'group',
	description: 'Groups of users and contacts',
	operations,
	properties: description,
};
