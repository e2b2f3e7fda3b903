import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit } from '../../descriptions/common';
import { projectFolderLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';
import { memberItems } from './members';

const properties: INodeProperties[] = [projectFolderLocator({ description: 'The project folder whose members to list' }), ...returnAllOrLimit({})];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /project-folder/users/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['projectFolder'], operation: ['listMembers'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'projectFolder', 'Project Folder');
	const answer = await quatrixRequest.call(this, { method: 'GET', path: `/project-folder/users/${id}`, action: 'list the members', itemIndex: i });
	return memberItems(limitRows(this, i, expectArray<IDataObject>(this, 'list the members', answer, i)), id);
}
