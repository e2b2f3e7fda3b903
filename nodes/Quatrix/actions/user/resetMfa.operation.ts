import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [userLocator({ description: 'The user whose authenticator app to reset' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /user/reset-mfa'];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['resetMfa'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'user', 'User');
	// Only 2FA has a secret to wipe; the user enrols a new authenticator at the next sign-in.
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/user/reset-mfa',
		body: { ids: [id], auth_type: '2FA' },
		idempotent: true,
		action: "reset the user's two-factor authentication",
		itemIndex: i,
	});
	return [{ json: { id, authType: '2FA', reset: true, status: answer.status } }];
}
