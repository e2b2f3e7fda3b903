import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { folderLocator } from '../../descriptions/locators';
import { createMissingContactsField, recipientsField } from '../../descriptions/sharing';
import { resolveItemId } from '../../helpers/locators';
import { parseRecipients, resolveRecipients } from '../../helpers/sharing';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';

const properties: INodeProperties[] = [
	{ ...recipientsField, description: 'Who should send you files: email addresses or Quatrix contact/user IDs, separated by commas' },
	folderLocator({
		displayName: 'Put Files In',
		name: 'folder',
		default: { mode: 'list', value: '' },
		required: false,
		description: 'The folder the requested files land in. Empty: where Quatrix puts them by default.',
		displayOptions: {},
	}),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'What you are asking for, shown in the email and on the upload page',
	},
	{
		displayName: 'Email the Recipients',
		name: 'sendEmail',
		type: 'boolean',
		default: true,
		description: 'Whether Quatrix emails the recipients the request link. When off, send the returned URL yourself.',
	},
	createMissingContactsField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Encrypt Returned Files With PGP',
				name: 'returnPgpEncrypted',
				type: 'boolean',
				default: false,
				description: 'Whether the files sent to you are PGP-encrypted (you need a PGP key in Quatrix)',
			},
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /share/recipients', 'POST /contact/create', 'POST /share/request'];

export const description = updateDisplayOptions({ show: { resource: ['fileRequest'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const input = parseRecipients(this, i, 'Recipients', this.getNodeParameter('recipients', i));
	const options = this.getNodeParameter('options', i, {}) as { returnPgpEncrypted?: boolean };
	const sendEmail = this.getNodeParameter('sendEmail', i, true) as boolean;
	const message = this.getNodeParameter('message', i, '') as string;
	const folder = this.getNodeParameter('folder', i, { mode: 'list', value: '' }) as INodeParameterResourceLocator;
	const folderId = folder?.value ? await resolveItemId(this, i, 'folder', 'Put Files In', 'folder') : undefined;
	const recipients = await resolveRecipients(this, i, 'Recipients', input, this.getNodeParameter('createMissingContacts', i, false) as boolean);
	const body: IDataObject = { ids: recipients.map((recipient) => recipient.id), send_email: sendEmail };
	if (folderId) body.folder_id = folderId;
	if (message) body.message = message;
	if (options.returnPgpEncrypted !== undefined) body.return_pgp_encrypted = options.returnPgpEncrypted;
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/share/request',
		body,
		idempotent: false,
		action: 'request the files',
		itemIndex: i,
	});
	const request = expectShape<{ id: string; url: string }>(this, 'request the files', answer, { id: 'string', url: 'string' }, i);
	return [{ json: { ...request, recipients, ...(folderId ? { folderId } : {}), emailSent: sendEmail } }];
}
