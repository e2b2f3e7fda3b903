import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, toItems } from '../../descriptions/common';
import { userLocator } from '../../descriptions/sharing';
import { listTracking, trackingKindOf, trackingStateOf } from '../../helpers/sharing';
import { requireQuatrixId, toEpochSeconds } from '../../helpers/validate';

const properties: INodeProperties[] = [
	{
		displayName: 'Made By',
		name: 'madeBy',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'Everyone I Manage', value: 'all', description: 'Shares of every user you can manage (yourself included)' },
			{ name: 'One User', value: 'user', description: 'Shares made by one user' },
		],
	},
	userLocator({ required: true, displayOptions: { show: { madeBy: ['user'] } }, description: 'The user whose shares to list' }),
	...returnAllOrLimit({}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only shares created after this time',
			},
			{
				displayName: 'Kind',
				name: 'kind',
				type: 'options',
				default: 'any',
				options: [
					{ name: 'Any', value: 'any', description: 'Shares, quicklinks and file requests' },
					{ name: 'File Requests', value: 'fileRequest', description: 'Requests for files sent to people' },
					{ name: 'Quicklinks', value: 'quicklink', description: 'Public links without named recipients' },
					{ name: 'Shares', value: 'share', description: 'Files shared with named recipients' },
				],
			},
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				default: 'any',
				options: [
					{ name: 'Active', value: 'active', description: 'Still usable' },
					{ name: 'Any', value: 'any' },
					{ name: 'Expired', value: 'expired', description: 'Past their expiry date' },
					{ name: 'Revoked', value: 'revoked', description: 'Revoked by their owner or an administrator' },
				],
			},
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /tracking/', 'GET /tracking/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['share'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as { createdAfter?: string; kind?: string; state?: string };
	const createdAfter = filters.createdAfter ? toEpochSeconds(this, i, 'Created After', filters.createdAfter) : undefined;
	let userId: string | undefined;
	if (this.getNodeParameter('madeBy', i, 'all') === 'user') {
		const locator = this.getNodeParameter('user', i) as INodeParameterResourceLocator;
		userId = requireQuatrixId(this, i, 'User', locator?.value);
	}
	const now = Date.now() / 1000;
	const rows = (await listTracking(this, userId, i))
		.map((row): IDataObject => ({ ...row, kind: trackingKindOf(row), state: trackingStateOf(row, now) }))
		.filter(
			(row) =>
				(!filters.kind || filters.kind === 'any' || row.kind === filters.kind) &&
				(!filters.state || filters.state === 'any' || row.state === filters.state) &&
				(createdAfter === undefined || Number(row.created ?? 0) > createdAfter),
		)
		.sort((a, b) => Number(b.created ?? 0) - Number(a.created ?? 0));
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = this.getNodeParameter('limit', i, 50) as number;
	return toItems(returnAll ? rows : rows.slice(0, limit));
}
