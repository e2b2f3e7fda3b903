import type { INodeProperties } from 'n8n-workflow';

import * as createFolder from './createFolder.operation';
import * as getMetadata from './getMetadata.operation';
import * as getUploadLink from './getUploadLink.operation';
import * as send from './send.operation';
import * as upload from './upload.operation';

export const operations = { createFolder, getMetadata, getUploadLink, send, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['returnedFiles'] } },
		options: [
			{ name: 'Create Folder', value: 'createFolder', action: 'Create a folder for returned files', description: 'Create a folder in the sender\'s return area, to return a folder tree' },
			{ name: 'Get Info', value: 'getMetadata', action: 'Get return info of a share', description: 'Get the sender, dates and file limit of a share you can return files to' },
			{ name: 'Get Upload Link', value: 'getUploadLink', action: 'Get an upload link for a returned file', description: 'Reserve a returned file and get its upload key, to upload the bytes yourself' },
			{ name: 'Send', value: 'send', action: 'Return uploaded files to the sender', description: 'Hand files already uploaded for returning to the share\'s sender' },
			{ name: 'Upload', value: 'upload', action: 'Upload and return a file', description: 'Upload a file of any size to a share\'s sender and (by default) return it at once' },
		],
		default: 'upload',
	},
	...upload.description,
	...send.description,
	...createFolder.description,
	...getUploadLink.description,
	...getMetadata.description,
];

export const resource = {
	name: 'Returned File',
	value: 'returnedFiles',
	description: 'Send files back to whoever shared with you or requested files from you',
	operations,
	properties: description,
};
