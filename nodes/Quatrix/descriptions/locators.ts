import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { UUID_PATTERN } from '../helpers/validate';

const idMode = (what: string): INodePropertyMode => ({
	displayName: 'By ID',
	name: 'id',
	type: 'string',
	placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
	validation: [{ type: 'regex', properties: { regex: UUID_PATTERN, errorMessage: `Not a Quatrix ${what} ID` } }],
});

const pathMode = (example: string): INodePropertyMode => ({
	displayName: 'By Path',
	name: 'path',
	type: 'string',
	placeholder: example,
	hint: 'From your home folder, e.g. ' + example + '. "/" is the home folder.',
});

/** A folder picker: browse and search, an ID, or a path from the home folder. */
export function folderLocator(overrides: Partial<INodeProperties> & Pick<INodeProperties, 'displayOptions'>): INodeProperties {
	return {
		displayName: 'Folder',
		name: 'folder',
		type: 'resourceLocator',
		default: { mode: 'path', value: '/' },
		required: true,
		description: 'The folder; "/" in By Path is your home folder',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchFolders', searchable: true },
			},
			idMode('folder'),
			pathMode('/Projects/2026'),
		],
		...overrides,
	};
}

/** A file-or-folder picker: browse and search, an ID, or a path from the home folder. */
export function itemLocator(overrides: Partial<INodeProperties> & Pick<INodeProperties, 'displayOptions'>): INodeProperties {
	return {
		displayName: 'File or Folder',
		name: 'item',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchItems', searchable: true },
			},
			idMode('file'),
			pathMode('/Projects/2026/report.pdf'),
		],
		...overrides,
	};
}

/** The per-request timeout, offered in the Options of operations that may talk to a slow server. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 300,
	description: 'How long to wait for each answer from Quatrix before giving up',
};
