import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, requireEmail } from '../../helpers/directory';
import { inputError } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Your new email address. With email and password sign-in, update the n8n credential too.' },
			{ displayName: 'Email Signature', name: 'messageSignature', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Text added at the end of the share emails you send' },
			{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'en', description: 'Language ID of the web app and emails (see Site Settings → List Languages)' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Your full name' },
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /profile/set'];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body = compact({
		name: fields.name ? String(fields.name).trim() : undefined,
		email: fields.email ? requireEmail(this, i, 'Update Fields → Email', fields.email) : undefined,
		language: fields.language || undefined,
		message_signature: fields.messageSignature === undefined ? undefined : String(fields.messageSignature),
	});
	if (Object.keys(body).length === 0) throw inputError(this, i, 'Update Fields', 'is empty', 'Add at least one field to change.');
	return [{ json: await quatrixRequest.call(this, { method: 'POST', path: '/profile/set', body, idempotent: true, action: 'update your profile', itemIndex: i }) }];
}
