/**
 * The measured process of `npm run bench` (and of the memory guard test): runs the Quatrix node through
 * n8n-core (test/harness) against a sandbox that lives in ANOTHER process, so that only the node, n8n-core
 * and the binary data service count in this process's memory.
 *
 * Started with `node --expose-gc --import tsx scripts/bench/worker.ts` and an IPC channel (child_process.fork).
 * The task comes as the first message; `mark(label)` asks the parent to note the sandbox's request counters
 * and reset them; the result goes back as `{ type: 'result', result }`, or `{ type: 'error', message }`.
 */
import '../../test/harness';

import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

import type { IBinaryData, INode } from 'n8n-workflow';

import { runPoll, runWorkflow, type RunResult } from '../../test/harness';
import { useBinaryMode } from '../../test/harness/environment';
import { byId, inputStep, quatrixStep, workflowOf } from '../../test/helpers/workflows';
import type { Credentials, MemoryFigures, Task, WorkerMessage } from './protocol';

const MIB = 1024 * 1024;

function send(message: WorkerMessage) {
	process.send!(message);
}

let markCounter = 0;
const pendingMarks = new Map<number, () => void>();
/** The parent notes the sandbox's counters since the previous mark under `label`, then resets them. */
async function mark(label: string): Promise<void> {
	const id = ++markCounter;
	await new Promise<void>((resolve) => {
		pendingMarks.set(id, resolve);
		send({ type: 'mark', id, label });
	});
}

/** VmRSS and VmHWM of this process, in bytes. */
function procStatus() {
	const text = readFileSync('/proc/self/status', 'utf8');
	const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
	return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

/** Resets VmHWM to the current RSS (Linux ≥ 4.0); false where /proc does not allow it. */
function resetPeak(): boolean {
	try {
		writeFileSync('/proc/self/clear_refs', '5');
		return true;
	} catch {
		return false;
	}
}

async function settle() {
	for (let round = 0; round < 3; round++) {
		(globalThis as { gc?: () => void }).gc?.();
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/**
 * Runs `work` and reports the growth of RSS over the baseline taken just before it (after a GC), from the
 * kernel's high-water mark, plus the heap's growth sampled every 50 ms (the sampler shares the event loop,
 * so the heap figure can miss short spikes; the RSS figure cannot).
 */
async function measured<T>(work: () => Promise<T>, gcEveryMs = 0): Promise<{ value: T; memory: MemoryFigures }> {
	await settle();
	const baseline = procStatus().rss;
	const heapBaseline = getHeapStatistics().used_heap_size;
	let heapPeak = heapBaseline;
	let sampledPeak = baseline;
	const kernelPeak = resetPeak();
	const sampler = setInterval(() => {
		heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
		if (!kernelPeak) sampledPeak = Math.max(sampledPeak, procStatus().rss);
	}, 50);
	// gcEveryMs: collect often, so RSS shows what is alive rather than garbage V8 has not collected yet
	const collector = gcEveryMs > 0 ? setInterval(() => (globalThis as { gc?: () => void }).gc?.(), gcEveryMs) : undefined;
	try {
		const value = await work();
		const { rss, hwm } = procStatus();
		const peak = kernelPeak ? hwm : Math.max(sampledPeak, rss);
		return {
			value,
			memory: {
				baseline_rss_mib: baseline / MIB,
				peak_rss_mib: peak / MIB,
				peak_rss_growth_mib: Math.max(0, peak - baseline) / MIB,
				heap_growth_mib: Math.max(0, heapPeak - heapBaseline) / MIB,
				peak_source: kernelPeak ? 'VmHWM' : 'sampled VmRSS',
			},
		};
	} finally {
		clearInterval(sampler);
		if (collector) clearInterval(collector);
	}
}

function credentialsOf(c: Credentials) {
	return {
		quatrixApi: { site: c.url, email: c.email, password: c.password, allowUnauthorizedCerts: false },
		quatrixApiKeyApi: { site: c.url, apiKey: c.apiKey, allowUnauthorizedCerts: false },
	};
}

function nodeMs(result: RunResult, name = 'Quatrix'): number {
	if (result.status !== 'success') throw result.error ?? new Error('the workflow failed');
	const runs = result.runData[name];
	const ms = runs?.[runs.length - 1]?.executionTime;
	if (typeof ms !== 'number') throw new Error(`no execution time for ${name}`);
	return ms;
}

/** Streams a file on disk into n8n's filesystem binary store (no Buffer of the whole file is ever made). */
async function storeInput(path: string, fileName: string): Promise<IBinaryData> {
	const service = await useBinaryMode('filesystem');
	return await service.store(
		{ type: 'execution', workflowId: 'bench', executionId: `input-${Date.now()}` },
		createReadStream(path, { highWaterMark: MIB }),
		{ data: '', fileName, mimeType: 'application/octet-stream' } as IBinaryData,
	);
}

function uploadWorkflow(binary: IBinaryData, folderId: string, chunkMib: number) {
	const input = inputStep(`return [{ json: {}, binary: { data: ${JSON.stringify(binary)} } }];`);
	const options = chunkMib ? { chunkSizeMib: chunkMib } : {};
	return workflowOf(input, quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byId(folderId), conflict: 'rename', options }));
}

function downloadWorkflow(fileId: string) {
	return workflowOf(quatrixStep({ resource: 'file', operation: 'download', item: byId(fileId), binaryPropertyName: 'data', options: {} }));
}

async function sha256OfBinary(binary: IBinaryData): Promise<string> {
	const service = await useBinaryMode('filesystem');
	const hash = createHash('sha256');
	for await (const piece of await service.getAsStream(binary.id!)) hash.update(piece as Buffer);
	return hash.digest('hex');
}

async function upload(task: Extract<Task, { kind: 'upload' }>) {
	const credentials = credentialsOf(task.credentials);
	const binary = await storeInput(task.filePath, task.fileName);
	// Warm-up: loads the node, n8n-core's request stack and the credential's session, so the measured run
	// shows what the transfer itself costs.
	const warm = await storeInput(task.warmupPath, 'warmup.bin');
	nodeMs(await runWorkflow(uploadWorkflow(warm, task.folderId, task.chunkMib), { credentials }));
	await mark('warm-up');
	const { value: result, memory } = await measured(async () => await runWorkflow(uploadWorkflow(binary, task.folderId, task.chunkMib), { credentials }), task.gcEveryMs);
	const ms = nodeMs(result);
	const json = result.output('Quatrix')[0]?.json ?? {};
	if (json.size !== task.size) throw new Error(`uploaded ${String(json.size)} bytes, expected ${task.size}`);
	return { ms, fileId: String(json.id), memory };
}

async function download(task: Extract<Task, { kind: 'download' }>) {
	const credentials = credentialsOf(task.credentials);
	const service = await useBinaryMode('filesystem');
	nodeMs(await runWorkflow(downloadWorkflow(task.warmupFileId), { credentials }));
	await mark('warm-up');
	const { value: result, memory } = await measured(async () => await runWorkflow(downloadWorkflow(task.fileId), { credentials }), task.gcEveryMs);
	const ms = nodeMs(result);
	const binary = result.output('Quatrix')[0]?.binary?.data;
	if (!binary?.id) throw new Error('the download produced no binary data in the filesystem store');
	const bytes = statSync(service.getPath(binary.id)).size;
	if (bytes !== task.size) throw new Error(`downloaded ${bytes} bytes, expected ${task.size}`);
	const sha256 = task.verify ? await sha256OfBinary(binary) : undefined;
	return { ms, bytes, sha256, memory };
}

async function calls(task: Extract<Task, { kind: 'calls' }>) {
	const credentials = credentialsOf(task.credentials);
	const input = inputStep(task.fileIds.map((id) => ({ id })));
	const step = quatrixStep({ resource: 'file', operation: 'get', item: byId('={{ $json.id }}') });
	await mark('before');
	const result = await runWorkflow(workflowOf(input, step), { credentials });
	nodeMs(result);
	await mark('calls');
	return { items: result.output('Quatrix').length, preAuthCalls: result.preAuthCalls };
}

async function listing(task: Extract<Task, { kind: 'listing' }>) {
	const credentials = credentialsOf(task.credentials);
	const runs: Array<{ ms: number; rows: number }> = [];
	const step = task.step as unknown as Record<string, unknown>;
	const node = quatrixStep(step);
	for (let run = 0; run < task.runs; run++) {
		await mark('before');
		const result = await runWorkflow(workflowOf(node as INode), { credentials });
		const ms = nodeMs(result);
		await mark(`run-${run}`);
		runs.push({ ms, rows: result.output('Quatrix').length });
	}
	return { runs };
}

async function poll(task: Extract<Task, { kind: 'poll' }>) {
	const credentials = credentialsOf(task.credentials);
	const trigger = {
		id: '00000000-0000-4000-8000-00000000beef',
		name: 'Quatrix Trigger',
		type: task.nodeType,
		typeVersion: 1,
		position: [0, 0],
		parameters: task.parameters,
		credentials: { quatrixApi: { id: '1', name: 'Quatrix' } },
	} as unknown as INode;
	const workflow = { id: 'bench-poll', name: 'bench poll', active: true, nodes: [trigger], connections: {}, settings: { executionOrder: 'v1' } };
	await mark('before');
	let state = await runPoll(workflow as never, 'Quatrix Trigger', { credentials });
	if (state.error) throw state.error;
	await mark('first');
	// the second poll is the first to read Quatrix with a stored position (and may sign in): not an idle one yet
	state = await runPoll(workflow as never, 'Quatrix Trigger', { credentials, staticData: state.staticData });
	if (state.error) throw state.error;
	await mark('second');
	const idle: number[] = [];
	const emitted: number[] = [];
	for (let n = 0; n < task.polls; n++) {
		state = await runPoll(workflow as never, 'Quatrix Trigger', { credentials, staticData: state.staticData });
		if (state.error) throw state.error;
		emitted.push(state.items ? state.items.flat().length : 0);
		await mark(`idle-${n}`);
		idle.push(n);
	}
	return { polls: idle.length, emitted };
}

async function main(task: Task) {
	switch (task.kind) {
		case 'upload':
			return await upload(task);
		case 'download':
			return await download(task);
		case 'calls':
			return await calls(task);
		case 'listing':
			return await listing(task);
		case 'poll':
			return await poll(task);
	}
}

process.on('message', (message: { type: string; task?: Task; id?: number }) => {
	if (message.type === 'ack') {
		pendingMarks.get(message.id!)?.();
		pendingMarks.delete(message.id!);
		return;
	}
	if (message.type === 'exit') process.exit(0);
	if (message.type !== 'task' || !message.task) return;
	main(message.task).then(
		(result) => send({ type: 'result', result }),
		(error: Error) => send({ type: 'error', message: error?.stack ?? String(error) }),
	);
});
send({ type: 'ready' });
