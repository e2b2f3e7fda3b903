import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit, toItems } from '../../descriptions/common';
import { inputError } from '../../helpers/validate';
import { FOLDER_TYPES } from '../../helpers/locators';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';

const displayOptions = { show: { resource: ['file'], operation: ['search'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Name Contains',
		name: 'query',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'invoice',
		description: 'Text to look for in file and folder names',
	},
	{
		displayName: 'Find',
		name: 'kind',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'Files and Folders', value: 'all' },
			{ name: 'Files Only', value: 'files' },
			{ name: 'Folders Only', value: 'folders' },
		],
	},
	...returnAllOrLimit({}),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /file/search'];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const query = String(this.getNodeParameter('query', i) ?? '').trim();
	if (!query) throw inputError(this, i, 'Name Contains', 'is empty', 'Type some text to search for.');
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/file/search',
		body: { _and: [{ name: { _and: [query] } }] },
		idempotent: true,
		action: `search for "${query}"`,
		itemIndex: i,
	});
	const kind = this.getNodeParameter('kind', i, 'all') as string;
	const rows = expectArray<IDataObject>(this, 'search', answer, i).filter((row) =>
		kind === 'all' ? true : (kind === 'folders') === FOLDER_TYPES.has(String(row.type)),
	);
	return toItems(limitRows(this, i, rows));
}
