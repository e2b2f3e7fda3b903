import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'This changes the paid subscription of the account and may charge money',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'options',
		default: 'USD',
		options: [
			{ name: 'Euro', value: 'EUR' },
			{ name: 'Pound Sterling', value: 'GBP' },
			{ name: 'US Dollar', value: 'USD' },
		],
	},
	{
		displayName: 'Renewal Period',
		name: 'renewalPeriod',
		type: 'options',
		default: '1 year',
		options: [
			{ name: 'Monthly', value: '1 month' },
			{ name: 'Yearly', value: '1 year' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Package Keys', name: 'packageKeys', type: 'string', default: '', description: 'Add-on packages to buy (comma-separated keys, as in the account information)' },
			{ displayName: 'Renew Automatically', name: 'recurringRenewal', type: 'boolean', default: true, description: 'Whether the subscription renews by itself' },
			{ displayName: 'SFTP Users', name: 'sftpMaxUsers', type: 'number', default: 0, typeOptions: { minValue: 0 }, description: 'How many SFTP users the plan allows' },
			{ displayName: 'Users', name: 'qxMaxUsers', type: 'number', default: 0, typeOptions: { minValue: 0 }, description: 'How many Quatrix users the plan allows' },
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /billing/upgrade'];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['upgradePlan'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const packageKeys = String(options.packageKeys ?? '')
		.split(',')
		.map((key) => key.trim())
		.filter(Boolean);
	const body = compact({
		currency: this.getNodeParameter('currency', i) as string,
		renewal_period: this.getNodeParameter('renewalPeriod', i) as string,
		recurring_renewal: options.recurringRenewal,
		qx_max_users: options.qxMaxUsers || undefined,
		sftp_max_users: options.sftpMaxUsers || undefined,
		package_keys: packageKeys.length ? packageKeys : undefined,
	});
	// Never repeated blindly: it buys something.
	const answer = await quatrixRequest.call(this, { method: 'POST', path: '/billing/upgrade', body, idempotent: false, action: 'upgrade the plan', itemIndex: i });
	return [{ json: answer }];
}
