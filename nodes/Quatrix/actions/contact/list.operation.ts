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
				description: 'Only contacts whose email address contains this text (not case-sensitive)',
			},
			{
				displayName: 'Kind',
				name: 'personal',
				type: 'options',
				default: 'all',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Personal Contacts', value: 'personal', description: 'Contacts only you see' },
					{ name: 'Site Contacts', value: 'site', description: 'Contacts shared with the whole account' },
				],
			},
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				description: 'Only contacts whose name contains this text (not case-sensitive)',
			},
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /contact'];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['list'] } }, properties);

/** unknown: the `type` values of contacts; "personal" is assumed for personal ones (site contacts carry another). */
const isPersonal = (type: unknown) => String(type ?? '').toLowerCase().startsWith('p');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as { emailContains?: string; nameContains?: string; personal?: string };
	const email = (filters.emailContains ?? '').trim().toLowerCase();
	const name = (filters.nameContains ?? '').trim().toLowerCase();
	const kind = filters.personal ?? 'all';
	const contacts = (await getList(this, '/contact', 'list contacts', i)).filter(
		(contact) =>
			(kind === 'all' || (kind === 'personal') === isPersonal(contact.type)) &&
			(email === '' || String(contact.email ?? '').toLowerCase().includes(email)) &&
			(name === '' || String(contact.name ?? '').toLowerCase().includes(name)),
	);
	return toItems(limitRows(this, i, contacts));
}
