import type { INodeProperties } from 'n8n-workflow';

import { UUID_PATTERN } from '../helpers/validate';

/**
 * A share, quicklink or file request, picked from a list or given by ID. The list is the shares you made
 * (`searchShares`) or, for what you received, your inbox (`searchReceivedShares`).
 */
export function shareLocator(
	overrides: Partial<INodeProperties> & Pick<INodeProperties, 'displayOptions'>,
	searchListMethod: 'searchShares' | 'searchReceivedShares' = 'searchShares',
): INodeProperties {
	return {
		displayName: 'Share',
		name: 'share',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The share, quicklink or file request',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
				validation: [{ type: 'regex', properties: { regex: UUID_PATTERN, errorMessage: 'Not a Quatrix share ID' } }],
			},
		],
		...overrides,
	};
}

/** A user picked by name or email (the users list), or by ID. */
export function userLocator(overrides: Partial<INodeProperties> & Pick<INodeProperties, 'displayOptions'>): INodeProperties {
	return {
		displayName: 'User',
		name: 'user',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
				validation: [{ type: 'regex', properties: { regex: UUID_PATTERN, errorMessage: 'Not a Quatrix user ID' } }],
			},
		],
		...overrides,
	};
}

/** Recipients as the user types them: emails and contact/user IDs. */
export const recipientsField: INodeProperties = {
	displayName: 'Recipients',
	name: 'recipients',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. anna@example.com, 3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
	description: 'Email addresses or Quatrix contact/user IDs, separated by commas. Emails are looked up among your contacts and users.',
};

export const createMissingContactsField: INodeProperties = {
	displayName: 'Create Missing Contacts',
	name: 'createMissingContacts',
	type: 'boolean',
	default: false,
	description: 'Whether to add an email that is not yet a Quatrix contact as a new contact. When off, such an email stops the step and nothing is sent.',
};

/** The first file (a locator) plus more file IDs: the files of a share or quicklink. */
export const filesFields: INodeProperties[] = [
	{
		displayName: 'File',
		name: 'file',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The file (or folder) to share. Add more with "More File IDs".',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchItems', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
				validation: [{ type: 'regex', properties: { regex: UUID_PATTERN, errorMessage: 'Not a Quatrix file ID' } }],
			},
			{
				displayName: 'By Path',
				name: 'path',
				type: 'string',
				placeholder: '/Projects/2026/report.pdf',
				hint: 'From your home folder, e.g. /Projects/2026/report.pdf',
			},
		],
	},
	{
		displayName: 'More File IDs',
		name: 'moreFileIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3f2b9c1e-…, 7a1c…',
		description: 'More files to include, as comma-separated IDs (for example the IDs a previous step returned)',
	},
];

/** The PIN field: typed in plain text, sent base64-encoded as Quatrix expects. */
export const pinOption: INodeProperties = {
	displayName: 'PIN',
	name: 'pin',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description: 'A PIN the recipients must type before they can download. Tell it to them another way.',
};

/** The PIN of a share someone sent you, for the recipient-side operations. */
export const sharePinOption: INodeProperties = {
	displayName: 'PIN',
	name: 'pin',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description: "The share's PIN, if the sender protected it with one",
};
