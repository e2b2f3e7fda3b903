import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { shareLocator } from '../../descriptions/sharing';
import { shareIdOf } from '../../helpers/sharing';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';

const properties: INodeProperties[] = [shareLocator({ displayOptions: {}, description: 'The share to revoke' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /share/revoke/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['share'], operation: ['revoke'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = shareIdOf(this, i);
	const answer = await quatrixRequest.call(this, {
		method: 'GET',
		path: `/share/revoke/${id}`,
		// Revoking twice leaves the share revoked, so a lost answer may be asked again.
		idempotent: true,
		action: 'revoke the share',
		itemIndex: i,
	});
	const revoked = expectShape<{ id: string }>(this, 'revoke the share', answer, { id: 'string' }, i);
	return [{ json: { id: revoked.id, revoked: true } }];
}
