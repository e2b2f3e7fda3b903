/**
 * The Share resource against the sandbox, through real workflows (one describe per operation: share.<operation>).
 */
import { unzipSync } from 'fflate';

import type { Sandbox } from '../sandbox';
import { byId, quatrixStep, runSteps } from '../helpers/workflows';
import { folderWithFiles, recipientCredentials, recipientOf, requestsTo, startSharingSandbox } from './sharing.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSharingSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});

const inAWeek = () => new Date(Date.now() + 7 * 86400 * 1000).toISOString();

async function createShare(fileIds: string[], extra: Record<string, unknown> = {}) {
	const result = await runSteps(sandbox, [
		quatrixStep({
			resource: 'share',
			operation: 'create',
			file: byId(fileIds[0]),
			moreFileIds: fileIds.slice(1).join(', '),
			recipients: recipientOf(sandbox).email,
			subject: 'Quarterly report',
			options: {},
			...extra,
		}),
	]);
	expect(result.error).toBeUndefined();
	return result.output('Quatrix')[0].json;
}

describe('share.create', () => {
	it('shares files with a recipient given by email, finds the folder from the files and encodes the PIN', async () => {
		const { folderId, fileIds } = folderWithFiles(sandbox, 'create-share', 2);
		sandbox.resetLog();
		const share = await createShare(fileIds, { expiresOn: inAWeek(), shareType: 'C', options: { pin: 'käse 42', returnFiles: true } });
		const bob = recipientOf(sandbox);
		expect(share).toMatchObject({ folderId, files: fileIds, shareType: 'restricted', emailSent: true, recipients: [{ id: bob.id, email: bob.email }] });
		const body = sandbox.requests.find((request) => request.route === '/share/create')!.body as Record<string, unknown>;
		expect(body).toMatchObject({ folder_id: folderId, contacts: [bob.id], share_type: 'C', send_email: true, return_files: true, subject: 'Quarterly report' });
		expect(Buffer.from(String(body.pin), 'base64').toString('utf8')).toBe('käse 42');
		expect(typeof body.expires).toBe('number');
		const actions = sandbox.state.activity.filter((event) => (event.payload as { share_id?: string }).share_id === share.id).map((event) => event.action);
		expect(actions).toEqual(['create', 'sent-email']);
	});

	it('stops before anything is sent when Expires On is in the past, naming the item and the field', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'past-expiry', 1);
		const before = sandbox.state.shares.size;
		sandbox.resetLog();
		const result = await runSteps(sandbox, [
			quatrixStep({ resource: 'share', operation: 'create', file: byId(fileIds[0]), recipients: 'bob@sandbox.test', expiresOn: '2020-01-01T00:00:00Z', options: {} }),
		]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Expires On: .* is in the past \(item 0\)$/);
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.state.shares.size).toBe(before);
	});

	it('refuses an unknown email without creating anything unless Create Missing Contacts is on', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'unknown-email', 1);
		const before = sandbox.state.shares.size;
		const result = await runSteps(sandbox, [
			quatrixStep({ resource: 'share', operation: 'create', file: byId(fileIds[0]), recipients: 'nobody@example.com', options: {} }),
		]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Recipients: no Quatrix contact or user has the email nobody@example\.com \(item 0\)/);
		expect(sandbox.state.shares.size).toBe(before);
	});

	it('adds a missing email as a contact when Create Missing Contacts is on, and finds it the next time', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'new-contact', 1);
		const step = quatrixStep({ resource: 'share', operation: 'create', file: byId(fileIds[0]), recipients: 'carol@example.com, bob@sandbox.test', createMissingContacts: true, options: {} });
		const first = (await runSteps(sandbox, [step])).output('Quatrix')[0].json;
		const carol = [...sandbox.state.contacts.values()].find((contact) => contact.email === 'carol@example.com')!;
		expect(first.recipients).toEqual(expect.arrayContaining([expect.objectContaining({ id: carol.id, email: 'carol@example.com', created: true })]));
		expect(sandbox.state.shares.get(String(first.id))!.recipients).toEqual(expect.arrayContaining([carol.id, recipientOf(sandbox).id]));
		sandbox.resetLog();
		const second = (await runSteps(sandbox, [step])).output('Quatrix')[0].json;
		expect(second.recipients).toEqual(expect.arrayContaining([{ id: carol.id, email: 'carol@example.com', name: 'carol' }]));
		expect(requestsTo(sandbox, 'POST /contact/create')).toBe(0);
	});

	it('refuses files from two folders', async () => {
		const a = folderWithFiles(sandbox, 'two-folders-a', 1);
		const b = folderWithFiles(sandbox, 'two-folders-b', 1);
		sandbox.resetLog();
		const result = await runSteps(sandbox, [
			quatrixStep({ resource: 'share', operation: 'create', file: byId(a.fileIds[0]), moreFileIds: b.fileIds[0], recipients: 'bob@sandbox.test', options: {} }),
		]);
		expect(result.error?.message).toMatch(/Files: the files are in 2 different folders/);
		expect(requestsTo(sandbox, 'POST /share/create')).toBe(0);
	});
});

describe('share.get', () => {
	it('reads the share as its recipient sees it', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'get-share', 1);
		const share = await createShare(fileIds, { shareType: 'P' });
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'share', operation: 'get', share: byId(String(share.id)) })]);
		expect(result.output('Quatrix')[0].json).toMatchObject({ id: share.id, subject: 'Quarterly report', share_type: 'P', shareTypeName: 'public', status: 'A', pin_protected: false });
	});
});

describe('share.getMany', () => {
	it('lists shares newest first, filtered by kind and state, with a limit', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'list-shares', 1);
		const first = await createShare(fileIds, { subject: 'first' });
		const second = await createShare(fileIds, { subject: 'second' });
		const result = await runSteps(sandbox, [
			quatrixStep({ resource: 'share', operation: 'getMany', madeBy: 'all', returnAll: false, limit: 2, filters: { kind: 'share', state: 'active' } }),
		]);
		const rows = result.output('Quatrix').map((item) => item.json);
		expect(rows).toHaveLength(2);
		expect(rows.map((row) => row.id)).toEqual([second.id, first.id]);
		expect(rows.every((row) => row.kind === 'share' && row.state === 'active')).toBe(true);

		const mine = await runSteps(sandbox, [
			quatrixStep({ resource: 'share', operation: 'getMany', madeBy: 'user', user: byId(sandbox.admin.id), returnAll: true, filters: {} }),
		]);
		expect(mine.output('Quatrix').length).toBe([...sandbox.state.shares.values()].filter((s) => s.owner_id === sandbox.admin.id).length);
	});
});

describe('share.getFiles', () => {
	it('lists the files of a share', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'share-files', 3);
		const share = await createShare(fileIds);
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'share', operation: 'getFiles', share: byId(String(share.id)), returnAll: true })]);
		const rows = result.output('Quatrix').map((item) => item.json);
		expect(rows.map((row) => row.id).sort()).toEqual([...fileIds].sort());
		expect(rows.every((row) => row.shareId === share.id && row.type === 'F')).toBe(true);
	});
});

describe('share.getDownloadLink', () => {
	it('returns a link that downloads one chosen file without signing in', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'link-share', 2);
		const share = await createShare(fileIds);
		const result = await runSteps(sandbox, [
			quatrixStep({ resource: 'share', operation: 'getDownloadLink', share: byId(String(share.id)), fileIds: fileIds[1] }),
		]);
		const link = result.output('Quatrix')[0].json;
		expect(link).toMatchObject({ shareId: share.id, files: [fileIds[1]] });
		const response = await fetch(String(link.url));
		expect(response.status).toBe(200);
		expect(await response.text()).toBe(`${sandbox.state.files.get(fileIds[1])!.name}\n`);
	});
});

describe('share.download', () => {
	it('downloads every file of a share as one ZIP, as the recipient', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'download-share', 2);
		const share = await createShare(fileIds, { shareType: 'C' });
		const result = await runSteps(
			sandbox,
			[quatrixStep({ resource: 'share', operation: 'download', share: byId(String(share.id)), binaryPropertyName: 'data', options: {} }, { auth: 'apiKey' })],
			{ credentials: recipientCredentials(sandbox) },
		);
		expect(result.error).toBeUndefined();
		const item = result.output('Quatrix')[0];
		const zip = unzipSync(new Uint8Array(await result.readBinary(item, 'data')));
		const names = fileIds.map((id) => sandbox.state.files.get(id)!.name).sort();
		expect(Object.keys(zip).sort()).toEqual(names);
		expect(Buffer.from(zip[names[0]]).toString()).toBe(`${names[0]}\n`);
	});
});

describe('share.download with a PIN', () => {
	it('unlocks a PIN-protected share for the recipient, who cannot open it without the PIN', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'pin-share', 1);
		const share = await createShare(fileIds, { shareType: 'C', options: { pin: '48151' } });
		const asRecipient = (options: Record<string, unknown>) =>
			runSteps(sandbox, [quatrixStep({ resource: 'share', operation: 'download', share: byId(String(share.id)), binaryPropertyName: 'data', options }, { auth: 'apiKey' })], {
				credentials: recipientCredentials(sandbox),
			});
		const locked = await asRecipient({});
		expect(locked.error?.message).toMatch(/\[Quatrix code 73: Not allowed without PIN\]/);
		const wrong = await asRecipient({ pin: '00000' });
		expect(wrong.error?.message).toMatch(/^Quatrix: unlock the share with its PIN failed: .*\[Quatrix code 84: Failed PIN\]/);
		expect(`${wrong.error?.message} ${(wrong.error as { description?: string }).description}`).not.toContain('00000');
		const opened = await asRecipient({ pin: '48151' });
		expect(opened.error).toBeUndefined();
		expect((await opened.readBinary(opened.output('Quatrix')[0], 'data')).toString()).toBe(`${sandbox.state.files.get(fileIds[0])!.name}\n`);
		expect(requestsTo(sandbox, 'POST /share/login-pin')).toBeGreaterThanOrEqual(2);
	});

	it('unlocks a PIN-protected quicklink through the quicklink call', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'pin-quicklink', 1);
		const created = await runSteps(sandbox, [quatrixStep({ resource: 'quicklink', operation: 'create', file: byId(fileIds[0]), options: { pin: '2718' } })]);
		expect(created.error).toBeUndefined();
		const link = created.output('Quatrix')[0].json;
		const files = await runSteps(sandbox, [quatrixStep({ resource: 'share', operation: 'getFiles', share: byId(String(link.id)), returnAll: true, options: { pin: '2718' } }, { auth: 'apiKey' })], {
			credentials: recipientCredentials(sandbox),
		});
		expect(files.error).toBeUndefined();
		expect(files.output('Quatrix').map((item) => item.json.id)).toEqual(fileIds);
		expect(requestsTo(sandbox, 'POST /quicklink/login-pin')).toBe(1);
	});
});

describe('share.revoke', () => {
	it('revokes a share; its download link then fails with a readable Quatrix error', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'revoke-share', 1);
		const share = await createShare(fileIds);
		const revoked = await runSteps(sandbox, [quatrixStep({ resource: 'share', operation: 'revoke', share: byId(String(share.id)) })]);
		expect(revoked.output('Quatrix')[0].json).toEqual({ id: share.id, revoked: true });
		expect(sandbox.state.activity.some((event) => event.action === 'revoke' && event.share_status === 'D')).toBe(true);

		const after = await runSteps(sandbox, [quatrixStep({ resource: 'share', operation: 'getDownloadLink', share: byId(String(share.id)), fileIds: '' })]);
		expect(after.status).toBe('error');
		expect(after.error?.message).toMatch(/^Quatrix: prepare the share download failed: Not allowed: the share was revoked \[Quatrix code 70/);
	});

	it('names the field when the share ID (from an expression) is not an ID', async () => {
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'share', operation: 'revoke', share: byId('={{ "not-an-id" }}') })]);
		expect(result.error?.message).toMatch(/^Share: "not-an-id" is not a Quatrix ID \(item 0\)$/);
	});
});
