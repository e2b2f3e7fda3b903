/**
 * npm run bench [-- --size-mib 1024 --runs 3 --chunk-mib 16 --items 200 --files 10000 --events 10000 --json]
 *
 * Starts the Quatrix sandbox in this process and measures the Quatrix node in a separate worker process
 * (scripts/bench/worker.ts, n8n-core's WorkflowExecute with filesystem binary data), so the worker's memory is
 * the node's alone and the sandbox's is not counted:
 *   1. upload of a large file held as n8n binary data, against curl sending it with the same chunking;
 *   2. download of that file into binary data, against curl;
 *   3. logins and requests for N items doing one operation each (session credential);
 *   4. Return All over a folder of 10,000 files and over 10,000 activity events;
 *   5. the trigger's requests per poll when nothing happened.
 * Timed figures are the median of --runs runs. `--json` prints one JSON object (see BENCHMARKS.md).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, release } from 'node:os';
import { join } from 'node:path';

import { startSandbox, type Sandbox } from '../test/sandbox';
import { credentialsOf, runWorker as runWorkerIn, snapshotPackage, type Counters } from './bench/runner';
import type { CallsResult, DownloadResult, ListingResult, MemoryFigures, PollResult, UploadResult } from './bench/protocol';

const MIB = 1024 * 1024;
/** The private copy of the built package the workers load (see snapshotPackage). */
let ROOT = join(__dirname, '..');

// ---------- options ----------

interface Options {
	sizeMib: number;
	runs: number;
	chunkMib: number;
	items: number;
	files: number;
	events: number;
	polls: number;
	json: boolean;
	only?: Set<string>;
}

function parseArgs(argv: string[]): Options {
	const o: Options = { sizeMib: 1024, runs: 3, chunkMib: 16, items: 200, files: 10_000, events: 10_000, polls: 5, json: false };
	const number = (flag: string, value: string | undefined, min: number, max: number) => {
		const n = Number(value);
		if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} takes a whole number from ${min} to ${max}`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		switch (flag) {
			case '--size-mib': o.sizeMib = number(flag, argv[++i], 1, 16_384); break;
			case '--runs': o.runs = number(flag, argv[++i], 1, 25); break;
			case '--chunk-mib': o.chunkMib = number(flag, argv[++i], 1, 100); break;
			case '--items': o.items = number(flag, argv[++i], 1, 10_000); break;
			case '--files': o.files = number(flag, argv[++i], 1, 100_000); break;
			case '--events': o.events = number(flag, argv[++i], 1, 100_000); break;
			case '--polls': o.polls = number(flag, argv[++i], 1, 50); break;
			case '--only': o.only = new Set((argv[++i] ?? '').split(',').filter(Boolean)); break;
			case '--json': o.json = true; break;
			case '-h':
			case '--help':
				console.log('npm run bench -- [--size-mib 1024] [--runs 3] [--chunk-mib 16] [--items 200] [--files 10000] [--events 10000] [--polls 5] [--only upload,download,calls,listing,poll] [--json]');
				process.exit(0);
				break;
			default:
				throw new Error(`unknown option ${flag} (see --help)`);
		}
	}
	return o;
}

// ---------- small helpers ----------

let quiet = false;
const say = (line: string) => {
	if (!quiet) console.log(line);
	else console.error(line);
};

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function sha256File(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const piece of createReadStream(path, { highWaterMark: 4 * MIB })) hash.update(piece as Buffer);
	return hash.digest('hex');
}

/** A file of `sizeMib` MiB of incompressible bytes, written piece by piece. */
async function makeFile(path: string, sizeMib: number) {
	const block = Buffer.alloc(16 * MIB);
	for (let offset = 0; offset < block.length; offset += 65536) createHash('sha512').update(String(offset)).digest().copy(block, offset);
	// one random 64 KiB pattern stretched out would compress; use a fresh pseudo-random block per 16 MiB instead
	const out = createWriteStream(path);
	for (let written = 0; written < sizeMib * MIB; ) {
		const length = Math.min(block.length, sizeMib * MIB - written);
		const piece = Buffer.from(block.subarray(0, length));
		for (let offset = 0; offset < length; offset += 4096) piece.writeUInt32LE((written + offset) >>> 0, offset);
		for (let offset = 64; offset < length; offset += 64) piece.writeUInt32LE(Math.imul(offset ^ written, 2654435761) >>> 0, offset);
		if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
		written += length;
	}
	await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

// ---------- the machine ----------

function curlPath(): { path: string; installed: boolean } {
	const found = spawnSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).stdout.trim();
	if (found) return { path: found, installed: false };
	say('curl is not installed: installing it with `apt-get install -y curl` (needed as the reference client).');
	const install = spawnSync('sh', ['-c', 'apt-get install -y curl || (apt-get update && apt-get install -y curl)'], { stdio: 'inherit' });
	const again = spawnSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).stdout.trim();
	if (install.status !== 0 || !again) throw new Error('curl is missing and could not be installed; install curl and run again');
	return { path: again, installed: true };
}

function machine(curl: string) {
	const memory = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? totalmem() / 1024) * 1024;
	const nproc = Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()) || cpus().length;
	return {
		nproc,
		cpu: cpus()[0]?.model ?? 'unknown',
		memory_gib: round(memory / 1024 ** 3, 1),
		node: process.version,
		kernel: release(),
		curl: execFileSync(curl, ['--version'], { encoding: 'utf8' }).split('\n')[0].split(' ').slice(0, 2).join(' '),
	};
}

// ---------- curl, the reference client ----------

/** Runs curl without blocking this process's event loop (the sandbox answers from it). */
async function curlRun(curlBin: string, args: string[]): Promise<string> {
	return await new Promise((resolve, reject) => {
		const child = spawn(curlBin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (data: Buffer) => (out += data.toString()));
		child.stderr.on('data', (data: Buffer) => (err += data.toString()));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`curl ${args.filter((a) => /^https?:/.test(a)).join(' ')} failed (${code}): ${err || out}`))));
	});
}

const curl = async (curlBin: string, args: string[]) => await curlRun(curlBin, ['-sS', '--fail-with-body', ...args]);
const curlConfig = async (curlBin: string, configPath: string) => await curlRun(curlBin, ['--config', configPath]);

/** Cuts the file into chunk files once, so curl can send each with `--data-binary @file` (not timed). */
function splitForCurl(filePath: string, dir: string, chunkBytes: number, size: number): string[] {
	const paths: string[] = [];
	const fd = openSync(filePath, 'r');
	try {
		const buffer = Buffer.alloc(chunkBytes);
		for (let offset = 0, index = 0; offset < size; offset += chunkBytes, index++) {
			const length = readSync(fd, buffer, 0, Math.min(chunkBytes, size - offset), offset);
			const path = join(dir, `chunk-${String(index).padStart(5, '0')}`);
			writeFileSync(path, buffer.subarray(0, length));
			paths.push(path);
		}
	} finally {
		closeSync(fd);
	}
	return paths;
}

const q = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** link → chunked POSTs with Content-Range (one curl process, one kept-alive connection) → finalize. */
async function curlUpload(curlBin: string, sandbox: Sandbox, chunks: string[], chunkBytes: number, size: number, name: string, configPath: string) {
	const auth = `Authorization: Bearer ${sandbox.admin.apiKey}`;
	const started = process.hrtime.bigint();
	const link = JSON.parse(
		await curl(curlBin, ['-H', auth, '-H', 'Content-Type: application/json', '--data-binary', JSON.stringify({ name, parent_id: sandbox.admin.homeId, resolve: true, file_size: size }), `${sandbox.url}/api/1.0/upload/link`]),
	) as { upload_key: string };
	const lines: string[] = [];
	chunks.forEach((path, index) => {
		const first = index * chunkBytes;
		const last = Math.min(first + chunkBytes, size) - 1;
		if (index > 0) lines.push('next');
		lines.push(
			'silent', 'show-error', 'fail',
			`url = ${q(`${sandbox.url}/upload/chunked/${link.upload_key}`)}`,
			`header = ${q('Content-Type: application/octet-stream')}`,
			`header = ${q(`Content-Range: bytes ${first}-${last}/${size}`)}`,
			`header = ${q('Expect:')}`,
			`data-binary = ${q(`@${path}`)}`,
			'output = "/dev/null"',
			`write-out = ${q('%{http_code}\\n')}`,
		);
	});
	writeFileSync(configPath, lines.join('\n') + '\n');
	const codes = (await curlConfig(curlBin, configPath)).trim().split('\n');
	if (codes.length !== chunks.length || codes.some((code) => code !== '200')) throw new Error(`curl chunk answers: ${codes.join(',')}`);
	const finalized = JSON.parse(await curl(curlBin, ['-H', auth, `${sandbox.url}/api/1.0/upload/finalize/${link.upload_key}`])) as { id: string; size: number };
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	if (finalized.size !== size) throw new Error(`curl upload stored ${finalized.size} bytes, expected ${size}`);
	return { seconds, fileId: finalized.id };
}

/** download-link → GET /file/download/{id} into a file. */
async function curlDownload(curlBin: string, sandbox: Sandbox, fileId: string, outPath: string) {
	const auth = `Authorization: Bearer ${sandbox.admin.apiKey}`;
	const started = process.hrtime.bigint();
	const link = JSON.parse(await curl(curlBin, ['-H', auth, '-H', 'Content-Type: application/json', '--data-binary', JSON.stringify({ ids: [fileId] }), `${sandbox.url}/api/1.0/file/download-link`])) as { id: string };
	await curl(curlBin, ['-H', auth, '-o', outPath, `${sandbox.url}/api/1.0/file/download/${link.id}`]);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	return { seconds, bytes: statSync(outPath).size };
}

/** The plain Node.js reference client (scripts/bench/plain-node.ts) in its own process. */
async function plainNode(args: string[]): Promise<{ seconds: number; bytes: number; id?: string }> {
	const out = await new Promise<string>((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'bench', 'plain-node.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
		let text = '';
		let err = '';
		child.stdout.on('data', (data: Buffer) => (text += data.toString()));
		child.stderr.on('data', (data: Buffer) => (err += data.toString()));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`plain Node client failed (${code}): ${err}`))));
	});
	return JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; bytes: number; id?: string };
}

function purge(sandbox: Sandbox, fileId: string) {
	const file = sandbox.state.files.get(fileId);
	if (file) sandbox.state.purge(file);
}

// ---------- what exists in the build (activity Return All, the trigger) ----------

interface NodeDescription {
	name: string;
	properties: Array<{ name: string; type: string; default?: unknown; options?: Array<{ value?: unknown; name?: string }>; displayOptions?: { show?: Record<string, unknown[]> } }>;
}

function builtDescription(relative: string, className: string): NodeDescription | undefined {
	const path = join(ROOT, 'dist', relative);
	if (!existsSync(path)) return undefined;
	try {
		const exported = require(path) as Record<string, new () => { description: NodeDescription }>;
		return new exported[className]().description;
	} catch {
		return undefined;
	}
}

function packageLists(relative: string) {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n?: { nodes?: string[] } };
	return (pkg.n8n?.nodes ?? []).includes(`dist/${relative}`);
}

/** The node's activity operation with Return All, if the build has one. */
function activityOperation(): { operation: string; parameters: string[] } | undefined {
	const description = builtDescription('nodes/Quatrix/Quatrix.node.js', 'Quatrix');
	const resource = description?.properties.find((p) => p.name === 'resource');
	if (!resource?.options?.some((option) => option.value === 'activity')) return undefined;
	const operations = description!.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('activity'));
	const candidates = (operations?.options ?? []).map((option) => String(option.value));
	for (const operation of ['getMany', 'getAll', 'list', 'get', ...candidates]) {
		if (!candidates.includes(operation)) continue;
		const shown = description!.properties.filter((p) => p.displayOptions?.show?.resource?.includes('activity') && p.displayOptions?.show?.operation?.includes(operation));
		if (shown.some((p) => p.name === 'returnAll')) return { operation, parameters: shown.map((p) => p.name) };
	}
	return undefined;
}

// ---------- the measurements ----------

interface Transfer {
	node_mib_s: number;
	curl_mib_s: number;
	ratio: number;
	peak_rss_growth_mib: number;
	/** the plain Node.js client (node:http + node:fs, no n8n), for reference */
	plain_node_mib_s: number;
	runs: Array<{ node_s: number; curl_s: number; plain_s: number; memory: MemoryFigures }>;
}

function transferFigures(sizeMib: number, runs: Transfer['runs']): Transfer {
	const node = median(runs.map((run) => sizeMib / run.node_s));
	const curlSpeed = median(runs.map((run) => sizeMib / run.curl_s));
	return {
		node_mib_s: round(node, 1),
		curl_mib_s: round(curlSpeed, 1),
		ratio: round(node / curlSpeed, 3),
		plain_node_mib_s: round(median(runs.map((run) => sizeMib / run.plain_s)), 1),
		peak_rss_growth_mib: round(Math.max(...runs.map((run) => run.memory.peak_rss_growth_mib)), 1),
		runs,
	};
}

const requestsOf = (marks: Array<{ label: string; stats: Counters }>, label: string) => marks.find((m) => m.label === label)?.stats;

async function main() {
	const options = parseArgs(process.argv.slice(2));
	quiet = options.json;
	const want = (part: string) => !options.only || options.only.has(part);
	const { path: curlBin, installed } = curlPath();
	const host = machine(curlBin);
	say(`Machine: ${host.nproc} CPUs (${host.cpu}), ${host.memory_gib} GiB RAM, Node ${host.node}, Linux ${host.kernel}, ${host.curl}${installed ? ' (installed by this run)' : ''}`);

	const work = mkdtempSync(join(tmpdir(), 'quatrix-bench-'));
	const cleanup = () => rmSync(work, { recursive: true, force: true });
	process.once('exit', cleanup);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

	const snapshot = await snapshotPackage();
	ROOT = snapshot.root;
	process.once('exit', () => snapshot.remove());
	const runWorker = <T>(sb: Sandbox, task: Parameters<typeof runWorkerIn>[1]) => runWorkerIn<T>(sb, task, { root: snapshot.root });
	const sandbox = await startSandbox();
	const credentials = credentialsOf(sandbox);
	say(`Sandbox at ${sandbox.url} (this process); the node runs in a worker process. Temp files in ${work}.`);
	const size = options.sizeMib * MIB;
	const chunkBytes = options.chunkMib * MIB;
	const results: Record<string, unknown> = {};
	const notes: string[] = [];

	try {
		let bigFileId: string | undefined;
		let sourceSha: string | undefined;
		const source = join(work, `big-${options.sizeMib}mib.bin`);
		if (want('upload') || want('download')) {
			say(`\nPreparing a ${options.sizeMib} MiB file …`);
			await makeFile(source, options.sizeMib);
			sourceSha = await sha256File(source);
		}
		const warmupPath = join(work, 'warmup.bin');
		await makeFile(warmupPath, 1);

		// 1. upload
		if (want('upload')) {
			say(`\n1. Upload of ${options.sizeMib} MiB as filesystem binary data, ${options.chunkMib} MiB chunks (${options.runs} runs)`);
			const chunkDir = join(work, 'chunks');
			mkdirSync(chunkDir, { recursive: true });
			const chunks = splitForCurl(source, chunkDir, chunkBytes, size);
			const runs: Transfer['runs'] = [];
			for (let run = 0; run < options.runs; run++) {
				const node = await runWorker<UploadResult>(sandbox, {
					kind: 'upload', credentials, filePath: source, fileName: 'big.bin', size, warmupPath, folderId: sandbox.admin.homeId, chunkMib: options.chunkMib === 8 ? 0 : options.chunkMib,
				});
				if (run === 0) {
					const stored = await sha256File(sandbox.fileContentPath(node.result.fileId));
					if (stored !== sourceSha) throw new Error('the file uploaded by the node differs from the source');
				}
				purge(sandbox, node.result.fileId);
				const viaCurl = await curlUpload(curlBin, sandbox, chunks, chunkBytes, size, `curl-${run}.bin`, join(work, 'curl-upload.conf'));
				if (run === 0) {
					const stored = await sha256File(sandbox.fileContentPath(viaCurl.fileId));
					if (stored !== sourceSha) throw new Error('the file uploaded by curl differs from the source');
				}
				if (!bigFileId) bigFileId = viaCurl.fileId;
				else purge(sandbox, viaCurl.fileId);
				const plain = await plainNode(['upload', sandbox.url, sandbox.admin.apiKey, source, sandbox.admin.homeId, String(chunkBytes)]);
				purge(sandbox, String(plain.id));
				const figures = { node_s: node.result.ms / 1000, curl_s: viaCurl.seconds, plain_s: plain.seconds, memory: node.result.memory };
				runs.push(figures);
				say(`   run ${run + 1}: node ${round(options.sizeMib / figures.node_s, 1)} MiB/s (peak RSS +${round(figures.memory.peak_rss_growth_mib, 1)} MiB, heap +${round(figures.memory.heap_growth_mib, 1)} MiB), curl ${round(options.sizeMib / figures.curl_s, 1)} MiB/s, plain Node ${round(options.sizeMib / figures.plain_s, 1)} MiB/s`);
			}
			rmSync(chunkDir, { recursive: true, force: true });
			results.upload = transferFigures(options.sizeMib, runs);
		}

		// 2. download
		if (want('download')) {
			say(`\n2. Download of ${options.sizeMib} MiB into filesystem binary data (${options.runs} runs)`);
			if (!bigFileId) {
				const chunkDir = join(work, 'chunks');
				mkdirSync(chunkDir, { recursive: true });
				const chunks = splitForCurl(source, chunkDir, chunkBytes, size);
				bigFileId = (await curlUpload(curlBin, sandbox, chunks, chunkBytes, size, 'download-me.bin', join(work, 'curl-upload.conf'))).fileId;
				rmSync(chunkDir, { recursive: true, force: true });
			}
			const [warmupFileId] = sandbox.seedFiles(sandbox.admin.homeId, 1, 'warmup-');
			const runs: Transfer['runs'] = [];
			for (let run = 0; run < options.runs; run++) {
				const node = await runWorker<DownloadResult>(sandbox, { kind: 'download', credentials, fileId: bigFileId, size, warmupFileId, verify: run === 0 });
				if (run === 0 && node.result.sha256 !== sourceSha) throw new Error('the file downloaded by the node differs from the source');
				const out = join(work, 'curl-download.bin');
				const viaCurl = await curlDownload(curlBin, sandbox, bigFileId, out);
				if (viaCurl.bytes !== size) throw new Error(`curl downloaded ${viaCurl.bytes} bytes, expected ${size}`);
				if (run === 0 && (await sha256File(out)) !== sourceSha) throw new Error('the file downloaded by curl differs from the source');
				rmSync(out, { force: true });
				const plain = await plainNode(['download', sandbox.url, sandbox.admin.apiKey, bigFileId, out]);
				if (plain.bytes !== size) throw new Error(`the plain Node client downloaded ${plain.bytes} bytes, expected ${size}`);
				rmSync(out, { force: true });
				const figures = { node_s: node.result.ms / 1000, curl_s: viaCurl.seconds, plain_s: plain.seconds, memory: node.result.memory };
				runs.push(figures);
				say(`   run ${run + 1}: node ${round(options.sizeMib / figures.node_s, 1)} MiB/s (peak RSS +${round(figures.memory.peak_rss_growth_mib, 1)} MiB, heap +${round(figures.memory.heap_growth_mib, 1)} MiB), curl ${round(options.sizeMib / figures.curl_s, 1)} MiB/s, plain Node ${round(options.sizeMib / figures.plain_s, 1)} MiB/s`);
			}
			results.download = transferFigures(options.sizeMib, runs);
		}
		if (bigFileId) purge(sandbox, bigFileId);
		rmSync(source, { force: true });

		// 3. calls per item
		if (want('calls')) {
			say(`\n3. ${options.items} items, File → Get each, email + password credential (session)`);
			const folder = sandbox.state.newNode({ parent_id: sandbox.admin.homeId, name: 'bench-calls', type: 'D', owner_id: sandbox.admin.id });
			sandbox.state.attach(sandbox.state.files.get(sandbox.admin.homeId)!, folder);
			const fileIds = sandbox.seedFiles(folder.id, options.items, 'item-');
			const run = await runWorker<CallsResult>(sandbox, { kind: 'calls', credentials, fileIds });
			const stats = requestsOf(run.marks, 'calls')!;
			results.calls = { items: run.result.items, logins: stats.logins, requests: stats.requests, by_route: stats.byRoute };
			say(`   ${run.result.items} items: ${stats.logins} login(s), ${stats.requests} requests (${Object.entries(stats.byRoute).map(([route, n]) => `${n} × ${route}`).join(', ')})`);
		}

		// 4. listing at scale
		if (want('listing')) {
			say(`\n4. Return All over ${options.files} files in a folder and ${options.events} activity events (${options.runs} runs)`);
			const folder = sandbox.state.newNode({ parent_id: sandbox.admin.homeId, name: `bench-${options.files}`, type: 'D', owner_id: sandbox.admin.id });
			sandbox.state.attach(sandbox.state.files.get(sandbox.admin.homeId)!, folder);
			sandbox.seedFiles(folder.id, options.files, 'listed-');
			const files = await runWorker<ListingResult>(sandbox, {
				kind: 'listing', credentials, runs: options.runs,
				step: { resource: 'folder', operation: 'list', folder: { __rl: true, mode: 'id', value: folder.id }, kind: 'all', returnAll: true },
			});
			if (files.result.runs.some((run) => run.rows !== options.files)) throw new Error(`folder list returned ${files.result.runs.map((r) => r.rows).join('/')} rows, expected ${options.files}`);
			const fileRequests = files.marks.filter((m) => m.label.startsWith('run-')).map((m) => m.stats.requests);
			const listing: Record<string, unknown> = {
				files: options.files,
				files_seconds: round(median(files.result.runs.map((run) => run.ms)) / 1000, 3),
				files_requests: Math.max(...fileRequests),
			};
			say(`   folder: ${listing.files_seconds} s, ${listing.files_requests} request(s) per run (incl. login on the first: ${fileRequests.join('/')})`);

			const activity = activityOperation();
			if (!activity) {
				listing.events = options.events;
				listing.events_seconds = null;
				listing.events_pending = 'the node has no activity operation with Return All in this build';
				notes.push('listing.events_seconds: pending — the activity resource (Return All) is not in this build yet.');
				say('   activity: PENDING (no activity operation with Return All in the build)');
			} else {
				const now = sandbox.clock.now();
				const span = 7 * 24 * 3600;
				sandbox.seedActivity(Array.from({ length: options.events }, (_, n) => ({ timestamp: now - span + (n * span) / options.events, action: 'upload', payload: { name: `event-${n}.txt` } })));
				const step: Record<string, unknown> = { resource: 'activity', operation: activity.operation, returnAll: true };
				const from = new Date((now - span - 3600) * 1000).toISOString();
				const to = new Date((now + 60) * 1000).toISOString();
				for (const name of activity.parameters) {
					if (/^(from|since|start|startDate|after|fromDate)$/i.test(name)) step[name] = from;
					if (/^(to|until|end|endDate|before|toDate)$/i.test(name)) step[name] = to;
				}
				const events = await runWorker<ListingResult>(sandbox, { kind: 'listing', credentials, runs: options.runs, step });
				const eventRequests = events.marks.filter((m) => m.label.startsWith('run-')).map((m) => m.stats.requests);
				const rows = events.result.runs.map((run) => run.rows);
				listing.events = options.events;
				listing.events_seconds = round(median(events.result.runs.map((run) => run.ms)) / 1000, 3);
				listing.events_requests = Math.max(...eventRequests);
				listing.events_rows = rows;
				listing.events_operation = `activity.${activity.operation}`;
				if (rows.some((n) => n < options.events)) notes.push(`activity Return All returned ${rows.join('/')} rows of ${options.events}.`);
				say(`   activity (${activity.operation}): ${listing.events_seconds} s, ${listing.events_requests} requests per run (${eventRequests.join('/')}), rows ${rows.join('/')}`);
			}
			results.listing = listing;
		}

		// 5. idle poll
		if (want('poll')) {
			say(`\n5. The trigger's idle poll (${options.polls} polls after the first)`);
			const trigger = builtDescription('nodes/QuatrixTrigger/QuatrixTrigger.node.js', 'QuatrixTrigger');
			if (!trigger || !packageLists('nodes/QuatrixTrigger/QuatrixTrigger.node.js')) {
				results.poll = { idle_requests: null, pending: 'QuatrixTrigger is not in this build (or not listed in package.json)' };
				notes.push('poll.idle_requests: pending — the trigger is not in this build yet.');
				say('   PENDING (QuatrixTrigger not built or not listed in package.json)');
			} else {
				const run = await runWorker<PollResult>(sandbox, { kind: 'poll', credentials, nodeType: `n8n-nodes-quatrix.${trigger.name}`, parameters: {}, polls: options.polls });
				const idle = run.marks.filter((m) => m.label.startsWith('idle-')).map((m) => m.stats.requests);
				const first = requestsOf(run.marks, 'first');
				const second = requestsOf(run.marks, 'second');
				results.poll = {
					idle_requests: Math.max(...idle),
					idle_requests_each: idle,
					first_poll_requests: first?.requests,
					first_poll_logins: first?.logins,
					second_poll_requests: second?.requests,
					second_poll_logins: second?.logins,
					emitted_when_idle: run.result.emitted,
				};
				if (run.result.emitted.some((n) => n > 0)) notes.push(`the trigger emitted items on idle polls: ${run.result.emitted.join('/')}`);
				say(`   first poll ${first?.requests} request(s) (${first?.logins} login), second ${second?.requests} (${second?.logins} login); then idle polls: ${idle.join(', ')} request(s)`);
			}
		}
	} finally {
		await sandbox.stop();
		cleanup();
		snapshot.remove();
	}

	const upload = results.upload as Transfer | undefined;
	const download = results.download as Transfer | undefined;
	const calls = results.calls as { items: number; logins: number; requests: number } | undefined;
	const listing = results.listing as { files: number; files_seconds: number; events: number; events_seconds: number | null } | undefined;
	const poll = results.poll as { idle_requests: number | null } | undefined;
	const output = {
		upload: upload && { node_mib_s: upload.node_mib_s, curl_mib_s: upload.curl_mib_s, ratio: upload.ratio, peak_rss_growth_mib: upload.peak_rss_growth_mib },
		download: download && { node_mib_s: download.node_mib_s, curl_mib_s: download.curl_mib_s, ratio: download.ratio, peak_rss_growth_mib: download.peak_rss_growth_mib },
		calls: calls && { items: calls.items, logins: calls.logins, requests: calls.requests },
		listing: listing && { files: listing.files, files_seconds: listing.files_seconds, events: listing.events, events_seconds: listing.events_seconds },
		poll: poll && { idle_requests: poll.idle_requests },
	};

	if (options.json) {
		console.log(JSON.stringify(output));
		return;
	}
	const targets: Array<[string, string, string, boolean | undefined]> = [];
	const check = (ok: boolean | undefined) => (ok === undefined ? 'pending' : ok ? 'met' : 'MISSED');
	if (upload) {
		targets.push(['upload.node_mib_s / curl_mib_s', `${upload.node_mib_s} / ${upload.curl_mib_s} MiB/s`, '', undefined]);
		targets.push(['  (plain Node.js client, reference)', `${upload.plain_node_mib_s} MiB/s = ${round(upload.plain_node_mib_s / upload.curl_mib_s, 2)} of curl`, '', undefined]);
		targets.push(['upload.ratio', String(upload.ratio), '≥ 0.8', upload.ratio >= 0.8]);
		targets.push(['upload.peak_rss_growth_mib', String(upload.peak_rss_growth_mib), `< 100 (for ${options.sizeMib} MiB)`, upload.peak_rss_growth_mib < 100]);
	}
	if (download) {
		targets.push(['download.node_mib_s / curl_mib_s', `${download.node_mib_s} / ${download.curl_mib_s} MiB/s`, '', undefined]);
		targets.push(['  (plain Node.js client, reference)', `${download.plain_node_mib_s} MiB/s = ${round(download.plain_node_mib_s / download.curl_mib_s, 2)} of curl`, '', undefined]);
		targets.push(['download.ratio', String(download.ratio), '≥ 0.8', download.ratio >= 0.8]);
		targets.push(['download.peak_rss_growth_mib', String(download.peak_rss_growth_mib), `< 100 (for ${options.sizeMib} MiB)`, download.peak_rss_growth_mib < 100]);
	}
	if (calls) targets.push(['calls (items / logins / requests)', `${calls.items} / ${calls.logins} / ${calls.requests}`, '1 login', calls.logins === 1]);
	if (listing) {
		targets.push([`listing.files_seconds (${listing.files} files)`, String(listing.files_seconds), '', undefined]);
		targets.push([`listing.events_seconds (${listing.events} events)`, listing.events_seconds === null ? 'pending' : String(listing.events_seconds), '', undefined]);
	}
	if (poll) targets.push(['poll.idle_requests', poll.idle_requests === null ? 'pending' : String(poll.idle_requests), '= 1', poll.idle_requests === null ? undefined : poll.idle_requests === 1]);
	const width = Math.max(...targets.map((t) => t[0].length));
	const valueWidth = Math.max(...targets.map((t) => t[1].length));
	console.log(`\nResults (median of ${options.runs} runs; ${host.nproc} CPUs ${host.cpu}, ${host.memory_gib} GiB, Node ${host.node})`);
	for (const [name, value, target, ok] of targets) {
		console.log(`  ${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target ? `${target.padEnd(22)} ${check(ok)}` : ''}`);
	}
	for (const note of notes) console.log(`  note: ${note}`);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
