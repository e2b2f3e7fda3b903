import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemLocator } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { toEpochSeconds } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	itemLocator({ displayOptions: {}, description: 'The file whose modification time to set' }),
	{
		displayName: 'Modified Time',
		name: 'modifiedTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The modification time to store, e.g. the time the file changed at its source',
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /file/metadata'];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['setModifiedTime'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'item', 'File or Folder');
	const mtime = toEpochSeconds(this, i, 'Modified Time', this.getNodeParameter('modifiedTime', i));
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/file/metadata',
		body: { id, mtime },
		idempotent: true,
		action: 'set the modification time',
		itemIndex: i,
	});
	return [{ json: answer }];
}
