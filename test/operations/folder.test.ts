/**
 * The Folder resource against the sandbox, through real workflows (`describe('folder.<operation>')`).
 */
import { startSandbox, type Sandbox } from '../sandbox';
import { byId, byPath, filesStep, quatrixStep, runSteps } from '../helpers/workflows';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});

describe('folder.create', () => {
	it('creates a folder, then uses the existing one, renames or fails as chosen', async () => {
		const step = (conflict: string) => quatrixStep({ resource: 'folder', operation: 'create', name: 'Reports', folder: byPath('/'), conflict });
		const first = (await runSteps(sandbox, [step('useExisting')])).output('Quatrix')[0].json;
		expect(first).toMatchObject({ name: 'Reports', type: 'D', alreadyExisted: false });
		const again = (await runSteps(sandbox, [step('useExisting')])).output('Quatrix')[0].json;
		expect(again).toMatchObject({ id: first.id, alreadyExisted: true });
		const renamed = (await runSteps(sandbox, [step('rename')])).output('Quatrix')[0].json;
		expect(renamed.name).toBe('Reports(1)');
		const failed = await runSteps(sandbox, [step('fail')]);
		expect(failed.error?.message).toMatch(/\[Quatrix code 30: Object exists\]/);
	});

	it('creates nested folders by path and names an empty name as the problem', async () => {
		await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'create', name: '2026', folder: byPath('/Reports'), conflict: 'useExisting' })]);
		const nested = await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'create', name: 'Q1', folder: byPath('/Reports/2026'), conflict: 'useExisting' })]);
		expect(nested.output('Quatrix')[0].json.name).toBe('Q1');
		const empty = await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'create', name: '  ', folder: byPath('/'), conflict: 'useExisting' })]);
		expect(empty.error?.message).toBe('Name: is empty (item 0)');
	});
});

describe('folder.list', () => {
	it('lists the home folder by default, sorted, with files or folders only and a limit', async () => {
		const home = await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'list', folder: byPath('/'), kind: 'folders', returnAll: true })]);
		expect(home.output('Quatrix').map((item) => item.json.name)).toContain('Reports');
		const folder = String((await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'create', name: 'many', folder: byPath('/'), conflict: 'useExisting' })])).output('Quatrix')[0].json.id);
		sandbox.seedFiles(folder, 30, 'seeded-');
		const limited = await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'list', folder: byId(folder), kind: 'files', returnAll: false, limit: 7 })]);
		expect(limited.output('Quatrix')).toHaveLength(7);
		const all = await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'list', folder: byId(folder), kind: 'all', returnAll: true })]);
		expect(all.output('Quatrix')).toHaveLength(30);
	});
});

describe('folder.exportCsv', () => {
	it('exports the tree under a folder as a CSV file', async () => {
		await runSteps(sandbox, [filesStep(2), quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byPath('/Reports/2026'), conflict: 'rename', options: {} })]);
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'exportCsv', folder: byPath('/Reports'), binaryPropertyName: 'data', options: { fileName: 'reports.csv' } })]);
		const item = result.output('Quatrix')[0];
		const csv = (await result.readBinary(item, 'data')).toString('utf8');
		expect(item.binary?.data).toMatchObject({ fileName: 'reports.csv', mimeType: 'text/csv' });
		expect(csv).toMatch(/file-1\.txt/);
	});
});

describe('folder.getChanges', () => {
	it('lists what changed in a folder since a time, and refuses Until before Since', async () => {
		const since = new Date(sandbox.clock.now() * 1000 - 1000).toISOString();
		await runSteps(sandbox, [filesStep(1), quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byPath('/Reports'), conflict: 'rename', options: { fileName: 'fresh.txt' } })]);
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'getChanges', folder: byPath('/Reports'), since, until: '', returnAll: true })]);
		expect(result.error).toBeUndefined();
		expect(result.output('Quatrix').map((item) => item.json.name)).toContain('fresh.txt');
		const backwards = await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'getChanges', folder: byPath('/Reports'), since: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z', returnAll: true })]);
		expect(backwards.error?.message).toBe('Until: is before Since (item 0)');
	});
});
