import type { INodeProperties } from 'n8n-workflow';

import { shareLocator } from '../../descriptions/sharing';

/** The share or file request you received and answer with files. */
export const receivedShareLocator: INodeProperties = shareLocator(
	{
		displayOptions: {},
		description: 'The share or file request you received (its ID is in the email link, or from Inbox → Get Many)',
	},
	'searchReceivedShares',
);

/** A folder made with Create Folder, inside the sender's return area. */
export const returnFolderField: INodeProperties = {
	displayName: 'In Folder ID',
	name: 'parentId',
	type: 'string',
	default: '',
	placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
	description: 'A folder made with "Create Folder" to put it in. Empty: the top of the return area.',
};
