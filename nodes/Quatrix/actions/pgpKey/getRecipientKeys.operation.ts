import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems } from '../../descriptions/common';
import { requireQuatrixIds } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';

const properties: INodeProperties[] = [
	{
		displayName: 'Recipient IDs',
		name: 'recipientIds',
		type: 'string',
		default: '',
		required: true,
		description: 'IDs of the users or contacts whose public keys to get (comma-separated)',
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /pgp-key/recipients'];

export const description = updateDisplayOptions({ show: { resource: ['pgpKey'], operation: ['getRecipientKeys'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ids = requireQuatrixIds(this, i, 'Recipient IDs', this.getNodeParameter('recipientIds', i));
	const answer = await quatrixRequest.call(this, { method: 'POST', path: '/pgp-key/recipients', body: { ids }, idempotent: true, action: 'get the public keys', itemIndex: i });
	return toItems(expectArray<IDataObject>(this, 'get the public keys', answer, i));
}
