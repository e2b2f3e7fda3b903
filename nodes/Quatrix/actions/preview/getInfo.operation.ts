import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemLocator } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [itemLocator({ displayName: 'File', name: 'file', displayOptions: {}, description: 'The file to preview' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /file/preview/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['preview'], operation: ['getInfo'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'file', 'File', 'file');
	const preview = await quatrixRequest.call(this, { method: 'GET', path: `/file/preview/${id}`, action: 'read the preview', itemIndex: i });
	return [{ json: { fileId: id, ...preview } }];
}
