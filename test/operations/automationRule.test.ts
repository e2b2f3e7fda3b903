/**
 * The Automation Rule resource against the sandbox, through real workflows. Convention for the coverage test:
 * every node operation run here is named in a `describe('automationRule.<operation>')` block.
 */
import { startSandbox, type Sandbox } from '../sandbox';
import { byId, byPath } from '../helpers/workflows';
import { ok, requestsTo, step } from './directory.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
	await ok(sandbox, { resource: 'folder', operation: 'create', name: 'Scratch', folder: byPath('/'), conflict: 'useExisting' });
});
afterAll(async () => await sandbox.stop());

async function rule(options: Record<string, unknown> = { expire: 7 }) {
	return (await ok(sandbox, { resource: 'automationRule', operation: 'create', folder: byPath('/Scratch'), action: 'autodelete', options }))[0];
}

describe('automationRule.create', () => {
	it('adds an auto-delete rule to a folder', async () => {
		const created = await rule({ expire: 14, keepFolderStructure: true, email: 'it@example.com, boss@example.com', comment: 'tidy' });
		expect(created).toMatchObject({ action: 'autodelete', status: 'A', options: { expire: 14, keep_folder_structure: true }, email: ['it@example.com', 'boss@example.com'], file_path: '/Scratch' });
	});

	it('names the item and field of a bad notify email and creates nothing', async () => {
		sandbox.resetLog();
		const result = await step(sandbox, { resource: 'automationRule', operation: 'create', folder: byPath('/Scratch'), action: 'autodelete', options: { email: 'nobody' } });
		expect(result.error?.message).toBe('Options → Notify Emails: "nobody" is not an email address (item 0)');
		expect(requestsTo(sandbox, 'POST /automation/create')).toBe(0);
	});
});

describe('automationRule.list', () => {
	it('lists the rules', async () => {
		await rule();
		const rows = await ok(sandbox, { resource: 'automationRule', operation: 'list', returnAll: false, limit: 1 });
		expect(rows).toHaveLength(1);
		expect(rows[0]).toHaveProperty('rule_num');
	});
});

describe('automationRule.get', () => {
	it('reads one rule', async () => {
		const created = await rule();
		const [read] = await ok(sandbox, { resource: 'automationRule', operation: 'get', rule: byId(String(created.id)) });
		expect(read).toMatchObject({ id: created.id, action: 'autodelete' });
	});

	it('maps an unknown rule to a readable error', async () => {
		const result = await step(sandbox, { resource: 'automationRule', operation: 'get', rule: byId('0d3c1b2a-0000-4000-8000-000000000001') });
		expect(result.error?.message).toMatch(/read the automation rule failed: Automation rule not found \[Quatrix code 20/);
	});
});

describe('automationRule.update', () => {
	it('disables a rule and changes its days', async () => {
		const created = await rule();
		const [updated] = await ok(sandbox, { resource: 'automationRule', operation: 'update', rule: byId(String(created.id)), updateFields: { status: 'D', expire: 30 } });
		expect(updated).toMatchObject({ id: created.id, status: 'D', options: { expire: 30 } });
	});
});

describe('automationRule.delete', () => {
	it('deletes a rule', async () => {
		const created = await rule();
		const [result] = await ok(sandbox, { resource: 'automationRule', operation: 'delete', rule: byId(String(created.id)) });
		expect(result).toEqual({ id: created.id, deleted: true });
		expect(sandbox.state.automations.has(String(created.id))).toBe(false);
	});
});
