import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit } from '../../descriptions/common';
import { userLocator } from '../../descriptions/directory';
import { resolveRecordId, withPermissionName } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';

const properties: INodeProperties[] = [userLocator({ description: 'The user whose project folders to list' }), ...returnAllOrLimit({})];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /project-folder/project-users'];

export const description = updateDisplayOptions({ show: { resource: ['projectFolder'], operation: ['getMemberships'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const userId = resolveRecordId(this, i, 'user', 'User');
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/project-folder/project-users',
		body: { ids: [userId] },
		idempotent: true,
		action: "list the user's project folders",
		itemIndex: i,
	});
	const rows = expectArray<IDataObject>(this, "list the user's project folders", answer, i);
	return limitRows(this, i, rows).map((row) => ({ json: withPermissionName(row) }));
}
