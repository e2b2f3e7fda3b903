/**
 * The File resource against the sandbox, through real workflows. Convention for the coverage test: every node
 * operation run here is named in a `describe('file.<operation>')` block.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { startSandbox, type Sandbox } from '../sandbox';
import { byId, byPath, filesStep, inputStep, quatrixStep, runSteps } from '../helpers/workflows';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function childrenNames(folderId: string) {
	return [...sandbox.state.files.values()].filter((file) => file.parent_id === folderId).map((file) => file.name).sort();
}

async function makeFolder(name: string) {
	const result = await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'create', name, folder: byPath('/'), conflict: 'useExisting' })]);
	expect(result.error).toBeUndefined();
	return String(result.output('Quatrix')[0].json.id);
}

async function uploadFiles(folderId: string, count = 1, bytes = 1000) {
	const result = await runSteps(sandbox, [filesStep(count, bytes), quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byId(folderId), conflict: 'rename', options: {} })]);
	expect(result.error).toBeUndefined();
	return result.output('Quatrix').map((item) => item.json);
}

describe('file.upload', () => {
	it('uploads to a folder given by path and keeps pairedItem for every item', async () => {
		const folderId = await makeFolder('upload-by-path');
		const result = await runSteps(sandbox, [
			filesStep(3, 2000),
			quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byPath('/upload-by-path'), conflict: 'rename', options: {} }),
		]);
		expect(result.error).toBeUndefined();
		const out = result.output('Quatrix');
		expect(out.map((item) => item.json.name)).toEqual(['file-0.txt', 'file-1.txt', 'file-2.txt']);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out.every((item) => item.json.size === 2000 && item.json.parent_id === folderId)).toBe(true);
	});

	it('renames, replaces or fails on a name conflict, as chosen', async () => {
		const folderId = await makeFolder('conflicts');
		const [first] = await uploadFiles(folderId);
		const renamed = await uploadFiles(folderId);
		expect(renamed[0].name).toBe('file-0(1).txt');

		const replace = await runSteps(sandbox, [filesStep(1, 5000), quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byId(folderId), conflict: 'replace', options: {} })]);
		expect(replace.output('Quatrix')[0].json).toMatchObject({ id: first.id, size: 5000, name: 'file-0.txt' });

		const fail = await runSteps(sandbox, [filesStep(1), quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byId(folderId), conflict: 'fail', options: {} })]);
		expect(fail.status).toBe('error');
		expect(fail.error?.message).toMatch(/exists/i);
		expect(childrenNames(folderId)).toEqual(['file-0(1).txt', 'file-0.txt']);
	});

	it('uploads a zero-byte file with no chunk at all', async () => {
		const folderId = await makeFolder('empty-files');
		const [file] = await uploadFiles(folderId, 1, 0);
		expect(file.size).toBe(0);
		sandbox.resetLog();
	});

	it('uploads in chunks of the chosen size and stores the given file name and time', async () => {
		const folderId = await makeFolder('chunks');
		sandbox.resetLog();
		const result = await runSteps(sandbox, [
			filesStep(1, 2.5 * 1024 * 1024),
			quatrixStep({
				resource: 'file',
				operation: 'upload',
				binaryPropertyName: 'data',
				folder: byId(folderId),
				conflict: 'rename',
				options: { chunkSizeMib: 1, fileName: 'renamed.bin', modifiedTime: '2026-01-02T03:04:05Z' },
			}),
		]);
		expect(result.error).toBeUndefined();
		const chunks = sandbox.requests.filter((request) => request.route === '/upload/chunked/{key}');
		expect(chunks.map((request) => request.headers['content-range'])).toEqual([
			'bytes 0-1048575/2621440',
			'bytes 1048576-2097151/2621440',
			'bytes 2097152-2621439/2621440',
		]);
		const stored = sandbox.state.files.get(String(result.output('Quatrix')[0].json.id))!;
		expect(stored.name).toBe('renamed.bin');
		expect(stored.modified).toBe(Date.parse('2026-01-02T03:04:05Z') / 1000);
	});

	it('names the item and the field when the binary property is missing, and creates nothing', async () => {
		const folderId = await makeFolder('missing-binary');
		const result = await runSteps(sandbox, [
			inputStep([{ a: 1 }, { b: 2 }]),
			quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byId(folderId), conflict: 'rename', options: {} }),
		]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Input Binary Field: the item has no binary field "data" \(item 0\)/);
		expect(childrenNames(folderId)).toEqual([]);
	});

	it('refuses a malformed folder ID from an expression before sending anything', async () => {
		sandbox.resetLog();
		// A literal bad ID is already refused by n8n's own check of the field; an expression is checked by the node.
		const result = await runSteps(sandbox, [filesStep(1), quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byId("={{ 'not-an-id' }}"), conflict: 'rename', options: {} })]);
		expect(result.error?.message).toMatch(/Parent Folder: "not-an-id" is not a Quatrix ID \(item 0\)/);
		expect(sandbox.requests.filter((request) => request.route !== '/session/login')).toEqual([]);
	});

	it('says which part of a path does not exist, and uploads nothing', async () => {
		const before = sandbox.state.files.size;
		const result = await runSteps(sandbox, [filesStep(1), quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byPath('/upload-by-path/2027/deep'), conflict: 'rename', options: {} })]);
		expect(result.error?.message).toMatch(/Parent Folder: nothing at "\/upload-by-path\/2027\/deep": "2027" is not in "\/upload-by-path" \(item 0\)/);
		expect(sandbox.state.files.size).toBe(before);
	});

	it('maps an unknown folder ID to a readable Quatrix error', async () => {
		const result = await runSteps(sandbox, [filesStep(1), quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byId('3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b'), conflict: 'rename', options: {} })]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Quatrix: start the upload of "file-0.txt" failed: .*\[Quatrix code 20: Not found\]/);
	});
});

describe('file.download', () => {
	it('downloads one file with its name, type and exact bytes', async () => {
		const folderId = await makeFolder('downloads');
		const [file] = await uploadFiles(folderId, 1, 12345);
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'download', item: byId(String(file.id)), binaryPropertyName: 'data', options: {} })]);
		expect(result.error).toBeUndefined();
		const item = result.output('Quatrix')[0];
		const bytes = await result.readBinary(item, 'data');
		expect(sha256(bytes)).toBe(sha256(readFileSync(sandbox.fileContentPath(String(file.id)))));
		expect(item.binary?.data).toMatchObject({ fileName: 'file-0.txt', mimeType: 'text/plain' });
		expect(item.json).toMatchObject({ id: file.id, zip: false });
	});

	it('downloads a folder, or several files, as one ZIP', async () => {
		const folderId = await makeFolder('zip-me');
		const files = await uploadFiles(folderId, 2);
		const folder = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'download', item: byPath('/zip-me'), binaryPropertyName: 'archive', options: {} })]);
		const zipped = folder.output('Quatrix')[0];
		expect(zipped.json.zip).toBe(true);
		expect((await folder.readBinary(zipped, 'archive')).subarray(0, 2).toString()).toBe('PK');
		const several = await runSteps(sandbox, [
			quatrixStep({ resource: 'file', operation: 'download', item: byId(String(files[0].id)), binaryPropertyName: 'data', options: { moreIds: String(files[1].id), fileName: 'both.zip' } }),
		]);
		expect(several.output('Quatrix')[0].binary?.data.fileName).toBe('both.zip');
	});
});

async function uploadedFile(folderName: string, bytes = 1000) {
	const folderId = await makeFolder(folderName);
	const [file] = await uploadFiles(folderId, 1, bytes);
	return { folderId, file };
}

describe('file.get', () => {
	it('reads the metadata of a file given by path', async () => {
		await uploadedFile('meta-get', 100);
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'get', item: byPath('/meta-get/file-0.txt') })]);
		expect(result.output('Quatrix')[0].json).toMatchObject({ name: 'file-0.txt', type: 'F', size: 100 });
	});
});

describe('file.getInfo', () => {
	it('reads the extended information of a file', async () => {
		const { file } = await uploadedFile('meta-info');
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'getInfo', item: byId(String(file.id)) })]);
		expect(result.output('Quatrix')[0].json).toMatchObject({ id: file.id, name: 'file-0.txt' });
	});
});

describe('file.getSize', () => {
	it('adds up everything in a folder', async () => {
		const folderId = await makeFolder('meta-size');
		await uploadFiles(folderId, 2, 100);
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'getSize', item: byId(folderId) })]);
		expect(result.output('Quatrix')[0].json).toEqual({ id: folderId, size: 200 });
	});
});

describe('file.copy', () => {
	it('copies into another folder and waits for the copy to appear', async () => {
		const { file } = await uploadedFile('copy-src');
		const target = await makeFolder('copy-dst');
		const copy = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'copy', item: byId(String(file.id)), destination: byId(target), conflict: 'rename', wait: true, waitSeconds: 5 })]);
		expect(copy.output('Quatrix')[0].json).toMatchObject({ status: 'done', name: 'file-0.txt', parent_id: target, jobId: expect.any(String) });
		expect(childrenNames(target)).toEqual(['file-0.txt']);
	});

	it('returns the job at once when told not to wait', async () => {
		const { file, folderId } = await uploadedFile('copy-nowait');
		const copy = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'copy', item: byId(String(file.id)), destination: byId(folderId), conflict: 'rename', wait: false })]);
		expect(copy.output('Quatrix')[0].json).toMatchObject({ status: 'accepted', jobId: expect.any(String) });
	});
});

describe('file.rename', () => {
	it('renames a file, and refuses names with a slash before any request', async () => {
		const { file } = await uploadedFile('rename');
		const rename = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'rename', item: byId(String(file.id)), newName: 'renamed.txt', conflict: 'fail' })]);
		expect(rename.output('Quatrix')[0].json).toMatchObject({ name: 'renamed.txt', old_name: 'file-0.txt' });
		sandbox.resetLog();
		const bad = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'rename', item: byId(String(file.id)), newName: 'a/b', conflict: 'fail' })]);
		expect(bad.error?.message).toBe('New Name: "a/b" contains a slash (item 0)');
		expect(sandbox.requests.filter((request) => request.route !== '/session/login')).toEqual([]);
	});
});

describe('file.move', () => {
	it('moves a file into a folder given by path', async () => {
		const { file } = await uploadedFile('move-src');
		const target = await makeFolder('move-dst');
		const move = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'move', item: byId(String(file.id)), destination: byPath('/move-dst'), conflict: 'rename' })]);
		expect(move.output('Quatrix')[0].json).toMatchObject({ id: file.id, parent_id: target, name: 'file-0.txt' });
	});
});

describe('file.delete', () => {
	it('moves a file to the trash', async () => {
		const { file } = await uploadedFile('delete-me');
		const del = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'delete', item: byPath('/delete-me/file-0.txt') })]);
		expect(del.output('Quatrix')[0].json).toMatchObject({ id: file.id, deleted: true });
		expect(sandbox.state.isInTrash(sandbox.state.files.get(String(file.id))!)).toBe(true);
	});
});

describe('file.search', () => {
	it('finds files by name', async () => {
		const { file } = await uploadedFile('searchable');
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'search', query: 'file-0', kind: 'files', returnAll: true })]);
		expect(result.output('Quatrix').map((item) => item.json.id)).toContain(file.id);
		const empty = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'search', query: ' ', kind: 'files', returnAll: true })]);
		expect(empty.error?.message).toBe('Name Contains: is empty (item 0)');
	});
});

describe('file.addTag', () => {
	it('attaches a tag to a file', async () => {
		const { file } = await uploadedFile('tag-add');
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'addTag', item: byId(String(file.id)), tagType: 'text', value: 'invoices' })]);
		expect(result.output('Quatrix')[0].json).toMatchObject({ file_id: file.id, type: 'text', value: 'invoices' });
	});
});

describe('file.getTags', () => {
	it('lists the tags of a file', async () => {
		const { file } = await uploadedFile('tag-list');
		const result = await runSteps(sandbox, [
			quatrixStep({ resource: 'file', operation: 'addTag', item: byId(String(file.id)), tagType: 'text', value: 'q1' }, { name: 'Tag' }),
			quatrixStep({ resource: 'file', operation: 'getTags', item: byId(String(file.id)) }, { name: 'Tags' }),
		]);
		expect(result.output('Tags').map((item) => item.json.value)).toEqual(['q1']);
	});
});

describe('file.setModifiedTime', () => {
	it('stores the given modification time', async () => {
		const { file } = await uploadedFile('mtime');
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'file', operation: 'setModifiedTime', item: byId(String(file.id)), modifiedTime: '2025-05-05T00:00:00Z' })]);
		expect(result.error).toBeUndefined();
		expect(sandbox.state.files.get(String(file.id))!.modified).toBe(Date.parse('2025-05-05T00:00:00Z') / 1000);
	});
});
