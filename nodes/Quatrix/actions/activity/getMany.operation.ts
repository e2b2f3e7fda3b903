import type { IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, toItems } from '../../descriptions/common';
import { userLocator } from '../../descriptions/sharing';
import { periodOf, readTimeFeed } from '../../helpers/periods';
import { requireQuatrixId } from '../../helpers/validate';
import { orderField, periodFields } from './periodFields';

export const EVENT_OPTIONS = [
	{ name: 'File', value: 'file', description: 'Uploads, downloads, moves, renames, deletions and new folders' },
	{ name: 'Returned Files', value: 'files-return', description: 'Files sent back through a share or file request' },
	{ name: 'Share', value: 'share', description: 'Shares, quicklinks and file requests: created, emailed, revoked, answered' },
];

export const ACTION_OPTIONS = [
	{ name: 'Create', value: 'create', description: 'A share was created' },
	{ name: 'Created Link', value: 'created-link', description: 'A link (quicklink or download link) was created' },
	{ name: 'Delete', value: 'delete', description: 'A file or folder was deleted' },
	{ name: 'Download', value: 'download', description: 'A file was downloaded' },
	{ name: 'Make Folder', value: 'makedir', description: 'A folder was created' },
	{ name: 'Move or Rename', value: 'move-rename', description: 'A file or folder was moved or renamed' },
	{ name: 'Replied', value: 'replied', description: 'A recipient answered a share or request' },
	{ name: 'Revoke', value: 'revoke', description: 'A share was revoked' },
	{ name: 'Sent Email', value: 'sent-email', description: 'Quatrix emailed a share to its recipients' },
	{ name: 'Upload', value: 'upload', description: 'A file was uploaded' },
];

const properties: INodeProperties[] = [
	...periodFields('events'),
	userLocator({ displayOptions: {}, description: 'Only this user\'s events. Empty: every user you can see.' }),
	...returnAllOrLimit({}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{ displayName: 'Actions', name: 'actions', type: 'multiOptions', default: [], options: ACTION_OPTIONS, description: 'Only these actions' },
			{ displayName: 'Events', name: 'events', type: 'multiOptions', default: [], options: EVENT_OPTIONS, description: 'Only these kinds of event' },
		],
	},
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [orderField] },
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /tracking/activity'];

export const description = updateDisplayOptions({ show: { resource: ['activity'], operation: ['getMany'] } }, properties);

/** The optional user filter of a step: a user ID or nothing. */
export function userFilterOf(ctx: IExecuteFunctions, i: number): string | undefined {
	const locator = ctx.getNodeParameter('user', i, { mode: 'list', value: '' }) as INodeParameterResourceLocator | string;
	const value = typeof locator === 'object' ? locator?.value : locator;
	return value ? requireQuatrixId(ctx, i, 'User', value) : undefined;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { from, to } = periodOf(this, i);
	const userId = userFilterOf(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as { actions?: string[]; events?: string[] };
	const { order } = this.getNodeParameter('options', i, {}) as { order?: 'newest' | 'oldest' };
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = this.getNodeParameter('limit', i, 50) as number;
	const filtering = !!(filters.actions?.length || filters.events?.length);
	const rows = await readTimeFeed(
		this,
		i,
		{ path: '/tracking/activity', action: 'read the activity log', qs: userId ? { user_id: userId } : {}, timeField: 'timestamp' },
		// Filters are applied here, so a limit must not stop the reading early.
		{ from, to, order, maxRows: returnAll || filtering ? undefined : limit },
	);
	const kept = rows.filter(
		(row) =>
			(!filters.actions?.length || filters.actions.includes(String(row.action))) &&
			(!filters.events?.length || filters.events.includes(String(row.event))),
	);
	return toItems(returnAll ? kept : kept.slice(0, limit));
}
