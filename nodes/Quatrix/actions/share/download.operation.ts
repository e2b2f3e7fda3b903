import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertyField } from '../../descriptions/common';
import { timeoutOption } from '../../descriptions/locators';
import { shareLocator, sharePinOption } from '../../descriptions/sharing';
import { shareDownloadId, shareIdOf, splitList, unlockShare } from '../../helpers/sharing';
import { inputError, requireItemName, requireQuatrixId } from '../../helpers/validate';
import { streamToBinary } from '../../transport/download';

const properties: INodeProperties[] = [
	shareLocator({ displayOptions: {} }),
	binaryPropertyField({}, true),
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
				description: 'Name of the output file. Default: the name Quatrix gives it.',
			},
			{
				displayName: 'Only These File IDs',
				name: 'fileIds',
				type: 'string',
				default: '',
				description: 'Comma-separated IDs of some of the share\'s files. Default: all of them. Several files come as one ZIP file.',
			},
			sharePinOption,
			timeoutOption,
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /share/download-link/{id}', 'POST /share/download-link/{id}', 'GET /share/download/{id}', 'POST /share/login-pin', 'POST /quicklink/login-pin'];

export const description = updateDisplayOptions({ show: { resource: ['share'], operation: ['download'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const propertyName = (this.getNodeParameter('binaryPropertyName', i) as string).trim();
	if (!propertyName) throw inputError(this, i, 'Put Output File in Field', 'is empty', 'Give the binary field a name, e.g. data.');
	const shareId = shareIdOf(this, i);
	const options = this.getNodeParameter('options', i, {}) as { fileName?: string; fileIds?: string; pin?: string };
	const fileIds = splitList(options.fileIds).map((value) => requireQuatrixId(this, i, 'Only These File IDs', value));
	const fileName = options.fileName ? requireItemName(this, i, 'File Name', options.fileName) : undefined;
	await unlockShare(this, i, shareId, options.pin);
	const downloadId = await shareDownloadId(this, i, shareId, fileIds);
	const binary = await streamToBinary.call(this, `/share/download/${downloadId}`, `share-${shareId}.zip`, 'download the share', i);
	if (fileName) binary.fileName = fileName;
	return [{ json: { shareId, fileName: binary.fileName, mimeType: binary.mimeType, fileSize: binary.fileSize }, binary: { [propertyName]: binary } }];
}
