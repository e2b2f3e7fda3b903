import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, emailList } from '../../helpers/directory';
import { inputError } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';

const IP_RULE = /^\d{1,3}(\.\d{1,3}){3}([\\/]\d{1,2}|-\d{1,3})?$/;

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Allowed IP Addresses', name: 'ipWhitelist', type: 'string', default: '', placeholder: '203.0.113.7, 198.51.100.0/24, 192.0.2.1-255', description: 'Addresses users may sign in from, when "Restrict by IP" is enforced (comma-separated)' },
			{ displayName: 'BCC Emails', name: 'bcc', type: 'string', default: '', description: 'Addresses that get a copy of every share email (comma-separated)' },
			{ displayName: 'Billing Emails', name: 'billingEmails', type: 'string', default: '', description: 'Addresses that get invoices (comma-separated)' },
			{ displayName: 'Email Footer', name: 'emailFooter', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Text at the end of every email Quatrix sends' },
			{
				displayName: 'Enforced Sign-In Methods',
				name: 'authMethods',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Restrict by IP', value: 'IP', description: 'Only allow sign-ins from the allowed IP addresses' },
					{ name: 'Two-Factor Authentication', value: '2FA', description: 'Every user must use an authenticator app' },
				],
			},
			{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'en', description: 'Default language ID of the site (see List Languages)' },
			{ displayName: 'PGP Enabled', name: 'pgpEnabled', type: 'boolean', default: false, description: 'Whether users may encrypt shares with PGP' },
			{ displayName: 'Public Shares Allowed', name: 'publicShare', type: 'boolean', default: true, description: 'Whether users may create shares anyone with the link can open' },
			{ displayName: 'Restricted Shares Allowed', name: 'restrictedShare', type: 'boolean', default: true, description: 'Whether users may create shares only the named recipients can open' },
			{ displayName: 'Site Title', name: 'title', type: 'string', default: '', description: 'Title shown in the web app and emails' },
			{ displayName: 'Tracked Shares Allowed', name: 'trackedShare', type: 'boolean', default: true, description: 'Whether users may create shares that record who downloads' },
		],
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /settings/set'];

export const description = updateDisplayOptions({ show: { resource: ['siteSettings'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const f = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const list = (value: unknown) => String(value ?? '').split(/[\s,;]+/).map((part) => part.trim()).filter(Boolean);
	const ips = f.ipWhitelist === undefined ? undefined : list(f.ipWhitelist);
	for (const ip of ips ?? []) {
		if (!IP_RULE.test(ip)) throw inputError(this, i, 'Update Fields → Allowed IP Addresses', `"${ip}" is not an address or range`, 'Use forms such as 1.1.1.1, 1.1.1.0/24 or 1.1.1.1-255.');
	}
	const shareTypes = compact({ public_share: f.publicShare, tracked_share: f.trackedShare, restricted_share: f.restrictedShare });
	const body = compact({
		title: f.title || undefined,
		bcc: f.bcc === undefined ? undefined : emailList(this, i, 'Update Fields → BCC Emails', f.bcc),
		billing_emails: f.billingEmails === undefined ? undefined : emailList(this, i, 'Update Fields → Billing Emails', f.billingEmails),
		email_footer: f.emailFooter,
		language: f.language || undefined,
		pgp_enabled: f.pgpEnabled,
		share_types: Object.keys(shareTypes).length ? shareTypes : undefined,
		auth_methods: f.authMethods,
		ip_whitelist: ips,
	});
	if (Object.keys(body).length === 0) throw inputError(this, i, 'Update Fields', 'is empty', 'Add at least one setting to change.');
	return [{ json: await quatrixRequest.call(this, { method: 'POST', path: '/settings/set', body, idempotent: true, action: 'change the site settings', itemIndex: i }) }];
}
