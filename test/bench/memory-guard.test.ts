/**
 * Memory guard (issue 6): a 64 MiB file goes up and comes back down through the node, with n8n's filesystem
 * binary data, and the process running the node must not grow by anything near the file's size. This guards
 * streaming, not speed: there is no assertion on time.
 *
 * The node runs in a separate worker process (scripts/bench/worker.ts) so that only its memory is measured,
 * not jest's or the sandbox's; the worker reports the growth of its peak RSS (the kernel's VmHWM, reset just
 * before the transfer) over its RSS right before it. A node that buffered the file would grow by at least the
 * file (64 MiB), and in practice by several times that (the file plus its copies).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runWorker, snapshotPackage } from '../../scripts/bench/runner';
import type { DownloadResult, UploadResult } from '../../scripts/bench/protocol';
import { startSandbox, type Sandbox } from '../sandbox';

const MIB = 1024 * 1024;
const SIZE = 64 * MIB;
/**
 * With a GC every 100 ms, streaming measures 1–4 MiB (upload) and 7–33 MiB (download: a fixed amount, the same
 * for 1 GiB) on a 2-core machine; buffering the file would keep at least its 64 MiB alive on top of that.
 */
const BOUND_MIB = 56;

// Generous: the forced GCs make this slow on a busy 2-core machine (about 10 s when quiet, 80 s seen under load).
jest.setTimeout(300_000);

let sandbox: Sandbox;
let work: string;
let snapshot: Awaited<ReturnType<typeof snapshotPackage>>;

beforeAll(async () => {
	snapshot = await snapshotPackage();
	sandbox = await startSandbox();
	work = mkdtempSync(join(tmpdir(), 'quatrix-memory-guard-'));
	// Incompressible-ish content; written once, read by the worker into n8n's binary store as a stream.
	const block = Buffer.alloc(MIB);
	for (let offset = 0; offset < MIB; offset += 4) block.writeUInt32LE(Math.imul(offset + 1, 2654435761) >>> 0, offset);
	const parts = Array.from({ length: SIZE / MIB }, (_, n) => {
		const part = Buffer.from(block);
		part.writeUInt32LE(n, 0);
		return part;
	});
	writeFileSync(join(work, 'guard.bin'), Buffer.concat(parts));
	writeFileSync(join(work, 'warmup.bin'), block);
});

afterAll(async () => {
	await sandbox?.stop();
	if (work) rmSync(work, { recursive: true, force: true });
	snapshot?.remove();
});

const credentials = () => ({ url: sandbox.url, email: sandbox.admin.email, password: sandbox.admin.password, apiKey: sandbox.admin.apiKey });

describe('memory guard: a 64 MiB file streams through the node', () => {
	let fileId: string;

	it('uploads from filesystem binary data without growing by the file size', async () => {
		const { result } = await runWorker<UploadResult>(
			sandbox,
			{ kind: 'upload', credentials: credentials(), filePath: join(work, 'guard.bin'), fileName: 'guard.bin', size: SIZE, warmupPath: join(work, 'warmup.bin'), folderId: sandbox.admin.homeId, chunkMib: 1, gcEveryMs: 100 },
			{ root: snapshot.root, timeoutMs: 240_000 },
		);
		fileId = result.fileId;
		expect(sandbox.state.files.get(fileId)?.size).toBe(SIZE);
		expect(result.memory.peak_rss_growth_mib).toBeLessThan(BOUND_MIB);
	});

	it('downloads into filesystem binary data without growing by the file size', async () => {
		const [warmupFileId] = sandbox.seedFiles(sandbox.admin.homeId, 1, 'warmup-');
		const { result } = await runWorker<DownloadResult>(
			sandbox,
			{ kind: 'download', credentials: credentials(), fileId, size: SIZE, warmupFileId, verify: false, gcEveryMs: 100 },
			{ root: snapshot.root, timeoutMs: 240_000 },
		);
		expect(result.bytes).toBe(SIZE);
		expect(result.memory.peak_rss_growth_mib).toBeLessThan(BOUND_MIB);
	});
});
