import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator, groupIdsField } from '../../descriptions/directory';
import { compact, requireEmail, requireQuatrixIds, resolveRecordId } from '../../helpers/directory';
import { inputError } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	contactLocator({ description: 'The contact to change' }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'New email address of the contact' },
			groupIdsField('Group Names or IDs', 'groups', 'getContactGroups', 'Contact groups the contact belongs to (replaces the current ones)'),
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New full name of the contact' },
			{
				displayName: 'Personal',
				name: 'personal',
				type: 'boolean',
				default: false,
				description: 'Whether only you see the contact. Otherwise it is a site contact.',
			},
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /contact/edit/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'contact', 'Contact');
	const fields = this.getNodeParameter('updateFields', i, {}) as { email?: string; name?: string; personal?: boolean; groups?: string[] };
	const body: IDataObject = compact({
		email: fields.email ? requireEmail(this, i, 'Update Fields → Email', fields.email) : undefined,
		name: fields.name?.trim() || undefined,
		personal: fields.personal,
		groups: fields.groups?.length ? requireQuatrixIds(this, i, 'Update Fields → Groups', fields.groups) : undefined,
	});
	if (Object.keys(body).length === 0) throw inputError(this, i, 'Update Fields', 'is empty', 'Add at least one field to change.');
	const contact = await quatrixRequest.call(this, {
		method: 'POST',
		path: `/contact/edit/${id}`,
		body,
		idempotent: true,
		action: 'update the contact',
		itemIndex: i,
	});
	return [{ json: contact }];
}
