import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit, toItems } from '../../descriptions/common';
import { getList } from '../../helpers/directory';

const properties: INodeProperties[] = [
	...returnAllOrLimit({}),
	{
		displayName: 'Name Contains',
		name: 'nameContains',
		type: 'string',
		default: '',
		description: 'Only groups whose name contains this text (not case-sensitive)',
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /group'];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['list'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('nameContains', i, '') ?? '').trim().toLowerCase();
	const groups = (await getList(this, '/group', 'list groups', i)).filter((group) => name === '' || String(group.name ?? '').toLowerCase().includes(name));
	return toItems(limitRows(this, i, groups));
}
