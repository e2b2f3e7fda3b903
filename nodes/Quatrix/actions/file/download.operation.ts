import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertyField } from '../../descriptions/common';
import { itemLocator, timeoutOption } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { inputError, requireItemName, requireQuatrixId } from '../../helpers/validate';
import { downloadToBinary } from '../../transport/download';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	itemLocator({
		description: 'The file to download. A folder comes back as a ZIP file.',
		displayOptions: {},
	}),
	binaryPropertyField({}, true),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Also Include IDs',
				name: 'moreIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3f2b9c1e-…, 7a1c…',
				description: 'More files or folders to put in the same download, as comma-separated IDs. Several items come back as one ZIP file.',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: 'Name of the output file. Default: the name Quatrix gives it.',
			},
			timeoutOption,
		],
	},
];

const displayOptions = { show: { resource: ['file'], operation: ['download'] } };

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /file/download-link', 'GET /file/download/{id}'];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const propertyName = (this.getNodeParameter('binaryPropertyName', i) as string).trim();
	if (!propertyName) {
		throw inputError(this, i, 'Put Output File in Field', 'is empty', 'Give the binary field a name, e.g. data.');
	}
	const options = this.getNodeParameter('options', i, {}) as { moreIds?: string; fileName?: string };
	const id = await resolveItemId(this, i, 'item', 'File or Folder');
	const more = (options.moreIds ?? '')
		.split(/[,\s]+/)
		.filter(Boolean)
		.map((value) => requireQuatrixId(this, i, 'Also Include IDs', value));
	const ids = [id, ...more.filter((other) => other !== id)];
	const fileName = options.fileName ? requireItemName(this, i, 'File Name', options.fileName) : undefined;
	// The metadata gives a good name to fall back on when Quatrix sends no Content-Disposition.
	const metadata = await quatrixRequest.call(this, {
		method: 'GET',
		path: `/file/metadata/${id}`,
		qs: { content: 0 },
		action: 'read the file to download',
		itemIndex: i,
	});
	const single = ids.length === 1 && metadata.type === 'F';
	const fallbackName = single ? String(metadata.name ?? 'download') : `${String(metadata.name ?? 'download')}.zip`;
	const binary = await downloadToBinary.call(this, ids, fallbackName, i);
	if (fileName) binary.fileName = fileName;
	const json = { id, ids, name: metadata.name, type: metadata.type, size: metadata.size, fileName: binary.fileName, zip: !single };
	return [{ json, binary: { [propertyName]: binary } }];
}
