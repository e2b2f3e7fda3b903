import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { shareLocator } from '../../descriptions/sharing';
import { shareIdOf } from '../../helpers/sharing';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';

const properties: INodeProperties[] = [
	shareLocator({ displayName: 'Quicklink', name: 'quicklink', displayOptions: {}, description: 'The quicklink to revoke' }),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /quicklink/revoke/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['quicklink'], operation: ['revoke'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = shareIdOf(this, i, 'quicklink', 'Quicklink');
	const answer = await quatrixRequest.call(this, {
		method: 'GET',
		path: `/quicklink/revoke/${id}`,
		// Revoking twice leaves the link revoked, so a lost answer may be asked again.
		idempotent: true,
		action: 'revoke the quicklink',
		itemIndex: i,
	});
	const revoked = expectShape<{ id: string }>(this, 'revoke the quicklink', answer, { id: 'string' }, i);
	return [{ json: { id: revoked.id, revoked: true } }];
}
