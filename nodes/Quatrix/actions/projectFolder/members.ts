import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { permissionFields } from '../../descriptions/directory';
import { permissionValue, withPermissionName } from '../../helpers/directory';
import { inputError, requireQuatrixId } from '../../helpers/validate';

/** The members list of Create, Add Members and Update Members: user, permission preset (or raw bitmask), notify. */
export function membersField(description: string): INodeProperties {
	return {
		displayName: 'Members',
		name: 'members',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Member',
		description,
		options: [
			{
				displayName: 'Member',
				name: 'member',
				values: [
					{
						displayName: 'User Name or ID',
						name: 'userId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getUsers' },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					...permissionFields(),
					{
						displayName: 'Notify',
						name: 'notify',
						type: 'boolean',
						default: false,
						description: 'Whether Quatrix emails the user about changes in the folder',
					},
				],
			},
		],
	};
}

export interface MemberPermission extends IDataObject {
	user_id: string;
	operations: number;
	notify: boolean;
}

/** The `users_permissions` array from the Members field; at least one member. */
export function membersOf(ctx: IExecuteFunctions, i: number): MemberPermission[] {
	const rows = ((ctx.getNodeParameter('members', i, {}) as { member?: IDataObject[] }).member ?? []) as IDataObject[];
	if (rows.length === 0) throw inputError(ctx, i, 'Members', 'is empty', 'Add at least one member.');
	return rows.map((row, n) => ({
		user_id: requireQuatrixId(ctx, i, `Members → Member ${n + 1} → User`, row.userId),
		operations: permissionValue(ctx, i, `Members → Member ${n + 1} → Permission`, row.permission, row.rawPermission),
		notify: row.notify === true,
	}));
}

/** Member rows with the preset name of their bitmask, one item each. */
export const memberItems = (rows: IDataObject[], projectFolderId: string) =>
	rows.map((row) => ({ json: withPermissionName({ projectFolderId, ...row }) }));
