import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemLocator } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { inputError } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	itemLocator({ displayOptions: {}, description: 'The file to tag' }),
	{
		displayName: 'Tag Type',
		name: 'tagType',
		type: 'options',
		default: 'text',
		description: 'Kind of tag, as Quatrix search knows it',
		options: [
			{ name: 'Text', value: 'text' },
			{ name: 'From', value: 'from' },
			{ name: 'To', value: 'to' },
		],
	},
	{ displayName: 'Value', name: 'value', type: 'string', default: '', required: true, placeholder: 'invoices-2026' },
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /file/add-tag/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['addTag'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'item', 'File or Folder');
	const value = String(this.getNodeParameter('value', i) ?? '').trim();
	if (!value) throw inputError(this, i, 'Value', 'is empty', 'Give the tag a value.');
	const tag = await quatrixRequest.call(this, {
		method: 'POST',
		path: `/file/add-tag/${id}`,
		body: { type: this.getNodeParameter('tagType', i, 'text') as string, value },
		action: 'add the tag',
		itemIndex: i,
	});
	return [{ json: tag }];
}
