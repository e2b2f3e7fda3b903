import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /profile/info'];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['getStorage'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return [{ json: await quatrixRequest.call(this, { method: 'GET', path: '/profile/info', action: 'read your storage use', itemIndex: i }) }];
}
