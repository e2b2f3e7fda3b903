import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit, toItems } from '../../descriptions/common';
import { getList } from '../../helpers/directory';

const properties: INodeProperties[] = [
	...returnAllOrLimit({}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Email Contains',
				name: 'emailContains',
				type: 'string',
				default: '',
				placeholder: '@example.com',
				description: 'Only users whose email address contains this text (not case-sensitive)',
			},
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				description: 'Only users whose name contains this text (not case-sensitive)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'A',
				options: [
					{ name: 'Active', value: 'A', description: 'Users who can sign in' },
					{ name: 'Disabled', value: 'D', description: 'Users who cannot sign in' },
				],
			},
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /user'];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['list'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as { emailContains?: string; nameContains?: string; status?: string };
	const email = (filters.emailContains ?? '').trim().toLowerCase();
	const name = (filters.nameContains ?? '').trim().toLowerCase();
	// Quatrix returns every user at once: filter and limit here.
	const users = (await getList(this, '/user', 'list users', i)).filter(
		(user) =>
			(!filters.status || user.status === filters.status) &&
			(email === '' || String(user.email ?? '').toLowerCase().includes(email)) &&
			(name === '' || String(user.name ?? '').toLowerCase().includes(name)),
	);
	return toItems(limitRows(this, i, users));
}
