import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertyField } from '../../descriptions/common';
import { folderLocator, timeoutOption } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { requireItemName } from '../../helpers/validate';
import { streamToBinary } from '../../transport/download';

const properties: INodeProperties[] = [
	folderLocator({ displayOptions: {}, description: 'The folder whose whole tree to export' }),
	binaryPropertyField({}, true),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [{ displayName: 'File Name', name: 'fileName', type: 'string', default: 'listing.csv' }, timeoutOption],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /file/csv/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['folder'], operation: ['exportCsv'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'folder', 'Folder', 'folder');
	const propertyName = this.getNodeParameter('binaryPropertyName', i) as string;
	const { fileName } = this.getNodeParameter('options', i, {}) as { fileName?: string };
	const binary = await streamToBinary.call(this, `/file/csv/${id}`, 'listing.csv', 'export the folder listing', i, { mimeType: 'text/csv' });
	binary.fileName = requireItemName(this, i, 'File Name', fileName || 'listing.csv');
	return [{ json: { folderId: id, fileName: binary.fileName }, binary: { [propertyName]: binary } }];
}
