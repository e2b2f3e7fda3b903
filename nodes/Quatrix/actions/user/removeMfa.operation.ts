import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { mfaTypeOptions, userLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	userLocator({ description: 'The user whose second sign-in factor to turn off' }),
	{
		displayName: 'Factor',
		name: 'authType',
		type: 'options',
		default: '2FA',
		options: mfaTypeOptions,
		description: 'Which second factor to turn off',
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /user/remove-mfa'];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['removeMfa'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'user', 'User');
	const authType = this.getNodeParameter('authType', i, '2FA') as string;
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/user/remove-mfa',
		body: { ids: [id], auth_type: authType },
		idempotent: true,
		action: `turn off ${authType} for the user`,
		itemIndex: i,
	});
	return [{ json: { id, authType, removed: true, status: answer.status } }];
}
