import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit, toItems } from '../../descriptions/common';
import { requireQuatrixId } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';

const properties: INodeProperties[] = [
	{
		displayName: 'Shared File ID',
		name: 'sharedFileId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
		description: 'The ID of a shared file, as "Get Share File Downloads" lists it',
	},
	...returnAllOrLimit({}),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /tracking/downloads/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['activity'], operation: ['getFileDownloads'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireQuatrixId(this, i, 'Shared File ID', this.getNodeParameter('sharedFileId', i));
	const answer = await quatrixRequest.call(this, {
		method: 'GET',
		path: `/tracking/downloads/${id}`,
		action: 'read the downloads of the file',
		itemIndex: i,
	});
	const rows = expectArray(this, 'read the downloads of the file', answer, i)
		.map((row): IDataObject => ({ ...row, sharedFileId: id }))
		.sort((a, b) => Number(b.time ?? 0) - Number(a.time ?? 0));
	return toItems(limitRows(this, i, rows));
}
