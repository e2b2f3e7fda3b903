import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /settings/upload-logo-link'];

export const description = updateDisplayOptions({ show: { resource: ['siteSettings'], operation: ['getLogoUploadLink'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return [{ json: await quatrixRequest.call(this, { method: 'GET', path: '/settings/upload-logo-link', action: 'get a logo upload link', itemIndex: i }) }];
}
