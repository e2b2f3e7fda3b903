/**
 * The Group resource against the sandbox, through real workflows. Convention for the coverage test: every
 * node operation run here is named in a `describe('group.<operation>')` block.
 */
import { startSandbox, type Sandbox } from '../sandbox';
import { byId } from '../helpers/workflows';
import { ok, step } from './directory.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.stop());

describe('group.list', () => {
	it('lists groups filtered by name, with members', async () => {
		const [users] = await ok(sandbox, { resource: 'user', operation: 'listGroups', returnAll: true });
		await ok(sandbox, { resource: 'user', operation: 'update', user: byId(sandbox.admin.id), updateFields: { groups: [users.id] } });
		const groups = await ok(sandbox, { resource: 'group', operation: 'list', returnAll: true, nameContains: String(users.name).toLowerCase() });
		expect(groups).toHaveLength(1);
		expect(groups[0].users).toEqual([{ id: sandbox.admin.id, name: expect.any(String) }]);
		expect(await ok(sandbox, { resource: 'group', operation: 'list', returnAll: false, limit: 2, nameContains: '' })).toHaveLength(2);
	});
});

describe('group.get', () => {
	it('reads one group', async () => {
		const [first] = await ok(sandbox, { resource: 'group', operation: 'list', returnAll: true, nameContains: '' });
		const [group] = await ok(sandbox, { resource: 'group', operation: 'get', group: byId(String(first.id)) });
		expect(group).toMatchObject({ id: first.id, name: first.name });
	});

	it('maps an unknown group to a readable error', async () => {
		const result = await step(sandbox, { resource: 'group', operation: 'get', group: byId('0d3c1b2a-0000-4000-8000-000000000000') });
		expect(result.error?.message).toMatch(/read the group failed: Group not found \[Quatrix code 20: Not found\]/);
	});
});
