import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as exportCsv from './exportCsv.operation';
import * as getChanges from './getChanges.operation';
import * as list from './list.operation';

export const operations = { create, exportCsv, getChanges, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['folder'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a folder', description: 'Create a folder, or use the one that exists' },
			{ name: 'Export Listing as CSV', value: 'exportCsv', action: 'Export a folder listing as CSV', description: 'Export the whole tree under a folder as a CSV file' },
			{ name: 'Get Changes', value: 'getChanges', action: 'Get changes in a folder', description: 'List what changed in a folder since a time' },
			{ name: 'List', value: 'list', action: 'List a folder', description: 'List the files and folders in a folder' },
		],
		default: 'list',
	},
	...list.description,
	...create.description,
	...exportCsv.description,
	...getChanges.description,
];

export const resource = {
	name: 'Folder',
	value: 'folder',
	description: 'List, create, export and watch folders',
	operations,
	properties: description,
};
