import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [contactLocator({ description: 'The contact to delete' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /contact/delete'];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'contact', 'Contact');
	await quatrixRequest.call(this, { method: 'POST', path: '/contact/delete', body: { ids: [id] }, idempotent: false, action: 'delete the contact', itemIndex: i });
	return [{ json: { id, deleted: true } }];
}
