import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { projectFolderLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	projectFolderLocator({ description: 'The project folder to turn back into a plain folder. Its files stay; the members lose access.' }),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /project-folder/delete/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['projectFolder'], operation: ['convertToFolder'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'projectFolder', 'Project Folder');
	// A GET that changes state: never repeated blindly.
	await quatrixRequest.call(this, { method: 'GET', path: `/project-folder/delete/${id}`, idempotent: false, action: 'turn the project folder into a plain folder', itemIndex: i });
	return [{ json: { id, convertedToFolder: true } }];
}
