import type { INodeProperties } from 'n8n-workflow';

import * as addTag from './addTag.operation';
import * as copy from './copy.operation';
import * as del from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getInfo from './getInfo.operation';
import * as getSize from './getSize.operation';
import * as getTags from './getTags.operation';
import * as move from './move.operation';
import * as rename from './rename.operation';
import * as search from './search.operation';
import * as setModifiedTime from './setModifiedTime.operation';
import * as upload from './upload.operation';

export const operations = { addTag, copy, delete: del, download, get, getInfo, getSize, getTags, move, rename, search, setModifiedTime, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{ name: 'Add Tag', value: 'addTag', action: 'Add a tag to a file', description: 'Attach a tag to a file' },
			{ name: 'Copy', value: 'copy', action: 'Copy a file or folder', description: 'Copy a file or folder into another folder' },
			{ name: 'Delete', value: 'delete', action: 'Delete a file or folder', description: 'Move a file or folder to the trash' },
			{ name: 'Download', value: 'download', action: 'Download a file', description: 'Download a file (a folder or several files come as a ZIP)' },
			{ name: 'Get', value: 'get', action: 'Get a file or folder', description: 'Get the metadata of a file or folder' },
			{ name: 'Get Extended Info', value: 'getInfo', action: 'Get extended info of a file', description: 'Get owner, creator and full paths of a file or folder' },
			{ name: 'Get Size', value: 'getSize', action: 'Get the size of a file or folder', description: 'Get the size in bytes of a file, or of everything in a folder' },
			{ name: 'Get Tags', value: 'getTags', action: 'Get the tags of a file', description: 'List the tags attached to a file' },
			{ name: 'Move', value: 'move', action: 'Move a file or folder', description: 'Move a file or folder into another folder' },
			{ name: 'Rename', value: 'rename', action: 'Rename a file or folder', description: 'Give a file or folder a new name' },
			{ name: 'Search', value: 'search', action: 'Search files and folders', description: 'Find files and folders by name' },
			{ name: 'Set Modified Time', value: 'setModifiedTime', action: 'Set the modified time of a file', description: 'Store a modification time with a file' },
			{ name: 'Upload', value: 'upload', action: 'Upload a file', description: 'Upload a file of any size to a folder' },
		],
		default: 'upload',
	},
	...upload.description,
	...download.description,
	...get.description,
	...getInfo.description,
	...getSize.description,
	...copy.description,
	...move.description,
	...rename.description,
	...del.description,
	...search.description,
	...getTags.description,
	...addTag.description,
	...setModifiedTime.description,
];

export const resource = {
	name: 'File',
	value: 'file',
	description: 'Upload, download and manage files (most operations work on folders too)',
	operations,
	properties: description,
};
