import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { shareLocator } from '../../descriptions/sharing';
import { SHARE_TYPE_NAMES, shareIdOf } from '../../helpers/sharing';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';

const properties: INodeProperties[] = [shareLocator({ displayOptions: {} })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /share/download-info/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['share'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = shareIdOf(this, i);
	const answer = await quatrixRequest.call(this, {
		method: 'GET',
		path: `/share/download-info/${id}`,
		action: 'read the share',
		itemIndex: i,
	});
	const info = expectShape(this, 'read the share', answer, { id: 'string' }, i);
	// A recipient's private PGP key has no place in workflow data.
	delete info.private_key;
	const shareType = SHARE_TYPE_NAMES[String(info.share_type)];
	return [{ json: shareType ? { ...info, shareTypeName: shareType } : info }];
}
