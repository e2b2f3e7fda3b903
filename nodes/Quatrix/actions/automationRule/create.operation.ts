import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { folderLocator } from '../../descriptions/locators';
import { resolveItemId } from '../../helpers/locators';
import { quatrixRequest } from '../../transport/request';
import { actionOptions, ruleBody, ruleFields } from './fields';

const properties: INodeProperties[] = [
	folderLocator({ displayOptions: {}, default: { mode: 'list', value: '' }, description: 'The folder the rule works on' }),
	{
		displayName: 'Action',
		name: 'action',
		type: 'options',
		default: 'autodelete',
		options: actionOptions,
		description: 'What the rule does',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: ruleFields,
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /automation/create'];

export const description = updateDisplayOptions({ show: { resource: ['automationRule'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = await resolveItemId(this, i, 'folder', 'Folder', 'folder');
	const action = this.getNodeParameter('action', i) as string;
	const extra = ruleBody(this, i, this.getNodeParameter('options', i, {}) as IDataObject, 'Options');
	const rule = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/automation/create',
		body: { ...extra, file_id: fileId, action },
		idempotent: false,
		action: 'create the automation rule',
		itemIndex: i,
	});
	return [{ json: rule }];
}
