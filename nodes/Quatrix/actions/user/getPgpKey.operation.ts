import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [userLocator({ description: 'The user whose public PGP key to read' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /user/pgp-key/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getPgpKey'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'user', 'User');
	const key = await quatrixRequest.call(this, { method: 'GET', path: `/user/pgp-key/${id}`, action: "read the user's PGP key", itemIndex: i });
	return [{ json: { userId: id, ...key } }];
}
