import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupIdsField, permissionFields, userStatusOptions } from '../../descriptions/directory';
import { compact, permissionValue, requireEmail, requireQuatrixIds } from '../../helpers/directory';
import { inputError } from '../../helpers/validate';

/** The optional user fields shared by Create and Update, in the user's words. */
export function userFields(forUpdate: boolean): INodeProperties[] {
	return [
		...(forUpdate
			? [
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'New email address (sign-in name) of the user' } as INodeProperties,
					{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New full name of the user' } as INodeProperties,
				]
			: []),
		{
			displayName: 'Administrator',
			name: 'superAdmin',
			type: 'boolean',
			default: false,
			description: 'Whether the user is a super administrator of the account',
		},
		groupIdsField('Group Names or IDs', 'groups', 'getUserGroups', 'User groups the user belongs to (they set what the user may do)'),
		...permissionFields('home').map((field) =>
			field.name === 'homePermission'
				? { ...field, displayName: 'Home Folder Permission', description: 'What the user may do in their home folder' }
				: { ...field, displayName: 'Home Folder Raw Permission Value' },
		),
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: '',
			placeholder: 'en',
			description: 'Language ID of the web app and emails for this user (see Site Settings → List Languages)',
		},
		{
			displayName: 'Storage Quota (Bytes)',
			name: 'quota',
			type: 'number',
			default: -1,
			typeOptions: { minValue: -1 },
			description: 'How many bytes the user may store; -1 means no personal limit (the account limit applies)',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'A',
			options: userStatusOptions,
		},
		{
			displayName: 'User Permissions (Raw Value)',
			name: 'userOperations',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'The Quatrix bitmask of what the user may do ("user_operations"); its bits are not documented by Quatrix',
		},
	];
}

/** The body fields for `/user/create` and `/user/edit` from what the user set. */
export function userBody(ctx: IExecuteFunctions, i: number, fields: IDataObject, fieldGroup: string): IDataObject {
	const body: IDataObject = {
		name: fields.name === undefined ? undefined : String(fields.name).trim() || undefined,
		email: fields.email === undefined || fields.email === '' ? undefined : requireEmail(ctx, i, `${fieldGroup} → Email`, fields.email),
		super_admin: fields.superAdmin === undefined ? undefined : fields.superAdmin ? 'Y' : 'N',
		status: fields.status,
		language: fields.language === undefined || fields.language === '' ? undefined : String(fields.language),
		user_operations: fields.userOperations,
	};
	if (fields.quota !== undefined) {
		const quota = Number(fields.quota);
		if (!Number.isInteger(quota) || quota < -1) throw inputError(ctx, i, `${fieldGroup} → Storage Quota`, `"${String(fields.quota)}" is not a byte count`, 'Give a whole number of bytes, or -1 for no limit.');
		body.quota = quota;
	}
	if (fields.groups !== undefined && (fields.groups as unknown[]).length > 0) {
		body.groups = requireQuatrixIds(ctx, i, `${fieldGroup} → Groups`, fields.groups);
	}
	if (fields.homePermission !== undefined) {
		body.home_operations = permissionValue(ctx, i, `${fieldGroup} → Home Folder Permission`, fields.homePermission, fields.homeRawPermission);
	}
	return compact(body);
}
