import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filesFields, pinOption } from '../../descriptions/sharing';
import { checkMoreFileIds, encodePin, resolveFileIds } from '../../helpers/sharing';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';

export const quicklinkFields: INodeProperties[] = [
	...filesFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			pinOption,
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				description: 'A title shown on the quicklink page',
			},
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /quicklink/create'];

export const description = updateDisplayOptions({ show: { resource: ['quicklink'], operation: ['create'] } }, quicklinkFields);

/** Creates a quicklink for `files`; not idempotent, so never sent twice blindly. */
export async function createQuicklink(ctx: IExecuteFunctions, i: number, files: string[], options: { pin?: string; subject?: string }) {
	const body: IDataObject = { files };
	const pin = encodePin(ctx, i, options.pin);
	if (pin) body.pin = pin;
	if (options.subject) body.subject = options.subject;
	const answer = await quatrixRequest.call(ctx, {
		method: 'POST',
		path: '/quicklink/create',
		body,
		idempotent: false,
		action: 'create the quicklink',
		itemIndex: i,
	});
	return expectShape<{ id: string; files?: string[] }>(ctx, 'create the quicklink', answer, { id: 'string' }, i);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as { pin?: string; subject?: string };
	encodePin(this, i, options.pin);
	const moreFileIds = this.getNodeParameter('moreFileIds', i, '');
	checkMoreFileIds(this, i, moreFileIds);
	const files = await resolveFileIds(this, i, moreFileIds);
	const quicklink = await createQuicklink(this, i, files, options);
	return [{ json: { ...quicklink, files: (quicklink.files as string[] | undefined) ?? files, pinProtected: !!options.pin } }];
}
