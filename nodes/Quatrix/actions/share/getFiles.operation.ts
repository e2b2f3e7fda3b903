import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit, toItems } from '../../descriptions/common';
import { shareLocator, sharePinOption } from '../../descriptions/sharing';
import { shareIdOf, unlockShare } from '../../helpers/sharing';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';

const properties: INodeProperties[] = [
	shareLocator({ displayOptions: {} }),
	...returnAllOrLimit({}),
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [sharePinOption] },
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /share/files/{id}', 'POST /share/login-pin', 'POST /quicklink/login-pin'];

export const description = updateDisplayOptions({ show: { resource: ['share'], operation: ['getFiles'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = shareIdOf(this, i);
	await unlockShare(this, i, id, (this.getNodeParameter('options', i, {}) as { pin?: string }).pin);
	const answer = await quatrixRequest.call(this, {
		method: 'GET',
		path: `/share/files/${id}`,
		action: 'list the files of the share',
		itemIndex: i,
	});
	const files = expectArray(this, 'list the files of the share', answer, i).map((file) => ({ ...file, shareId: id }));
	return toItems(limitRows(this, i, files));
}
