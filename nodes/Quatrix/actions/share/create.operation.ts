import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { folderLocator } from '../../descriptions/locators';
import { createMissingContactsField, filesFields, pinOption, recipientsField } from '../../descriptions/sharing';
import { resolveItemId } from '../../helpers/locators';
import {
	checkMoreFileIds,
	encodePin,
	folderOfFiles,
	parseRecipients,
	resolveFileIds,
	resolveRecipients,
	SHARE_TYPE_NAMES,
	SHARE_TYPE_OPTIONS,
} from '../../helpers/sharing';
import { inputError, toEpochSeconds } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';

const properties: INodeProperties[] = [
	...filesFields,
	recipientsField,
	{
		displayName: 'Share Type',
		name: 'shareType',
		type: 'options',
		default: 'T',
		options: SHARE_TYPE_OPTIONS,
		description: 'Who may download the files',
	},
	{
		displayName: 'Expires On',
		name: 'expiresOn',
		type: 'dateTime',
		default: '',
		description: 'When the share stops working. Empty: it never expires.',
	},
	{
		displayName: 'Email the Recipients',
		name: 'sendEmail',
		type: 'boolean',
		default: true,
		description: 'Whether Quatrix emails the recipients a link to the share. When off, the share is only created; send its link yourself.',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		description: 'Subject of the email, also shown on the share page',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Text of the email, also shown on the share page',
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
				displayName: 'Activates On',
				name: 'activatesOn',
				type: 'dateTime',
				default: '',
				description: 'When recipients can start downloading. Empty: at once.',
			},
			{
				displayName: 'Allow Recipients to Return Files',
				name: 'returnFiles',
				type: 'boolean',
				default: false,
				description: 'Whether recipients may upload files back to you through this share',
			},
			{
				displayName: 'Encrypt Returned Files With PGP',
				name: 'returnPgpEncrypted',
				type: 'boolean',
				default: false,
				description: 'Whether files returned by the recipients are PGP-encrypted for you',
			},
			{
				displayName: 'Encrypt With PGP',
				name: 'pgpEncrypted',
				type: 'boolean',
				default: false,
				description: 'Whether the files are PGP-encrypted for the recipients. You and the recipients need PGP keys in Quatrix; not possible for public shares.',
			},
			folderLocator({
				displayName: 'Folder of the Files',
				name: 'folder',
				default: { mode: 'list', value: '' },
				required: false,
				description: 'The folder that holds the files. Empty: found from the files themselves.',
				displayOptions: {},
			}),
			{
				displayName: 'Message Signature',
				name: 'messageSignature',
				type: 'string',
				default: '',
				description: 'Signature added below the message',
			},
			{
				displayName: 'Notify Me',
				name: 'notify',
				type: 'boolean',
				default: false,
				description: 'Whether Quatrix emails you about this share (for example when it is downloaded)',
			},
			pinOption,
		],
	},
];

const displayOptions = { show: { resource: ['share'], operation: ['create'] } };

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /share/recipients', 'POST /contact/create', 'GET /file/metadata/{id}', 'POST /share/create'];

export const description = updateDisplayOptions(displayOptions, properties);

interface Options {
	activatesOn?: string;
	returnFiles?: boolean;
	pgpEncrypted?: boolean;
	returnPgpEncrypted?: boolean;
	folder?: INodeParameterResourceLocator;
	messageSignature?: string;
	notify?: boolean;
	pin?: string;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// Everything the user typed is checked before the first request.
	const options = this.getNodeParameter('options', i, {}) as Options;
	const shareType = this.getNodeParameter('shareType', i, 'T') as string;
	if (!SHARE_TYPE_NAMES[shareType]) throw inputError(this, i, 'Share Type', `"${shareType}" is not a share type`, 'Choose Public, Tracked or Restricted.');
	const recipientInput = parseRecipients(this, i, 'Recipients', this.getNodeParameter('recipients', i));
	const moreFileIds = this.getNodeParameter('moreFileIds', i, '');
	checkMoreFileIds(this, i, moreFileIds);
	const now = Date.now() / 1000;
	const expiresValue = this.getNodeParameter('expiresOn', i, '') as string;
	const expires = expiresValue ? toEpochSeconds(this, i, 'Expires On', expiresValue) : undefined;
	if (expires !== undefined && expires <= now) {
		throw inputError(this, i, 'Expires On', `${new Date(expires * 1000).toISOString()} is in the past`, 'Choose a date in the future, or leave it empty for a share that never expires.');
	}
	const activates = options.activatesOn ? toEpochSeconds(this, i, 'Activates On', options.activatesOn) : undefined;
	if (activates !== undefined && expires !== undefined && expires <= activates) {
		throw inputError(this, i, 'Expires On', 'is not after Activates On', 'Choose an expiry date after the activation date.');
	}
	if (options.pgpEncrypted && shareType === 'P') {
		throw inputError(this, i, 'Encrypt With PGP', 'is not possible for a public share', 'Choose Tracked or Restricted, or turn PGP off.');
	}
	const pin = encodePin(this, i, options.pin);
	const sendEmail = this.getNodeParameter('sendEmail', i, true) as boolean;

	const files = await resolveFileIds(this, i, moreFileIds);
	const folderGiven = options.folder && options.folder.value !== '' && options.folder.value !== undefined;
	const folderId = folderGiven ? await resolveItemId(this, i, 'options.folder', 'Folder of the Files', 'folder') : await folderOfFiles(this, i, files);
	const recipients = await resolveRecipients(this, i, 'Recipients', recipientInput, this.getNodeParameter('createMissingContacts', i, false) as boolean);

	const body: IDataObject = {
		files,
		contacts: recipients.map((recipient) => recipient.id),
		folder_id: folderId,
		share_type: shareType,
		send_email: sendEmail,
	};
	const subject = this.getNodeParameter('subject', i, '') as string;
	const message = this.getNodeParameter('message', i, '') as string;
	if (subject) body.subject = subject;
	if (message) body.message = message;
	if (expires !== undefined) body.expires = expires;
	if (activates !== undefined) body.activates = activates;
	if (pin) body.pin = pin;
	if (options.notify !== undefined) body.notify = options.notify;
	if (options.returnFiles !== undefined) body.return_files = options.returnFiles;
	if (options.pgpEncrypted !== undefined) body.pgp_encrypted = options.pgpEncrypted;
	if (options.returnPgpEncrypted !== undefined) body.return_pgp_encrypted = options.returnPgpEncrypted;
	if (options.messageSignature) body.message_signature = options.messageSignature;

	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/share/create',
		body,
		idempotent: false,
		action: 'create the share',
		itemIndex: i,
	});
	const share = expectShape<{ id: string }>(this, 'create the share', answer, { id: 'string' }, i);
	return [
		{
			json: {
				...share,
				shareType: SHARE_TYPE_NAMES[shareType],
				files,
				folderId,
				recipients,
				...(expires !== undefined ? { expires } : {}),
				emailSent: sendEmail,
			},
		},
	];
}
