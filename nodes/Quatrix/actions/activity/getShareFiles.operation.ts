import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit, toItems } from '../../descriptions/common';
import { shareLocator } from '../../descriptions/sharing';
import { shareIdOf } from '../../helpers/sharing';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';

const properties: INodeProperties[] = [shareLocator({ displayOptions: {}, description: 'The share whose files to follow' }), ...returnAllOrLimit({})];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /tracking/files/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['activity'], operation: ['getShareFiles'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const shareId = shareIdOf(this, i);
	const answer = await quatrixRequest.call(this, {
		method: 'GET',
		path: `/tracking/files/${shareId}`,
		action: 'read the downloads of the share',
		itemIndex: i,
	});
	const files = expectArray(this, 'read the downloads of the share', answer, i).map((file) => ({ ...file, shareId }));
	return toItems(limitRows(this, i, files));
}
