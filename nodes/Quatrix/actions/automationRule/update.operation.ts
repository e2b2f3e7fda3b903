import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { automationRuleLocator } from '../../descriptions/directory';
import { resolveRecordId } from '../../helpers/directory';
import { inputError } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { expectArray } from '../../transport/shape';
import { actionOptions, ruleBody, ruleFields } from './fields';

const properties: INodeProperties[] = [
	automationRuleLocator({ description: 'The rule to change' }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [{ displayName: 'Action', name: 'action', type: 'options', default: 'autodelete', options: actionOptions }, ...ruleFields],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /automation/edit/'];

export const description = updateDisplayOptions({ show: { resource: ['automationRule'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = resolveRecordId(this, i, 'rule', 'Automation Rule');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body = ruleBody(this, i, fields, 'Update Fields');
	if (fields.action) body.action = fields.action;
	if (Object.keys(body).length === 0) throw inputError(this, i, 'Update Fields', 'is empty', 'Add at least one field to change.');
	// The API edits several rules at once; one item changes one rule.
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/automation/edit/',
		body: { ...body, ids: [id] },
		idempotent: true,
		action: 'update the automation rule',
		itemIndex: i,
	});
	const rules = expectArray<IDataObject>(this, 'update the automation rule', answer, i);
	return [{ json: rules.find((rule) => rule.id === id) ?? rules[0] ?? { id } }];
}
