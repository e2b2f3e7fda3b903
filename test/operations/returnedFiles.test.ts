/**
 * The Returned Files resource against the sandbox (returnedFiles.<operation>): the admin shares with Bob and
 * allows returns; Bob's steps run with his own API key.
 */
import type { Sandbox } from '../sandbox';
import { byId, filesStep, quatrixStep, runSteps } from '../helpers/workflows';
import { folderWithFiles, recipientCredentials, startSharingSandbox } from './sharing.fixtures';

let sandbox: Sandbox;
let shareId: string;
let folderId: string;
beforeAll(async () => {
	sandbox = await startSharingSandbox();
	const made = folderWithFiles(sandbox, 'returns', 1);
	folderId = made.folderId;
	const result = await runSteps(sandbox, [
		quatrixStep({ resource: 'share', operation: 'create', file: byId(made.fileIds[0]), recipients: 'bob@sandbox.test', subject: 'Sign and return', options: { returnFiles: true } }),
	]);
	shareId = String(result.output('Quatrix')[0].json.id);
});
afterAll(async () => {
	await sandbox.stop();
});

const asBob = async (parameters: Record<string, unknown>, before: Parameters<typeof runSteps>[1] = []) =>
	await runSteps(sandbox, [...before, quatrixStep({ resource: 'returnedFiles', share: byId(shareId), ...parameters }, { auth: 'apiKey' })], {
		credentials: recipientCredentials(sandbox),
	});

const childNames = (parentId: string) => [...sandbox.state.files.values()].filter((f) => f.parent_id === parentId).map((f) => f.name).sort();

describe('returnedFiles.getMetadata', () => {
	it('tells the recipient where returned files go', async () => {
		const result = await asBob({ operation: 'getMetadata' });
		expect(result.output('Quatrix')[0].json).toMatchObject({ id: shareId, subject: 'Sign and return', sender_email: sandbox.admin.email, folder_id: folderId });
	});
});

describe('returnedFiles.createFolder', () => {
	it('creates a folder in the return area', async () => {
		const result = await asBob({ operation: 'createFolder', name: 'signed', parentId: '' });
		const folder = result.output('Quatrix')[0].json;
		expect(folder).toMatchObject({ parent_id: folderId, name: 'signed', shareId });
		expect(sandbox.state.files.get(String(folder.id))!.owner_id).toBe(sandbox.admin.id);
	});
});

describe('returnedFiles.upload', () => {
	it('uploads in chunks and returns the file at once; the sender sees a files-return event', async () => {
		const result = await asBob({ operation: 'upload', binaryPropertyName: 'data', sendNow: true, message: 'Done', options: { chunkSizeMib: 1 } }, [filesStep(1, 2.5 * 1024 * 1024)]);
		expect(result.error).toBeUndefined();
		const out = result.output('Quatrix')[0].json;
		expect(out).toMatchObject({ name: 'file-0.txt', size: 2.5 * 1024 * 1024, parent_id: folderId, returned: true, file_ids: [out.id] });
		expect(sandbox.requests.filter((r) => r.route === '/upload/chunked/{key}')).toHaveLength(3);
		expect(sandbox.state.activity.some((e) => e.event === 'files-return' && e.action === 'replied' && e.email === 'bob@sandbox.test')).toBe(true);
	});
});

describe('returnedFiles.getUploadLink', () => {
	it('reserves a returned file and gives its upload key', async () => {
		const result = await asBob({ operation: 'getUploadLink', name: 'later.pdf', parentId: '', fileSize: 10 });
		expect(result.output('Quatrix')[0].json).toMatchObject({ parent_id: folderId, name: 'later.pdf', shareId });
		expect(typeof result.output('Quatrix')[0].json.upload_key).toBe('string');
	});
});

describe('returnedFiles.send', () => {
	it('returns files uploaded earlier without returning them', async () => {
		const uploaded = await asBob({ operation: 'upload', binaryPropertyName: 'data', sendNow: false, options: { fileName: 'contract.txt' } }, [filesStep(1, 100)]);
		const file = uploaded.output('Quatrix')[0].json;
		expect(file.returned).toBe(false);
		const sent = await asBob({ operation: 'send', fileIds: String(file.id), message: 'Here it is' });
		expect(sent.output('Quatrix')[0].json).toEqual({ shareId, file_ids: [file.id] });
		expect(childNames(folderId)).toEqual(expect.arrayContaining(['contract.txt', 'file-0.txt', 'signed']));
	});

	it('maps Quatrix refusing a share without returns to a readable error', async () => {
		const made = folderWithFiles(sandbox, 'no-returns', 1);
		const share = await runSteps(sandbox, [quatrixStep({ resource: 'share', operation: 'create', file: byId(made.fileIds[0]), recipients: 'bob@sandbox.test', options: {} })]);
		const otherId = String(share.output('Quatrix')[0].json.id);
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'returnedFiles', operation: 'getMetadata', share: byId(otherId) }, { auth: 'apiKey' })], {
			credentials: recipientCredentials(sandbox),
		});
		expect(result.error?.message).toMatch(/^Quatrix: read where files can be returned failed: Restriction error: this share does not accept returned files \[Quatrix code 50/);
		expect((result.error as { description?: string }).description).toMatch(/not allowed/);
	});

	it('names the field when File IDs is empty', async () => {
		const result = await asBob({ operation: 'send', fileIds: ' ', message: '' });
		expect(result.error?.message).toMatch(/^File IDs: is empty \(item 0\)$/);
	});
});
