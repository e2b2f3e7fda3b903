import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit, toItems } from '../../descriptions/common';
import { getList } from '../../helpers/directory';

const properties: INodeProperties[] = [...returnAllOrLimit({})];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /ssh-key'];

export const description = updateDisplayOptions({ show: { resource: ['sshKey'], operation: ['list'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// Quatrix returns the whole list: the limit applies here.
	return toItems(limitRows(this, i, await getList(this, '/ssh-key', 'list your SSH keys', i)));
}
