import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { automationRuleLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [automationRuleLocator({ description: 'The rule to delete (the folder and its files stay)' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /automation/delete'];

export const description = updateDisplayOptions({ show: { resource: ['automationRule'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'rule', 'Automation Rule');
	await quatrixRequest.call(this, { method: 'POST', path: '/automation/delete', body: { ids: [id] }, idempotent: false, action: 'delete the automation rule', itemIndex: i });
	return [{ json: { id, deleted: true } }];
}
