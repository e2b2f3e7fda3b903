import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';

// The deprecated POST /share/send-request/{id} is left out: POST /share/request creates and sends a request in
// one call, and no current operation yields the "share request id" the old call needs.
export const operations = { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fileRequest'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Request files from people',
				description: 'Ask people to upload files to you; returns the upload link and emails it to them',
			},
		],
		default: 'create',
	},
	...create.description,
];

export const resource = {
	name: 'File Request',
	value: 'fileRequest',
	description: 'Ask people to send you files',
	operations,
	properties: description,
};
