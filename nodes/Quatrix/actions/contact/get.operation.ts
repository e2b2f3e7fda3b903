import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [contactLocator({ description: 'The contact to read' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /contact/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'contact', 'Contact');
	return [{ json: await quatrixRequest.call(this, { method: 'GET', path: `/contact/metadata/${id}`, action: 'read the contact', itemIndex: i }) }];
}
