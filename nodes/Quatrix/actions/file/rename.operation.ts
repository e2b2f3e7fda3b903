import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemLocator } from '../../descriptions/locators';
import { forgetPaths, resolveItemId } from '../../helpers/locators';
import { requireItemName } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';

const properties: INodeProperties[] = [
	itemLocator({ displayOptions: {}, description: 'The file or folder to rename' }),
	{
		displayName: 'New Name',
		name: 'newName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'report-final.pdf',
	},
	{
		displayName: 'If the Name Is Taken',
		name: 'conflict',
		type: 'options',
		default: 'fail',
		options: [
			{ name: 'Fail', value: 'fail' },
			{ name: 'Add a Number (Name(1).ext)', value: 'rename' },
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /file/rename/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['rename'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = await resolveItemId(this, i, 'item', 'File or Folder');
	const name = requireItemName(this, i, 'New Name', this.getNodeParameter('newName', i));
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: `/file/rename/${id}`,
		body: { name, resolve: this.getNodeParameter('conflict', i, 'fail') === 'rename' },
		idempotent: true,
		action: `rename to "${name}"`,
		itemIndex: i,
	});
	const renamed = expectShape(this, 'rename', answer, { id: 'string', name: 'string' }, i);
	forgetPaths(this);
	return [{ json: renamed }];
}
