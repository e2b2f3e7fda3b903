import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getOrCreate from './getOrCreate.operation';
import * as revoke from './revoke.operation';

export const operations = { create, getOrCreate, revoke };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['quicklink'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a quicklink', description: 'Create a public link to files (a new one each time)' },
			{
				name: 'Get or Create',
				value: 'getOrCreate',
				action: 'Get or create a quicklink',
				description: 'Return your active quicklink for exactly these files, or create one, so re-running a workflow does not pile up links',
			},
			{ name: 'Revoke', value: 'revoke', action: 'Revoke a quicklink', description: 'Stop a quicklink from working' },
		],
		default: 'getOrCreate',
	},
	...create.description,
	...getOrCreate.description,
	...revoke.description,
];

export const resource = {
	name: 'Quicklink',
	value: 'quicklink',
	description: 'Public links to files, without named recipients',
	operations,
	properties: description,
};
