import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { receivedShareLocator } from './fields';
import { shareIdOf } from '../../helpers/sharing';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';

const properties: INodeProperties[] = [receivedShareLocator];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /files-return/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['returnedFiles'], operation: ['getMetadata'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = shareIdOf(this, i);
	const answer = await quatrixRequest.call(this, {
		method: 'GET',
		path: `/files-return/metadata/${id}`,
		action: 'read where files can be returned',
		itemIndex: i,
	});
	return [{ json: expectShape(this, 'read where files can be returned', answer, { id: 'string' }, i) }];
}
