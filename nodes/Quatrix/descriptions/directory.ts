import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { UUID_PATTERN } from '../helpers/validate';

/**
 * Pickers for the records of the account's directory (users, contacts, groups, project folders, automation
 * rules): browse and search by name, or give an ID.
 */
function recordLocator(
	displayName: string,
	name: string,
	searchListMethod: string,
	what: string,
	overrides: Partial<INodeProperties>,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
				validation: [{ type: 'regex', properties: { regex: UUID_PATTERN, errorMessage: `Not a Quatrix ${what} ID` } }],
			},
		],
		...overrides,
	};
}

export const userLocator = (overrides: Partial<INodeProperties> = {}) =>
	recordLocator('User', 'user', 'searchUsers', 'user', { description: 'The Quatrix user', ...overrides });

export const contactLocator = (overrides: Partial<INodeProperties> = {}) =>
	recordLocator('Contact', 'contact', 'searchContacts', 'contact', { description: 'The contact', ...overrides });

export const groupLocator = (overrides: Partial<INodeProperties> = {}) =>
	recordLocator('Group', 'group', 'searchGroups', 'group', { description: 'The user or contact group', ...overrides });

export const projectFolderLocator = (overrides: Partial<INodeProperties> = {}) =>
	recordLocator('Project Folder', 'projectFolder', 'searchProjectFolders', 'project folder', {
		description: 'The project folder (a folder shared with named users)',
		...overrides,
	});

export const automationRuleLocator = (overrides: Partial<INodeProperties> = {}) =>
	recordLocator('Automation Rule', 'rule', 'searchAutomationRules', 'automation rule', {
		description: 'The automation rule',
		...overrides,
	});

/**
 * Folder permissions. Quatrix sends them as an undocumented bitmask (`operations`); the web app offers these
 * presets. The numbers below are ASSUMED (the bits are not published): check them against your account with
 * "Raw Value" if a preset does not give the access you expect.
 */
export const PERMISSION_PRESETS = {
	none: 0,
	listOnly: 1,
	listAndRead: 3,
	readAndWrite: 31,
	fullAndManage: 255,
} as const;

export type PermissionPreset = keyof typeof PERMISSION_PRESETS;

export const permissionOptions: INodePropertyOptions[] = [
	{ name: 'Full Access and Manage', value: 'fullAndManage', description: 'Read, write, delete, share and manage members' },
	{ name: 'List and Read', value: 'listAndRead', description: 'See the files and download them' },
	{ name: 'List Only', value: 'listOnly', description: 'See the names of the files, nothing more' },
	{ name: 'No Access', value: 'none', description: 'No access to the folder' },
	{ name: 'Raw Value', value: 'raw', description: 'Give the Quatrix permission bitmask yourself' },
	{ name: 'Read and Write', value: 'readAndWrite', description: 'Download, upload, rename and delete files' },
];

/** A permission preset with its raw-value companion field. `prefix` keeps names unique in a collection. */
export function permissionFields(prefix = '', defaultPreset: PermissionPreset = 'readAndWrite'): INodeProperties[] {
	const presetName = prefix ? `${prefix}Permission` : 'permission';
	return [
		{
			displayName: 'Permission',
			name: presetName,
			type: 'options',
			default: defaultPreset,
			options: permissionOptions,
			description: 'What the user may do in the folder',
		},
		{
			displayName: 'Raw Permission Value',
			name: prefix ? `${prefix}RawPermission` : 'rawPermission',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			displayOptions: { show: { [presetName]: ['raw'] } },
			description: 'The Quatrix permission bitmask ("operations"); its bits are not documented by Quatrix',
		},
	];
}

export const userStatusOptions: INodePropertyOptions[] = [
	{ name: 'Active', value: 'A', description: 'The user can sign in' },
	{ name: 'Disabled', value: 'D', description: 'The user cannot sign in; files and shares are kept' },
];

export const mfaTypeOptions: INodePropertyOptions[] = [
	{ name: 'Authenticator App (2FA)', value: '2FA', description: 'A one-time code from an authenticator app' },
	{ name: 'PIN', value: 'PIN', description: 'A PIN asked at sign-in' },
];

export const groupIdsField = (
	displayName: string,
	name: string,
	loadOptionsMethod: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod },
	default: [],
	description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});
