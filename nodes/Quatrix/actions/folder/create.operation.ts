import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { folderLocator } from '../../descriptions/locators';
import { FOLDER_TYPES, forgetPaths, resolveFolderListing, resolveItemId } from '../../helpers/locators';
import { requireItemName } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: "e.g. {{ $now.toFormat('yyyy-MM-dd') }}",
		description: 'Name of the new folder',
	},
	folderLocator({ displayName: 'Parent Folder', name: 'folder', displayOptions: {}, description: 'Where to create the folder; "/" is your home folder' }),
	{
		displayName: 'If a Folder With This Name Exists',
		name: 'conflict',
		type: 'options',
		default: 'useExisting',
		options: [
			{ name: 'Use It', value: 'useExisting', description: 'Return the existing folder, so that re-running a workflow is safe' },
			{ name: 'Create Another (Name(1))', value: 'rename' },
			{ name: 'Fail', value: 'fail' },
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /file/makedir'];

export const description = updateDisplayOptions({ show: { resource: ['folder'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const name = requireItemName(this, i, 'Name', this.getNodeParameter('name', i));
	const conflict = this.getNodeParameter('conflict', i, 'useExisting') as string;
	let parentId: string;
	if (conflict === 'useExisting') {
		const parent = await resolveFolderListing(this, i, 'folder', 'Parent Folder');
		const existing = parent.content?.find((child) => child.name === name && FOLDER_TYPES.has(child.type));
		if (existing) return [{ json: { ...existing, alreadyExisted: true } as IDataObject }];
		parentId = parent.id;
	} else {
		parentId = await resolveItemId(this, i, 'folder', 'Parent Folder', 'folder');
	}
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/file/makedir',
		body: { target: parentId, name, resolve: conflict === 'rename' },
		action: `create the folder "${name}"`,
		itemIndex: i,
	});
	const folder = expectShape(this, 'create a folder', answer, { id: 'string', name: 'string' }, i);
	forgetPaths(this);
	return [{ json: { ...folder, alreadyExisted: false } }];
}
