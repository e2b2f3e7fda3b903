/**
 * The foundation's named behaviours: sessions that expire mid-run, large files streamed in chunks with their
 * bytes intact, and rate limiting answered with Retry-After.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';
import { byId, byPath, credentialsFor, filesStep, quatrixStep, readFileStep, runSteps, workflowOf } from '../helpers/workflows';
import { runWorkflow } from '../harness';

let sandbox: Sandbox;
let dir: string;
beforeAll(async () => {
	sandbox = await startSandbox();
	dir = mkdtempSync(join(tmpdir(), 'quatrix-large-'));
});
afterAll(async () => {
	await sandbox.stop();
	rmSync(dir, { recursive: true, force: true });
});

async function sha256File(path: string) {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

it('survives the session expiring in the middle of a run of 20 items, with one extra login', async () => {
	// One store of credentials across runs, as in n8n: the second run starts with the session the first got.
	const credentials = credentialsFor(sandbox);
	const first = await runWorkflow(workflowOf(quatrixStep({ resource: 'folder', operation: 'create', name: 'twenty', folder: byPath('/'), conflict: 'useExisting' })), { credentials });
	expect(first.error).toBeUndefined();
	sandbox.resetLog();
	let calls = 0;
	const workflow = workflowOf(
		filesStep(20, 500),
		quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byPath('/twenty'), conflict: 'rename', options: {} }),
	);
	// Expire the session once, after the 10th item's upload has finished.
	const expireLater = setInterval(() => {
		const uploads = sandbox.requests.filter((request) => request.route === '/upload/finalize/{id}').length;
		if (uploads >= 10 && calls === 0) {
			calls++;
			sandbox.faults.expireAllSessions();
		}
	}, 1);
	const result = await runWorkflow(workflow, { credentials });
	clearInterval(expireLater);
	expect(result.error).toBeUndefined();
	expect(result.output('Quatrix')).toHaveLength(20);
	expect(calls).toBe(1);
	expect(sandbox.stats().logins).toBe(1);
	expect(sandbox.requests.filter((request) => request.status === 401)).toHaveLength(1);
});

it('streams a 100 MiB upload in chunks and downloads the same bytes', async () => {
	const path = join(dir, 'big.bin');
	const fd = openSync(path, 'w');
	const block = randomBytes(1024 * 1024);
	for (let mib = 0; mib < 100; mib++) {
		block.writeUInt32LE(mib, 0);
		writeSync(fd, block);
	}
	closeSync(fd);
	sandbox.resetLog();
	const result = await runSteps(sandbox, [
		readFileStep(path),
		quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byPath('/'), conflict: 'rename', options: {} }, { name: 'Upload' }),
		quatrixStep({ resource: 'file', operation: 'download', item: byId('={{ $json.id }}'), binaryPropertyName: 'data', options: {} }, { name: 'Download' }),
	]);
	expect(result.error).toBeUndefined();
	const uploaded = result.output('Upload')[0].json;
	expect(uploaded.size).toBe(100 * 1024 * 1024);
	const chunks = sandbox.requests.filter((request) => request.route === '/upload/chunked/{key}');
	expect(chunks).toHaveLength(7); // 16 MiB chunks
	const expected = await sha256File(path);
	expect(await sha256File(sandbox.fileContentPath(String(uploaded.id)))).toBe(expected);
	const downloaded = result.output('Download')[0];
	const stream = await result.binaryStream(downloaded, 'data');
	const hash = createHash('sha256');
	for await (const chunk of stream) hash.update(chunk as Buffer);
	expect(hash.digest('hex')).toBe(expected);
}, 120_000);

it('waits as long as Retry-After says when Quatrix answers 429, then succeeds', async () => {
	sandbox.faults.failNext({ status: 429, retryAfter: 1, path: '/file/metadata', count: 1 });
	const started = Date.now();
	const result = await runSteps(sandbox, [quatrixStep({ resource: 'folder', operation: 'list', folder: byPath('/'), kind: 'all', returnAll: true })]);
	expect(result.error).toBeUndefined();
	expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	expect(result.output('Quatrix').length).toBeGreaterThan(0);
});

it('writes nothing to the sandbox for an unknown path', async () => {
	writeFileSync(join(dir, 'small.txt'), 'hello');
	const before = sandbox.state.files.size;
	const result = await runSteps(sandbox, [readFileStep(join(dir, 'small.txt')), quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byPath('/nope'), conflict: 'rename', options: {} })]);
	expect(result.error?.message).toMatch(/Parent Folder: nothing at "\/nope"/);
	expect(sandbox.state.files.size).toBe(before);
});
