import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [groupLocator({ description: 'The group to read, with its members' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /group/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'group', 'Group');
	return [{ json: await quatrixRequest.call(this, { method: 'GET', path: `/group/metadata/${id}`, action: 'read the group', itemIndex: i }) }];
}
