/**
 * The Contact resource against the sandbox, through real workflows. Convention for the coverage test: every
 * node operation run here is named in a `describe('contact.<operation>')` block.
 */
import { startSandbox, type Sandbox } from '../sandbox';
import { byId } from '../helpers/workflows';
import { ok, requestsTo, step } from './directory.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.stop());

const create = async (email: string, extra: Record<string, unknown> = {}) =>
	(await ok(sandbox, { resource: 'contact', operation: 'create', email, name: 'Partner', ifExists: 'returnExisting', additionalFields: extra }))[0];

describe('contact.create', () => {
	it('creates a contact in a group, then returns the same contact when re-run', async () => {
		const [group] = await ok(sandbox, { resource: 'contact', operation: 'listGroups', returnAll: true });
		const first = await create('partner@acme.test', { groups: [group.id], personal: true });
		expect(first).toMatchObject({ email: 'partner@acme.test', created: true, type: 'personal' });
		const again = await create('partner@acme.test');
		expect(again).toMatchObject({ id: first.id, created: false });
		expect(sandbox.state.contacts.size).toBe(1);
	});

	it('fails with a readable error when told to', async () => {
		const result = await step(sandbox, { resource: 'contact', operation: 'create', email: 'partner@acme.test', name: 'P', ifExists: 'fail', additionalFields: {} });
		expect(result.error?.message).toMatch(/create the contact partner@acme.test failed: Email is already taken \[Quatrix code 32: Contact exists\]/);
	});

	it('names the item and field of a missing name and creates nothing', async () => {
		sandbox.resetLog();
		const result = await step(sandbox, { resource: 'contact', operation: 'create', email: 'x@acme.test', name: '={{ $json.name }}', ifExists: 'fail', additionalFields: {} }, [{ name: '  ' }]);
		expect(result.error?.message).toBe('Name: is empty (item 0)');
		expect(requestsTo(sandbox, 'POST /contact/create')).toBe(0);
	});
});

describe('contact.list', () => {
	it('filters by email and kind', async () => {
		await create('site-contact@other.test');
		const rows = await ok(sandbox, { resource: 'contact', operation: 'list', returnAll: true, filters: { emailContains: 'other.test', personal: 'site' } });
		expect(rows.map((c) => c.email)).toEqual(['site-contact@other.test']);
		const limited = await ok(sandbox, { resource: 'contact', operation: 'list', returnAll: false, limit: 1, filters: {} });
		expect(limited).toHaveLength(1);
	});
});

describe('contact.get', () => {
	it('reads one contact', async () => {
		const contact = await create('get-me@acme.test');
		const [read] = await ok(sandbox, { resource: 'contact', operation: 'get', contact: byId(String(contact.id)) });
		expect(read).toMatchObject({ id: contact.id, email: 'get-me@acme.test' });
	});
});

describe('contact.update', () => {
	it('changes the name', async () => {
		const contact = await create('rename-me@acme.test');
		const [updated] = await ok(sandbox, { resource: 'contact', operation: 'update', contact: byId(String(contact.id)), updateFields: { name: 'Renamed' } });
		expect(updated).toMatchObject({ id: contact.id, name: 'Renamed' });
	});
});

describe('contact.delete', () => {
	it('deletes a contact', async () => {
		const contact = await create('delete-me@acme.test');
		const [result] = await ok(sandbox, { resource: 'contact', operation: 'delete', contact: byId(String(contact.id)) });
		expect(result).toEqual({ id: contact.id, deleted: true });
		expect(sandbox.state.contacts.has(String(contact.id))).toBe(false);
	});
});

describe('contact.upgrade', () => {
	it('turns a contact into a user', async () => {
		const contact = await create('soon-user@acme.test');
		const [user] = await ok(sandbox, { resource: 'contact', operation: 'upgrade', contact: byId(String(contact.id)) });
		expect(user).toMatchObject({ contactId: contact.id, email: 'soon-user@acme.test' });
		expect(sandbox.state.userByEmail('soon-user@acme.test')?.id).toBe(user.id);
	});
});

describe('contact.listGroups', () => {
	it('lists contact groups', async () => {
		const groups = await ok(sandbox, { resource: 'contact', operation: 'listGroups', returnAll: true });
		expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(['All Contacts', 'Partners']));
		expect(groups[0]).toHaveProperty('global');
	});
});
