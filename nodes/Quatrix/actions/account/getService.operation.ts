import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Service ID',
		name: 'serviceId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b',
		description: 'ID of the service, as given by List Services',
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /service/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getService'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'serviceId', 'Service ID');
	return [{ json: await quatrixRequest.call(this, { method: 'GET', path: `/service/metadata/${id}`, action: 'read the service', itemIndex: i }) }];
}
