import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { projectFolderLocator } from '../../descriptions/directory';
import { resolveRecordId, withPermissionName } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [projectFolderLocator({ description: 'The project folder to read' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /project-folder/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['projectFolder'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'projectFolder', 'Project Folder');
	const metadata = await quatrixRequest.call(this, { method: 'GET', path: `/project-folder/metadata/${id}`, action: 'read the project folder', itemIndex: i });
	const users = Array.isArray(metadata.users) ? (metadata.users as IDataObject[]).map(withPermissionName) : metadata.users;
	return [{ json: { id, ...metadata, users } }];
}
