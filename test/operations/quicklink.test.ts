/**
 * The Quicklink resource against the sandbox (quicklink.<operation>).
 */
import type { Sandbox } from '../sandbox';
import { byId, quatrixStep, runSteps } from '../helpers/workflows';
import { folderWithFiles, requestsTo, startSharingSandbox } from './sharing.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSharingSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});

const quicklink = (operation: string, fileIds: string[], options: Record<string, unknown> = {}) =>
	quatrixStep({ resource: 'quicklink', operation, file: byId(fileIds[0]), moreFileIds: fileIds.slice(1).join(','), options });

describe('quicklink.create', () => {
	it('creates a public link to files with a PIN sent base64', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'ql-create', 2);
		sandbox.resetLog();
		const result = await runSteps(sandbox, [quicklink('create', fileIds, { pin: '1234', subject: 'Photos' })]);
		const link = result.output('Quatrix')[0].json;
		expect(link).toMatchObject({ files: fileIds, pinProtected: true });
		expect(Number(link.expires) - Number(link.activates)).toBe(604800);
		const body = sandbox.requests.find((request) => request.route === '/quicklink/create')!.body as Record<string, unknown>;
		expect(body).toEqual({ files: fileIds, pin: Buffer.from('1234').toString('base64'), subject: 'Photos' });
		expect(sandbox.state.activity.some((event) => event.action === 'created-link' && (event.payload as { share_id?: string }).share_id === link.id)).toBe(true);
	});

	it('stops before anything is created when More File IDs holds something that is not an ID', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'ql-bad', 1);
		sandbox.resetLog();
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'quicklink', operation: 'create', file: byId(fileIds[0]), moreFileIds: 'report.pdf', options: {} })]);
		expect(result.error?.message).toMatch(/^More File IDs: "report\.pdf" is not a Quatrix ID \(item 0\)$/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('quicklink.getOrCreate', () => {
	it('returns the same active link when run again, and a new one once it was revoked', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'ql-reuse', 2);
		sandbox.resetLog();
		const first = (await runSteps(sandbox, [quicklink('getOrCreate', fileIds)])).output('Quatrix')[0].json;
		expect(first.created).toBe(true);
		const again = (await runSteps(sandbox, [quicklink('getOrCreate', [...fileIds].reverse())])).output('Quatrix')[0].json;
		expect(again).toMatchObject({ id: first.id, created: false });
		expect(requestsTo(sandbox, 'POST /quicklink/create')).toBe(1);

		// A link for only one of the files is another file set.
		const single = (await runSteps(sandbox, [quicklink('getOrCreate', fileIds.slice(0, 1))])).output('Quatrix')[0].json;
		expect(single.id).not.toBe(first.id);

		await runSteps(sandbox, [quatrixStep({ resource: 'quicklink', operation: 'revoke', quicklink: byId(String(first.id)) })]);
		const fresh = (await runSteps(sandbox, [quicklink('getOrCreate', fileIds)])).output('Quatrix')[0].json;
		expect(fresh.created).toBe(true);
		expect(fresh.id).not.toBe(first.id);
	});
});

describe('quicklink.revoke', () => {
	it('revokes a quicklink, and reports an unknown one as a readable Quatrix error', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'ql-revoke', 1);
		const link = (await runSteps(sandbox, [quicklink('create', fileIds)])).output('Quatrix')[0].json;
		const revoked = await runSteps(sandbox, [quatrixStep({ resource: 'quicklink', operation: 'revoke', quicklink: byId(String(link.id)) })]);
		expect(revoked.output('Quatrix')[0].json).toEqual({ id: link.id, revoked: true });
		expect(sandbox.state.shares.get(String(link.id))!.status).toBe('D');

		const unknown = await runSteps(sandbox, [quatrixStep({ resource: 'quicklink', operation: 'revoke', quicklink: byId('3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b') })]);
		expect(unknown.error?.message).toMatch(/^Quatrix: revoke the quicklink failed: \w+ not found \[Quatrix code 20: Not found\]$/);
		expect((unknown.error as { description?: string }).description).toMatch(/does not exist/);
	});
});
