import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';
import * as getInfo from './getInfo.operation';

export const operations = { download, getInfo };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['preview'] } },
		options: [
			{ name: 'Download', value: 'download', action: 'Download a file preview', description: 'Download the preview of a file (JPEG image, MP4 video or PDF)' },
			{ name: 'Get Info', value: 'getInfo', action: 'Get preview info of a file', description: 'Get which kind of preview a file has and where to fetch it' },
		],
		default: 'download',
	},
	...download.description,
	...getInfo.description,
];

export const resource = {
	name: 'Preview',
	value: 'preview',
	description: 'Image, video or PDF previews of files',
	operations,
	properties: description,
};
