import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ByteStream, FullResponse } from '../../transport/request';

import { binaryPropertyField } from '../../descriptions/common';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [binaryPropertyField({}, true)];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /account/logo'];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['downloadLogo'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const propertyName = this.getNodeParameter('binaryPropertyName', i) as string;
	const response = (await quatrixRequest.call(this, {
		method: 'GET',
		path: '/account/logo',
		encoding: 'stream',
		returnFullResponse: true,
		action: 'download the account logo',
		itemIndex: i,
	})) as unknown as FullResponse<ByteStream>;
	const mimeType = String(response.headers['content-type'] ?? 'image/png').split(';')[0];
	const extension = mimeType.split('/')[1]?.replace('svg+xml', 'svg') ?? 'png';
	const binary = await this.helpers.prepareBinaryData(response.body, `logo.${extension}`, mimeType);
	return [{ json: { fileName: binary.fileName, mimeType }, binary: { [propertyName]: binary } }];
}
