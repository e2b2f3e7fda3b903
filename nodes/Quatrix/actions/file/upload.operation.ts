import type { IBinaryData, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertyField } from '../../descriptions/common';
import { folderLocator, timeoutOption } from '../../descriptions/locators';
import { forgetPaths, resolveItemId } from '../../helpers/locators';
import { inputError, requireItemName, toEpochSeconds } from '../../helpers/validate';
import type { NameConflict, UploadSource } from '../../transport/upload';
import { DEFAULT_CHUNK_MIB, MIB, uploadFile } from '../../transport/upload';

const properties: INodeProperties[] = [
	binaryPropertyField({}, false),
	folderLocator({ displayName: 'Parent Folder', name: 'folder', description: 'The folder to upload into', displayOptions: {} }),
	{
		displayName: 'If a File With This Name Exists',
		name: 'conflict',
		type: 'options',
		default: 'rename',
		options: [
			{ name: 'Keep Both (Rename the New File)', value: 'rename', description: 'Quatrix names the new file "name(1).ext"' },
			{ name: 'Replace Its Content', value: 'replace', description: 'The existing file keeps its ID, shares and tags' },
			{ name: 'Fail', value: 'fail', description: 'Stop with an error and upload nothing' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: 'Name to give the file in Quatrix. Default: the name of the input file.',
			},
			{
				displayName: 'Modified Time',
				name: 'modifiedTime',
				type: 'dateTime',
				default: '',
				description: 'Modification time to store with the file. Default: the time of the upload.',
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

const displayOptions = { show: { resource: ['file'], operation: ['upload'] } };

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /upload/link', 'POST /file/modify', 'GET /upload/finalize/{id}', 'POST /upload/chunked/{key}'];

export const description = updateDisplayOptions(displayOptions, properties);

/** The bytes of an input binary: streamed from n8n's binary store, or from memory when the data has no id. */
export async function sourceOf(ctx: IExecuteFunctions, binary: IBinaryData): Promise<UploadSource> {
	if (binary.id) {
		const id = binary.id;
		const { fileSize } = await ctx.helpers.getBinaryMetadata(id);
		return { size: Number(fileSize), open: async (chunkSize) => await ctx.helpers.getBinaryStream(id, chunkSize) };
	}
	const buffer = Buffer.from(binary.data ?? '', 'base64');
	return {
		size: buffer.length,
		open: async () =>
			(async function* () {
				yield buffer;
			})(),
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const propertyName = (this.getNodeParameter('binaryPropertyName', i) as string).trim();
	const binary = this.getInputData()[i]?.binary?.[propertyName];
	if (!propertyName || !binary) {
		const available = Object.keys(this.getInputData()[i]?.binary ?? {});
		throw inputError(
			this,
			i,
			'Input Binary Field',
			`the item has no binary field "${propertyName}"`,
			available.length
				? `This item has binary fields: ${available.join(', ')}. Put one of them in "Input Binary Field".`
				: 'This item has no binary data. Add a node before this one that reads or creates a file.',
		);
	}
	const options = this.getNodeParameter('options', i, {}) as {
		fileName?: string;
		modifiedTime?: string;
		chunkSizeMib?: number;
	};
	const name = requireItemName(this, i, options.fileName ? 'File Name' : 'Input Binary Field (file name)', options.fileName || binary.fileName || 'file');
	const chunkSizeMib = options.chunkSizeMib ?? DEFAULT_CHUNK_MIB;
	if (!(chunkSizeMib >= 1 && chunkSizeMib <= 100)) {
		throw inputError(this, i, 'Chunk Size (MiB)', `${chunkSizeMib} is out of range`, 'Use a chunk size from 1 to 100 MiB.');
	}
	const mtime = options.modifiedTime ? toEpochSeconds(this, i, 'Modified Time', options.modifiedTime) : undefined;
	const parentId = await resolveItemId(this, i, 'folder', 'Parent Folder', 'folder');
	const source = await sourceOf(this, binary);
	const uploaded = await uploadFile.call(this, {
		parentId,
		name,
		source,
		conflict: this.getNodeParameter('conflict', i, 'rename') as NameConflict,
		chunkSize: Math.round(chunkSizeMib * MIB),
		mtime,
		mimeType: binary.mimeType,
		itemIndex: i,
	});
	forgetPaths(this);
	return [{ json: uploaded }];
}
