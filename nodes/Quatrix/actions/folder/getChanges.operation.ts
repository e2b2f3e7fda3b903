import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitRows, returnAllOrLimit, toItems } from '../../descriptions/common';
import { folderLocator } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { inputError, toEpochSeconds } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';

const properties: INodeProperties[] = [
	folderLocator({ displayOptions: {}, description: 'The folder to watch' }),
	{
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'List what changed after this time',
	},
	{
		displayName: 'Until',
		name: 'until',
		type: 'dateTime',
		default: '',
		description: 'List what changed before this time. Default: now.',
	},
	...returnAllOrLimit({}),
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /file/diff/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['folder'], operation: ['getChanges'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'folder', 'Folder', 'folder');
	const from = toEpochSeconds(this, i, 'Since', this.getNodeParameter('since', i));
	const untilValue = this.getNodeParameter('until', i, '') as string;
	const to = untilValue ? toEpochSeconds(this, i, 'Until', untilValue) : undefined;
	if (to !== undefined && to < from) throw inputError(this, i, 'Until', 'is before Since', 'Choose an Until time after Since.');
	const answer = await quatrixRequest.call(this, {
		method: 'GET',
		path: `/file/diff/${id}`,
		qs: to === undefined ? { from } : { from, to },
		action: 'list the changes',
		itemIndex: i,
	});
	const diff = expectShape<{ data: IDataObject[] }>(this, 'list the changes', answer, { data: 'array' }, i);
	return toItems(limitRows(this, i, diff.data));
}
