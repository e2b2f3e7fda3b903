import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireEmail, requireText } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';
import { userBody, userFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'Email address of the new user; Quatrix sends the invitation there',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: 'Full name of the new user',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: userFields(false),
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /user/create'];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const email = requireEmail(this, i, 'Email', this.getNodeParameter('email', i));
	const name = requireText(this, i, 'Name', this.getNodeParameter('name', i), 'Give the full name of the new user.');
	const extra = userBody(this, i, this.getNodeParameter('additionalFields', i, {}) as IDataObject, 'Additional Fields');
	const user = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/user/create',
		body: { ...extra, email, name },
		// Not idempotent: a blind repeat after a lost answer would fail with "user exists" or invite twice.
		idempotent: false,
		action: `create the user ${email}`,
		itemIndex: i,
	});
	return [{ json: user }];
}
