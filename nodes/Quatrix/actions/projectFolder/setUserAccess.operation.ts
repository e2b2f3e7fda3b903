import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { permissionFields, userLocator } from '../../descriptions/directory';
import { permissionValue, resolveRecordId, withPermissionName } from '../../helpers/directory';
import { inputError, requireQuatrixId } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';

const properties: INodeProperties[] = [
	userLocator({ description: 'The user whose access to set' }),
	{
		displayName: 'Project Folders',
		name: 'projects',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Project Folder',
		description: 'The project folders the user gets (or keeps) access to, each with a permission',
		options: [
			{
				displayName: 'Project Folder',
				name: 'project',
				values: [
					{
						displayName: 'Project Folder Name or ID',
						name: 'projectId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getProjectFolders' },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					...permissionFields(),
					{
						displayName: 'Notify',
						name: 'notify',
						type: 'boolean',
						default: true,
						description: 'Whether Quatrix emails the user about changes in the folder',
					},
				],
			},
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /project-folder/set-users'];

export const description = updateDisplayOptions({ show: { resource: ['projectFolder'], operation: ['setUserAccess'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const userId = resolveRecordId(this, i, 'user', 'User');
	const rows = ((this.getNodeParameter('projects', i, {}) as { project?: IDataObject[] }).project ?? []) as IDataObject[];
	if (rows.length === 0) throw inputError(this, i, 'Project Folders', 'is empty', 'Add at least one project folder.');
	const params = rows.map((row, n) => ({
		project_id: requireQuatrixId(this, i, `Project Folders → ${n + 1} → Project Folder`, row.projectId),
		operations: permissionValue(this, i, `Project Folders → ${n + 1} → Permission`, row.permission, row.rawPermission),
		notify: row.notify !== false,
	}));
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/project-folder/set-users',
		body: { users: [{ user_id: userId, params }] },
		idempotent: true,
		action: "set the user's project folder access",
		itemIndex: i,
	});
	return expectArray<IDataObject>(this, 'set the access', answer, i).map((row) => ({ json: withPermissionName(row) }));
}
