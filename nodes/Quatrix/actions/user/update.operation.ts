import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { inputError } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';
import { userBody, userFields } from './fields';

const properties: INodeProperties[] = [
	userLocator({ description: 'The user to change' }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: userFields(true),
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /user/edit'];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'user', 'User');
	const changes = userBody(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject, 'Update Fields');
	if (Object.keys(changes).length === 0) throw inputError(this, i, 'Update Fields', 'is empty', 'Add at least one field to change.');
	// The API edits several users at once; one item changes one user (an email can only change one at a time).
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/user/edit',
		body: { ...changes, ids: [id] },
		idempotent: true,
		action: 'update the user',
		itemIndex: i,
	});
	const users = expectArray<IDataObject>(this, 'update the user', answer, i);
	return [{ json: users.find((user) => user.id === id) ?? users[0] ?? { id } }];
}
