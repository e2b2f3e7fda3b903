import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit, toItems } from '../../descriptions/common';
import { folderLocator } from '../../descriptions/locators';
import { FOLDER_TYPES, resolveFolderListing } from '../../helpers/locators';

const properties: INodeProperties[] = [
	folderLocator({ displayOptions: {}, description: 'The folder to list; "/" is your home folder' }),
	{
		displayName: 'List',
		name: 'kind',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'Files and Folders', value: 'all' },
			{ name: 'Files Only', value: 'files' },
			{ name: 'Folders Only', value: 'folders' },
		],
	},
	...returnAllOrLimit({}),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /file/metadata', 'GET /file/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['folder'], operation: ['list'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folder = await resolveFolderListing(this, i, 'folder', 'Folder');
	const kind = this.getNodeParameter('kind', i, 'all') as string;
	const children = (folder.content ?? [])
		.filter((child) => (kind === 'all' ? true : (kind === 'folders') === FOLDER_TYPES.has(child.type)))
		.sort((a, b) => a.name.localeCompare(b.name));
	return toItems(limitRows(this, i, children));
}
