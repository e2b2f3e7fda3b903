import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [userLocator({ description: 'The user to read' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /user/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'user', 'User');
	const user = await quatrixRequest.call(this, { method: 'GET', path: `/user/metadata/${id}`, action: 'read the user', itemIndex: i });
	return [{ json: user }];
}
