import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { projectFolderLocator, userLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';

const properties: INodeProperties[] = [
	projectFolderLocator({ description: 'The project folder to remove the user from' }),
	userLocator({ description: 'The member to remove' }),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /project-folder/delete-users/'];

export const description = updateDisplayOptions({ show: { resource: ['projectFolder'], operation: ['removeMember'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const projectId = resolveRecordId(this, i, 'projectFolder', 'Project Folder');
	const userId = resolveRecordId(this, i, 'user', 'User');
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/project-folder/delete-users/',
		body: { users: [{ user_id: userId, project_id: [projectId] }] },
		idempotent: true,
		action: 'remove the member',
		itemIndex: i,
	});
	const removed = expectArray<IDataObject>(this, 'remove the member', answer, i);
	return [{ json: { projectFolderId: projectId, userId, removed: removed.length > 0 } }];
}
