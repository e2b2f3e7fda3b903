/**
 * The Account and Profile resources against the sandbox, through real workflows. Convention for the coverage
 * test: every node operation run here is named in a `describe('<resource>.<operation>')` block.
 */
import { startSandbox, type Sandbox } from '../sandbox';
import { readBinary } from '../harness';
import { json, ok, step } from './directory.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.stop());

describe('account.getMetadata', () => {
	it('reads the public facts of the site', async () => {
		expect((await ok(sandbox, { resource: 'account', operation: 'getMetadata' }))[0]).toMatchObject({ status: 'A', title: 'Quatrix Sandbox' });
	});
});

describe('account.getInfo', () => {
	it('reads plan and limits', async () => {
		expect((await ok(sandbox, { resource: 'account', operation: 'getInfo' }))[0]).toMatchObject({ id: sandbox.state.account.id, key: 'enterprise' });
	});
});

describe('account.list', () => {
	it('lists the accounts of the signed-in user', async () => {
		expect(await ok(sandbox, { resource: 'account', operation: 'list', returnAll: true })).toEqual([expect.objectContaining({ current: true })]);
	});
});

describe('account.listRoles', () => {
	it('lists the people of the account', async () => {
		expect(await ok(sandbox, { resource: 'account', operation: 'listRoles', returnAll: true })).toEqual([{ id: sandbox.admin.id, email: sandbox.admin.email, name: 'Sandbox Admin' }]);
	});
});

describe('account.listServices', () => {
	it('lists the services', async () => {
		expect(await ok(sandbox, { resource: 'account', operation: 'listServices', returnAll: true })).toEqual([expect.objectContaining({ key: 'sftp' })]);
	});
});

describe('account.getService', () => {
	it('reads one service, and names a bad ID before any request', async () => {
		const [service] = await ok(sandbox, { resource: 'account', operation: 'listServices', returnAll: true });
		expect((await ok(sandbox, { resource: 'account', operation: 'getService', serviceId: service.id }))[0]).toMatchObject({ id: service.id, key: 'sftp' });
		sandbox.resetLog();
		const bad = await step(sandbox, { resource: 'account', operation: 'getService', serviceId: 'sftp' });
		expect(bad.error?.message).toBe('Service ID: "sftp" is not a Quatrix ID (item 0)');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('account.downloadLogo', () => {
	it('downloads the logo as binary data', async () => {
		const result = await step(sandbox, { resource: 'account', operation: 'downloadLogo', binaryPropertyName: 'logo' });
		const [item] = result.output('Quatrix');
		expect(item.json).toEqual({ fileName: 'logo.png', mimeType: 'image/png' });
		expect((await readBinary(item, 'logo')).subarray(1, 4).toString()).toBe('PNG');
	});
});

describe('account.upgradePlan', () => {
	it('upgrades the plan and returns the invoice', async () => {
		const [result] = await ok(sandbox, { resource: 'account', operation: 'upgradePlan', currency: 'EUR', renewalPeriod: '1 month', options: { qxMaxUsers: 25, packageKeys: 'sftp, pgp' } });
		expect(result).toMatchObject({ status: 'success', upgrade_invoice_id: expect.any(String) });
		expect(sandbox.requests.find((r) => r.route === '/billing/upgrade')?.body).toEqual({ currency: 'EUR', renewal_period: '1 month', qx_max_users: 25, package_keys: ['sftp', 'pgp'] });
	});
});

describe('profile.get', () => {
	it('reads the signed-in user', async () => {
		expect((await ok(sandbox, { resource: 'profile', operation: 'get' }))[0]).toMatchObject({ id: sandbox.admin.id, home_id: sandbox.admin.homeId });
	});
});

describe('profile.getStorage', () => {
	it('reads the storage use', async () => {
		expect((await ok(sandbox, { resource: 'profile', operation: 'getStorage' }))[0]).toEqual(expect.objectContaining({ user_used: 0, acc_limit: expect.any(Number) }));
	});
});

describe('profile.update', () => {
	it('changes the name and signature', async () => {
		const [result] = await ok(sandbox, { resource: 'profile', operation: 'update', updateFields: { name: 'Ops Robot', messageSignature: 'Sent by n8n' } });
		expect(result).toMatchObject({ name: 'Ops Robot', message_signature: 'Sent by n8n' });
	});

	it('maps an email taken by another user to a readable error', async () => {
		await ok(sandbox, { resource: 'user', operation: 'create', email: 'taken@example.com', name: 'T', additionalFields: {} });
		const result = await step(sandbox, { resource: 'profile', operation: 'update', updateFields: { email: 'taken@example.com' } }, undefined, 'continueRegularOutput');
		expect(json(result)[0]).toMatchObject({ error: expect.stringMatching(/update your profile failed: Email is already taken/), httpCode: '400' });
	});
});

