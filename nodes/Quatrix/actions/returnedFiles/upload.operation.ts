import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertyField } from '../../descriptions/common';
import { timeoutOption } from '../../descriptions/locators';
import { inputFileOf } from '../../helpers/inputFile';
import { shareIdOf } from '../../helpers/sharing';
import { requireQuatrixId } from '../../helpers/validate';
import { DEFAULT_CHUNK_MIB, uploadFile } from '../../transport/upload';
import { receivedShareLocator, returnFolderField } from './fields';
import { returnUploadLink } from './getUploadLink.operation';
import { sendReturnedFiles } from './send.operation';

const properties: INodeProperties[] = [
	receivedShareLocator,
	binaryPropertyField({}, false),
	{
		displayName: 'Return It Now',
		name: 'sendNow',
		type: 'boolean',
		default: true,
		description: 'Whether to hand the file to the sender right after the upload. Turn off to upload several files first and return them together with "Send".',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		displayOptions: { show: { sendNow: [true] } },
		description: 'A note to the sender',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{ ...returnFolderField, name: 'parentId' },
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: 'Name to give the file. Default: the name of the input file.',
			},
			{
				displayName: 'Chunk Size (MiB)',
				name: 'chunkSizeMib',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: DEFAULT_CHUNK_MIB,
				description: 'Size of each piece sent to Quatrix. Memory use stays near one piece, whatever the file size.',
			},
			timeoutOption,
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /files-return/upload-link/{id}', 'POST /upload/chunked/{key}', 'GET /upload/finalize/{id}', 'POST /files-return/send'];

export const description = updateDisplayOptions({ show: { resource: ['returnedFiles'], operation: ['upload'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const shareId = shareIdOf(this, i);
	const options = this.getNodeParameter('options', i, {}) as { parentId?: string; fileName?: string; chunkSizeMib?: number };
	const parentId = options.parentId?.trim() ? requireQuatrixId(this, i, 'In Folder ID', options.parentId.trim()) : undefined;
	const { name, source, chunkSize } = await inputFileOf(this, i, options);
	const sendNow = this.getNodeParameter('sendNow', i, true) as boolean;

	const uploaded = await uploadFile.call(this, {
		parentId: parentId ?? '',
		name,
		source,
		conflict: 'rename',
		chunkSize,
		itemIndex: i,
		reserve: async () => {
			const body: IDataObject = { name, file_size: source.size };
			if (parentId) body.parent_id = parentId;
			const link = await returnUploadLink(this, i, shareId, body);
			return { upload_key: link.upload_key, file_id: link.file_id, parent_id: link.parent_id, name };
		},
	});
	const json: IDataObject = { ...uploaded, shareId, returned: false };
	if (sendNow) {
		const sent = await sendReturnedFiles(this, i, shareId, [String(uploaded.id)], this.getNodeParameter('message', i, '') as string);
		Object.assign(json, { returned: true, file_ids: sent.file_ids });
	}
	return [{ json }];
}
