import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { folderLocator } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { requireItemName } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { membersField, membersOf } from './members';

const properties: INodeProperties[] = [
	folderLocator({ displayOptions: {}, default: { mode: 'list', value: '' }, description: 'The folder to turn into a project folder' }),
	{
		displayName: 'Project Name',
		name: 'name',
		type: 'string',
		default: '',
		description: "Name of the project folder. Default: the folder's name.",
	},
	membersField('The users who get access to the folder, each with a permission'),
	{
		displayName: 'Notify Members',
		name: 'notify',
		type: 'boolean',
		default: false,
		description: 'Whether Quatrix emails the members that they were added',
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /project-folder/create', 'GET /file/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['projectFolder'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = await resolveItemId(this, i, 'folder', 'Folder', 'folder');
	const members = membersOf(this, i);
	let name = String(this.getNodeParameter('name', i, '') ?? '').trim();
	if (name === '') {
		const folder = await quatrixRequest.call(this, { method: 'GET', path: `/file/metadata/${fileId}`, qs: { content: 0 }, action: 'read the folder', itemIndex: i });
		name = String(folder.name ?? '');
	}
	name = requireItemName(this, i, 'Project Name', name);
	const project = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/project-folder/create',
		body: { file_id: fileId, name, users_permissions: members, notify: this.getNodeParameter('notify', i, false) as boolean },
		idempotent: false,
		action: `turn the folder into the project folder "${name}"`,
		itemIndex: i,
	});
	return [{ json: { ...project, fileId, members: members.length } }];
}
