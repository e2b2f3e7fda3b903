import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ByteStream, FullResponse } from '../../transport/request';

import { binaryPropertyField } from '../../descriptions/common';
import { itemLocator } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	itemLocator({ displayName: 'File', name: 'file', displayOptions: {}, description: 'The file whose preview to download' }),
	binaryPropertyField({}, true),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /preview/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['preview'], operation: ['download'] } }, properties);

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'video/mp4': 'mp4', 'application/pdf': 'pdf', 'image/png': 'png' };

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'file', 'File', 'file');
	const propertyName = this.getNodeParameter('binaryPropertyName', i) as string;
	const response = (await quatrixRequest.call(this, {
		method: 'GET',
		path: `/preview/${id}`,
		encoding: 'stream',
		returnFullResponse: true,
		action: 'download the preview',
		itemIndex: i,
	})) as unknown as FullResponse<ByteStream>;
	const mimeType = String(response.headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
	const binary = await this.helpers.prepareBinaryData(response.body, `preview-${id}.${EXTENSIONS[mimeType] ?? 'bin'}`, mimeType);
	return [{ json: { fileId: id, mimeType }, binary: { [propertyName]: binary } }];
}
