import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [contactLocator({ description: 'The contact to turn into a Quatrix user' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /contact/upgrade/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['upgrade'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'contact', 'Contact');
	// A GET that changes state: never repeated blindly.
	const user = await quatrixRequest.call(this, { method: 'GET', path: `/contact/upgrade/${id}`, idempotent: false, action: 'upgrade the contact to a user', itemIndex: i });
	return [{ json: { contactId: id, ...user } }];
}
