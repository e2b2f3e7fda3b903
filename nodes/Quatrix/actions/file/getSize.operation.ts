import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemLocator } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';

const properties: INodeProperties[] = [
	itemLocator({ displayOptions: {}, description: 'The file or folder to measure; a folder counts everything inside it' }),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /file/size/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['getSize'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'item', 'File or Folder');
	const answer = await quatrixRequest.call(this, { method: 'GET', path: `/file/size/${id}`, action: 'measure the size', itemIndex: i });
	const { size } = expectShape<{ size: number }>(this, 'measure the size', answer, { size: 'number' }, i);
	return [{ json: { id, size } }];
}
