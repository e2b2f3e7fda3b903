import type { INodeProperties } from 'n8n-workflow';

import * as exportCsv from './exportCsv.operation';
import * as getFileDownloads from './getFileDownloads.operation';
import * as getMany from './getMany.operation';
import * as getShareFiles from './getShareFiles.operation';

export const operations = { exportCsv, getFileDownloads, getMany, getShareFiles };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['activity'] } },
		options: [
			{ name: 'Export as CSV', value: 'exportCsv', action: 'Export the activity log as CSV', description: 'Download the activity log of a period as a CSV file' },
			{ name: 'Get File Downloads', value: 'getFileDownloads', action: 'List the downloads of a shared file', description: 'List each download of one shared file: when, from which IP, by whom' },
			{ name: 'Get Many', value: 'getMany', action: 'Get activity log events', description: 'List activity log events of a period, optionally of one user' },
			{ name: 'Get Share File Downloads', value: 'getShareFiles', action: 'List the files of a share with download counts', description: 'List the files of a share you made, with how often each was downloaded' },
		],
		default: 'getMany',
	},
	...getMany.description,
	...exportCsv.description,
	...getShareFiles.description,
	...getFileDownloads.description,
];

export const resource = {
	name: 'Activity Log',
	value: 'activity',
	description: 'The audit trail: who uploaded, downloaded, shared or deleted what, and when',
	operations,
	properties: description,
};
