import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertyField } from '../../descriptions/common';
import { folderLocator, timeoutOption } from '../../descriptions/locators';
import { inputFileOf } from '../../helpers/inputFile';
import { forgetPaths, resolveItemId } from '../../helpers/locators';
import { toEpochSeconds } from '../../helpers/validate';
import type { NameConflict } from '../../transport/upload';
import { DEFAULT_CHUNK_MIB, uploadFile } from '../../transport/upload';

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

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as {
		fileName?: string;
		modifiedTime?: string;
		chunkSizeMib?: number;
	};
	const { binary, name, source, chunkSize } = await inputFileOf(this, i, options);
	const mtime = options.modifiedTime ? toEpochSeconds(this, i, 'Modified Time', options.modifiedTime) : undefined;
	const parentId = await resolveItemId(this, i, 'folder', 'Parent Folder', 'folder');
	const uploaded = await uploadFile.call(this, {
		parentId,
		name,
		source,
		conflict: this.getNodeParameter('conflict', i, 'rename') as NameConflict,
		chunkSize,
		mtime,
		mimeType: binary.mimeType,
		itemIndex: i,
	});
	forgetPaths(this);
	return [{ json: uploaded }];
}
