/**
 * The Site Settings resource against the sandbox, through real workflows. Convention for the coverage test:
 * every node operation run here is named in a `describe('siteSettings.<operation>')` block.
 */
import { startSandbox, type Sandbox } from '../sandbox';
import { seedWidget } from '../sandbox/routes/admin';
import { ok, requestsTo, step } from './directory.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.stop());

describe('siteSettings.get', () => {
	it('reads the settings', async () => {
		expect((await ok(sandbox, { resource: 'siteSettings', operation: 'get' }))[0]).toMatchObject({ title: 'Quatrix Sandbox', pgp_enabled: true });
	});
});

describe('siteSettings.update', () => {
	it('changes title, share types, enforced methods and allowed IPs', async () => {
		const [s] = await ok(sandbox, {
			resource: 'siteSettings',
			operation: 'update',
			updateFields: { title: 'Acme Files', publicShare: false, authMethods: ['IP'], ipWhitelist: '203.0.113.7, 198.51.100.0/24', bcc: 'audit@acme.test' },
		});
		expect(s).toMatchObject({ title: 'Acme Files', bcc: ['audit@acme.test'], share_types: { public_share: false, tracked_share: true } });
		expect(sandbox.requests.find((r) => r.route === '/settings/set')?.body).toMatchObject({ auth_methods: ['IP'], ip_whitelist: ['203.0.113.7', '198.51.100.0/24'] });
	});

	it('names the item and field of a bad IP range and changes nothing', async () => {
		sandbox.resetLog();
		const result = await step(sandbox, { resource: 'siteSettings', operation: 'update', updateFields: { ipWhitelist: 'office' } });
		expect(result.error?.message).toBe('Update Fields → Allowed IP Addresses: "office" is not an address or range (item 0)');
		expect(requestsTo(sandbox, 'POST /settings/set')).toBe(0);
	});
});

describe('siteSettings.listAuthMethods', () => {
	it('lists the sign-in methods that can be enforced', async () => {
		expect((await ok(sandbox, { resource: 'siteSettings', operation: 'listAuthMethods', returnAll: true })).map((m) => m.key)).toEqual(['IP', '2FA']);
	});
});

describe('siteSettings.getLogoUploadLink', () => {
	it('gets an upload key', async () => {
		expect((await ok(sandbox, { resource: 'siteSettings', operation: 'getLogoUploadLink' }))[0].upload_key).toMatch(/^[0-9a-f-]{36}$/);
	});
});

describe('siteSettings.listLanguages', () => {
	it('lists languages with the limit applied', async () => {
		expect(await ok(sandbox, { resource: 'siteSettings', operation: 'listLanguages', returnAll: false, limit: 2 })).toHaveLength(2);
	});
});

describe('siteSettings.getDefaultLanguage', () => {
	it('reads the default language', async () => {
		expect((await ok(sandbox, { resource: 'siteSettings', operation: 'getDefaultLanguage' }))[0]).toEqual({ id: 'en' });
	});
});

describe('siteSettings.getWidget', () => {
	it('reads an upload widget, and maps an unknown one to a readable error', async () => {
		const id = seedWidget(sandbox.state);
		expect((await ok(sandbox, { resource: 'siteSettings', operation: 'getWidget', widgetId: id }))[0]).toEqual({ id });
		const missing = await step(sandbox, { resource: 'siteSettings', operation: 'getWidget', widgetId: '0d3c1b2a-0000-4000-8000-000000000009' });
		expect(missing.error?.message).toMatch(/read the upload widget failed: Widget does not exist \[Quatrix code 91/);
	});
});
