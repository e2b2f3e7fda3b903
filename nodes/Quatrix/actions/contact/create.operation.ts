import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { groupIdsField } from '../../descriptions/directory';
import { getList, requireEmail, requireQuatrixIds, requireText } from '../../helpers/directory';
import { quatrixCodeOf } from '../../transport/errors';
import { quatrixRequest } from '../../transport/request';

/** Quatrix's code for "a contact with this email exists". */
const CONTACT_EXISTS = 32;

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'Email address of the contact',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: 'Full name of the contact',
	},
	{
		displayName: 'If the Contact Exists',
		name: 'ifExists',
		type: 'options',
		default: 'returnExisting',
		options: [
			{ name: 'Return It', value: 'returnExisting', description: 'Return the existing contact, so that re-running a workflow is safe' },
			{ name: 'Fail', value: 'fail', description: 'Stop with an error' },
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			groupIdsField('Group Names or IDs', 'groups', 'getContactGroups', 'Contact groups to put the contact in'),
			{
				displayName: 'Personal',
				name: 'personal',
				type: 'boolean',
				default: false,
				description: 'Whether only you see the contact. Otherwise it is a site contact that every user can share with.',
			},
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /contact/create', 'GET /contact'];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const email = requireEmail(this, i, 'Email', this.getNodeParameter('email', i));
	const name = requireText(this, i, 'Name', this.getNodeParameter('name', i), 'Give the full name of the contact.');
	const extra = this.getNodeParameter('additionalFields', i, {}) as { groups?: string[]; personal?: boolean };
	const body: IDataObject = { email, name };
	if (extra.personal !== undefined) body.personal = extra.personal;
	if (extra.groups?.length) body.groups = requireQuatrixIds(this, i, 'Additional Fields → Groups', extra.groups);
	try {
		const contact = await quatrixRequest.call(this, {
			method: 'POST',
			path: '/contact/create',
			body,
			// Not idempotent: a repeat after a lost answer would meet "contact exists".
			idempotent: false,
			action: `create the contact ${email}`,
			itemIndex: i,
		});
		return [{ json: { ...contact, created: true } }];
	} catch (error) {
		const lookUp = quatrixCodeOf(error) === CONTACT_EXISTS && this.getNodeParameter('ifExists', i, 'returnExisting') === 'returnExisting';
		const existing = lookUp
			? (await getList(this, '/contact', 'look up the existing contact', i)).find((contact) => String(contact.email ?? '').toLowerCase() === email.toLowerCase())
			: undefined;
		if (existing) return [{ json: { ...existing, created: false } }];
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}
