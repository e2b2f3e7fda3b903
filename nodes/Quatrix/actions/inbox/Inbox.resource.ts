import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export const operations = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inbox'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'List shares you received',
				description: 'List the shares and file requests sent to you in a period',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];

export const resource = {
	name: 'Inbox',
	value: 'inbox',
	description: 'Shares and file requests you received',
	operations,
	properties: description,
};
