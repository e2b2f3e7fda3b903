import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { projectFolderLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';
import { memberItems, membersField, membersOf } from './members';

const properties: INodeProperties[] = [
	projectFolderLocator({ description: 'The project folder whose members to change' }),
	membersField('Members whose permission or notification to change'),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /project-folder/edit-users/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['projectFolder'], operation: ['updateMembers'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'projectFolder', 'Project Folder');
	const members = membersOf(this, i);
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: `/project-folder/edit-users/${id}`,
		body: { users_permissions: members },
		idempotent: true,
		action: 'change the members of the project folder',
		itemIndex: i,
	});
	return memberItems(expectArray<IDataObject>(this, 'change the members', answer, i), id);
}
