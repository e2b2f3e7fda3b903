import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { automationRuleLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [automationRuleLocator({ description: 'The rule to read' })];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /automation/metadata/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['automationRule'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'rule', 'Automation Rule');
	return [{ json: await quatrixRequest.call(this, { method: 'GET', path: `/automation/metadata/${id}`, action: 'read the automation rule', itemIndex: i }) }];
}
