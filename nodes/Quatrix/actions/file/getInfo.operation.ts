import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemLocator } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	itemLocator({ displayOptions: {}, description: 'The file or folder to describe' }),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /file/info/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['getInfo'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'item', 'File or Folder');
	const info = await quatrixRequest.call(this, {
		method: 'GET',
		path: `/file/info/${id}`,
		action: 'read the extended information',
		itemIndex: i,
	});
	return [{ json: info }];
}
