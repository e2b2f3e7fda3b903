/**
 * The User resource against the sandbox, through real workflows. Convention for the coverage test: every node
 * operation run here is named in a `describe('user.<operation>')` block.
 */
import { startSandbox, type Sandbox } from '../sandbox';
import { byId, fromList } from '../helpers/workflows';
import { json, ok, requestsTo, step } from './directory.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.stop());

async function createUser(email: string, name = 'Someone') {
	const [user] = await ok(sandbox, { resource: 'user', operation: 'create', email, name, additionalFields: {} });
	return user;
}

describe('user.create', () => {
	it('creates a user with groups, quota and a home folder permission preset', async () => {
		const [group] = await ok(sandbox, { resource: 'user', operation: 'listGroups', returnAll: true });
		const [user] = await ok(sandbox, {
			resource: 'user',
			operation: 'create',
			email: 'carol@example.com',
			name: 'Carol',
			additionalFields: { groups: [group.id], quota: 1000000, homePermission: 'listAndRead', status: 'D' },
		});
		expect(user).toMatchObject({ email: 'carol@example.com', name: 'Carol', quota: 1000000, home_operations: 3, status: 'D', super_admin: 'N' });
		expect((user.groups as Array<{ id: string }>).map((g) => g.id)).toEqual([group.id]);
		expect(sandbox.state.userByEmail('carol@example.com')).toBeDefined();
	});

	it('names the item and field of a bad email and sends nothing', async () => {
		sandbox.resetLog();
		const result = await step(sandbox, { resource: 'user', operation: 'create', email: '={{ $json.email }}', name: 'X', additionalFields: {} }, [{ email: 'a@b.co' }, { email: 'not-an-email' }]);
		expect(result.error?.message).toBe('Email: "not-an-email" is not an email address (item 1)');
		expect(requestsTo(sandbox, 'POST /user/create')).toBe(1);
	});

	it('turns "user exists" into a readable error', async () => {
		await createUser('dup@example.com');
		const result = await step(sandbox, { resource: 'user', operation: 'create', email: 'dup@example.com', name: 'Dup', additionalFields: {} });
		expect(result.error?.message).toMatch(/create the user dup@example.com failed: Email is already taken \[Quatrix code 31: User exists\]/);
		expect((result.error as { description?: string }).description).toMatch(/already exists/);
	});
});

describe('user.list', () => {
	it('filters by email and status on our side and applies the limit', async () => {
		await createUser('list-1@corp.test');
		await createUser('list-2@corp.test');
		const all = await ok(sandbox, { resource: 'user', operation: 'list', returnAll: true, filters: { emailContains: 'CORP.TEST' } });
		expect(all.map((u) => u.email).sort()).toEqual(['list-1@corp.test', 'list-2@corp.test']);
		const limited = await ok(sandbox, { resource: 'user', operation: 'list', returnAll: false, limit: 1, filters: { emailContains: 'corp.test', status: 'A' } });
		expect(limited).toHaveLength(1);
	});
});

describe('user.get', () => {
	it('reads one user picked from the list', async () => {
		const [user] = await ok(sandbox, { resource: 'user', operation: 'get', user: fromList(sandbox.admin.id) });
		expect(user).toMatchObject({ id: sandbox.admin.id, email: sandbox.admin.email, super_admin: 'Y' });
	});

	it('refuses an ID that is not a Quatrix ID before any request', async () => {
		sandbox.resetLog();
		const result = await step(sandbox, { resource: 'user', operation: 'get', user: byId('={{ $json.id }}') }, [{ id: '42' }]);
		expect(result.error?.message).toBe('User: "42" is not a Quatrix ID (item 0)');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('user.update', () => {
	it('changes one user per item', async () => {
		const user = await createUser('edit-me@example.com');
		const [updated] = await ok(sandbox, { resource: 'user', operation: 'update', user: byId(String(user.id)), updateFields: { name: 'Edited', superAdmin: true, homePermission: 'raw', homeRawPermission: 9 } });
		expect(updated).toMatchObject({ id: user.id, name: 'Edited', super_admin: 'Y', home_operations: 9 });
		expect(sandbox.requests.filter((r) => r.route === '/user/edit').at(-1)?.body).toMatchObject({ ids: [user.id] });
	});

	it('says so when nothing is to change', async () => {
		const result = await step(sandbox, { resource: 'user', operation: 'update', user: byId(sandbox.admin.id), updateFields: {} });
		expect(result.error?.message).toBe('Update Fields: is empty (item 0)');
	});
});

describe('user.delete', () => {
	it('says it is a background job and waits until the user is gone', async () => {
		const user = await createUser('leaving@example.com');
		const [result] = await ok(sandbox, { resource: 'user', operation: 'delete', user: byId(String(user.id)), deleteHome: true, wait: true, waitSeconds: 10 });
		expect(result).toMatchObject({ id: user.id, status: 'done', homeDeleted: true });
		expect(typeof result.jobId).toBe('string');
		expect(sandbox.state.users.has(String(user.id))).toBe(false);
	});

	it('returns at once without waiting', async () => {
		const user = await createUser('leaving-2@example.com');
		const [result] = await ok(sandbox, { resource: 'user', operation: 'delete', user: byId(String(user.id)), deleteHome: false, wait: false });
		expect(result).toMatchObject({ id: user.id, status: 'accepted' });
	});
});

describe('user.listGroups', () => {
	it('lists the groups users can be put in', async () => {
		const groups = await ok(sandbox, { resource: 'user', operation: 'listGroups', returnAll: true });
		expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(['Administrators', 'Users']));
	});
});

describe('user.getPgpKey', () => {
	it("reads a user's public key", async () => {
		await ok(sandbox, { resource: 'pgpKey', operation: 'create', name: 'admin key', public: '-----BEGIN PGP PUBLIC KEY BLOCK-----\nabc\n-----END PGP PUBLIC KEY BLOCK-----', private: '' });
		const [key] = await ok(sandbox, { resource: 'user', operation: 'getPgpKey', user: byId(sandbox.admin.id) });
		expect(key).toMatchObject({ userId: sandbox.admin.id, name: 'admin key', email: sandbox.admin.email });
		expect(key.private).toBeUndefined();
	});
});

describe('user.sendPasswordReset', () => {
	it('asks Quatrix to email a reset link', async () => {
		const user = await createUser('forgetful@example.com');
		const [result] = await ok(sandbox, { resource: 'user', operation: 'sendPasswordReset', email: user.email });
		expect(result).toMatchObject({ email: 'forgetful@example.com', sent: true });
		expect(sandbox.state.ext.passwordResets).toEqual(expect.arrayContaining([expect.objectContaining({ email: 'forgetful@example.com' })]));
	});
});

describe('user.resetMfa', () => {
	it("wipes a user's authenticator secret", async () => {
		const user = await createUser('mfa-reset@example.com');
		const stored = sandbox.state.users.get(String(user.id))!;
		stored.mfa = '2FA';
		const [result] = await ok(sandbox, { resource: 'user', operation: 'resetMfa', user: byId(String(user.id)) });
		expect(result).toMatchObject({ id: user.id, reset: true, status: 'success' });
		expect(stored.mfaCode).toBe('');
	});
});

describe('user.removeMfa', () => {
	it("turns off a user's PIN", async () => {
		const user = await createUser('mfa-off@example.com');
		const stored = sandbox.state.users.get(String(user.id))!;
		stored.mfa = 'PIN';
		const [result] = await ok(sandbox, { resource: 'user', operation: 'removeMfa', user: byId(String(user.id)), authType: 'PIN' });
		expect(result).toMatchObject({ removed: true, authType: 'PIN' });
		expect(stored.mfa).toBeUndefined();
	});

	it('keeps going with Continue On Fail and reports the failing item', async () => {
		const result = await step(sandbox, { resource: 'user', operation: 'removeMfa', user: byId('={{ $json.id }}'), authType: '2FA' }, [{ id: '00000000-0000-4000-8000-00000000dead' }], 'continueRegularOutput');
		expect(json(result)[0]).toMatchObject({ item: 0, httpCode: '404' });
		expect(String(json(result)[0].error)).toMatch(/User not found/);
	});
});
