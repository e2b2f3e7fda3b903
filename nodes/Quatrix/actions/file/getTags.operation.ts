import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems } from '../../descriptions/common';
import { itemLocator } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';

const properties: INodeProperties[] = [itemLocator({ displayOptions: {}, description: 'The file whose tags to list' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /file/tags/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['getTags'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'item', 'File or Folder');
	const answer = await quatrixRequest.call(this, { method: 'GET', path: `/file/tags/${id}`, action: 'list the tags', itemIndex: i });
	return toItems(expectArray<IDataObject>(this, 'list the tags', answer, i));
}
