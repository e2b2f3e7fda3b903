import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getDownloadLink from './getDownloadLink.operation';
import * as getFiles from './getFiles.operation';
import * as getMany from './getMany.operation';
import * as revoke from './revoke.operation';

export const operations = { create, download, get, getDownloadLink, getFiles, getMany, revoke };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['share'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Share files with recipients', description: 'Share files with people by email or contact, optionally emailing them a link' },
			{ name: 'Download', value: 'download', action: 'Download the files of a share', description: 'Download a share\'s files into binary data (several files come as one ZIP)' },
			{ name: 'Get', value: 'get', action: 'Get a share', description: 'Get a share\'s sender, subject, type, dates and status' },
			{ name: 'Get Download Link', value: 'getDownloadLink', action: 'Get a download link for a share', description: 'Get a link that downloads a share\'s files without signing in' },
			{ name: 'Get Files', value: 'getFiles', action: 'List the files of a share', description: 'List the files in a share' },
			{ name: 'Get Many', value: 'getMany', action: 'List shares', description: 'List the shares, quicklinks and file requests you made or manage' },
			{ name: 'Revoke', value: 'revoke', action: 'Revoke a share', description: 'Stop a share from working' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...getFiles.description,
	...getDownloadLink.description,
	...download.description,
	...revoke.description,
];

export const resource = {
	name: 'Share',
	value: 'share',
	description: 'Share files with people, follow and revoke shares',
	operations,
	properties: description,
};
