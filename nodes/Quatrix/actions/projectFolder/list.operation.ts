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
		description: 'Only project folders whose name contains this text (not case-sensitive)',
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /project-folder'];

export const description = updateDisplayOptions({ show: { resource: ['projectFolder'], operation: ['list'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('nameContains', i, '') ?? '').trim().toLowerCase();
	const folders = (await getList(this, '/project-folder', 'list project folders', i)).filter(
		(folder) => name === '' || String(folder.name ?? '').toLowerCase().includes(name),
	);
	return toItems(limitRows(this, i, folders));
}
