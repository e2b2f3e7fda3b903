import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertyField } from '../../descriptions/common';
import { timeoutOption } from '../../descriptions/locators';
import { userLocator } from '../../descriptions/sharing';
import { periodOf } from '../../helpers/periods';
import { requireItemName } from '../../helpers/validate';

import { streamToBinary } from '../../transport/download';
import { userFilterOf } from './getMany.operation';
import { periodFields } from './periodFields';

const properties: INodeProperties[] = [
	...periodFields('events'),
	userLocator({ displayOptions: {}, description: 'Only this user\'s events. Empty: every user you can see.' }),
	binaryPropertyField({}, true),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [{ displayName: 'File Name', name: 'fileName', type: 'string', default: 'activity.csv' }, timeoutOption],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /tracking/csv'];

export const description = updateDisplayOptions({ show: { resource: ['activity'], operation: ['exportCsv'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { from, to } = periodOf(this, i);
	const userId = userFilterOf(this, i);
	const propertyName = this.getNodeParameter('binaryPropertyName', i) as string;
	const { fileName } = this.getNodeParameter('options', i, {}) as { fileName?: string };
	const name = requireItemName(this, i, 'File Name', fileName || 'activity.csv');
	const qs: IDataObject = { from, to };
	if (userId) qs.user_id = userId;
	const binary = await streamToBinary.call(this, '/tracking/csv', name, 'export the activity log', i, { qs, mimeType: 'text/csv' });
	binary.fileName = name;
	return [{ json: { from, to, ...(userId ? { userId } : {}), fileName: binary.fileName, fileSize: binary.fileSize }, binary: { [propertyName]: binary } }];
}
