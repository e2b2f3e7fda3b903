import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemLocator } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	itemLocator({ displayOptions: {}, description: 'The file or folder to read' }),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /file/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'item', 'File or Folder');
	const metadata = await quatrixRequest.call(this, {
		method: 'GET',
		path: `/file/metadata/${id}`,
		qs: { content: 0 },
		action: 'read the metadata',
		itemIndex: i,
	});
	return [{ json: metadata }];
}
