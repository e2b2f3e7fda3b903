import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, toItems } from '../../descriptions/common';
import { periodOf, readTimeFeed } from '../../helpers/periods';
import { SHARE_TYPE_NAMES } from '../../helpers/sharing';
import { orderField, periodFields } from '../activity/periodFields';

const properties: INodeProperties[] = [
	...periodFields('shares that became available'),
	...returnAllOrLimit({}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Kind',
				name: 'kind',
				type: 'options',
				default: 'any',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'File Requests', value: 'fileRequest', description: 'Someone asks you for files' },
					{ name: 'Shares', value: 'share', description: 'Someone shared files with you' },
				],
			},
			{
				displayName: 'Not Yet Answered',
				name: 'notReplied',
				type: 'boolean',
				default: false,
				description: 'Whether to keep only those you have not answered with files yet',
			},
		],
	},
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [orderField] },
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /inbox'];

export const description = updateDisplayOptions({ show: { resource: ['inbox'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { from, to } = periodOf(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as { kind?: string; notReplied?: boolean };
	const { order } = this.getNodeParameter('options', i, {}) as { order?: 'newest' | 'oldest' };
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = this.getNodeParameter('limit', i, 50) as number;
	const filtering = (filters.kind && filters.kind !== 'any') || filters.notReplied === true;
	const rows = await readTimeFeed(
		this,
		i,
		{ path: '/inbox', action: 'read the inbox', timeField: 'activates' },
		{ from, to, order, maxRows: returnAll || filtering ? undefined : limit },
	);
	const kept = rows
		.filter(
			(row) =>
				(!filters.kind || filters.kind === 'any' || (filters.kind === 'fileRequest') === (row.file_request === true)) &&
				(!filters.notReplied || row.replied !== true),
		)
		.map((row) => (SHARE_TYPE_NAMES[String(row.type)] ? { ...row, shareTypeName: SHARE_TYPE_NAMES[String(row.type)] } : row));
	return toItems(returnAll ? kept : kept.slice(0, limit));
}
