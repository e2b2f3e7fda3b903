import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit, toItems } from '../../descriptions/common';
import { getList } from '../../helpers/directory';

const properties: INodeProperties[] = [...returnAllOrLimit({})];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /contact/group'];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['listGroups'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return toItems(limitRows(this, i, await getList(this, '/contact/group', 'list the contact groups', i)));
}
