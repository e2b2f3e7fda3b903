import type { INodeProperties } from 'n8n-workflow';

/** From / To of a period; the same two fields for the activity log and the inbox. */
export const periodFields = (what: string): INodeProperties[] => [
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		description: `Only ${what} at or after this time. Empty: from the beginning.`,
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		description: `Only ${what} at or before this time. Empty: until now.`,
	},
];

export const orderField: INodeProperties = {
	displayName: 'Order',
	name: 'order',
	type: 'options',
	default: 'newest',
	options: [
		{ name: 'Newest First', value: 'newest', description: 'With a limit, the most recent rows are kept' },
		{ name: 'Oldest First', value: 'oldest', description: 'With a limit, the earliest rows are kept' },
	],
};
