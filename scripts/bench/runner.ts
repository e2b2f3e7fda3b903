/** Starts the measured worker process (scripts/bench/worker.ts) and serves its marks from the in-process sandbox. */
import { fork } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { Sandbox } from '../../test/sandbox';
import type { Credentials, Task, WorkerMessage } from './protocol';

export interface Counters {
	logins: number;
	requests: number;
	byRoute: Record<string, number>;
}

export interface WorkerRun<T> {
	result: T;
	/** the sandbox's counters between the previous mark and this one, by label */
	marks: Array<{ label: string; stats: Counters }>;
}

const REPO = resolve(__dirname, '..', '..');

function newestChange(dir: string): number {
	let newest = statSync(dir).mtimeMs;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
	}
	return newest;
}

/**
 * A private copy of the built package (package.json, dist/) with the harness and this worker, in a temp folder
 * (node_modules is linked). Workers load the nodes from it, so a build started meanwhile in the working tree
 * (which empties dist/ first) cannot pull the files from under a run. Waits (≤ 2 min) for a complete,
 * settled dist/. `remove()` deletes the copy.
 */
export async function snapshotPackage(): Promise<{ root: string; remove(): void }> {
	const dist = join(REPO, 'dist');
	const entry = join(dist, 'nodes', 'Quatrix', 'Quatrix.node.js');
	const deadline = Date.now() + 120_000;
	for (;;) {
		try {
			if (existsSync(entry) && Date.now() - newestChange(dist) > 3000) break;
		} catch {
			// a file vanished while we looked: a build is running
		}
		if (Date.now() > deadline) throw new Error('dist/ is missing or still changing: run npm run build');
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	const root = mkdtempSync(join(tmpdir(), 'quatrix-bench-pkg-'));
	cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
	cpSync(dist, join(root, 'dist'), { recursive: true });
	for (const dir of ['test/harness', 'test/helpers', 'test/sandbox', 'scripts/bench']) {
		cpSync(join(REPO, dir), join(root, dir), { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
	}
	for (const file of ['tsconfig.json']) cpSync(join(REPO, file), join(root, file));
	symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
	if (!existsSync(join(root, 'dist', 'nodes', 'Quatrix', 'Quatrix.node.js'))) throw new Error('the copy of dist/ is incomplete; run npm run build');
	return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function credentialsOf(sandbox: Sandbox): Credentials {
	return { url: sandbox.url, email: sandbox.admin.email, password: sandbox.admin.password, apiKey: sandbox.admin.apiKey };
}

/**
 * Runs one task in a fresh Node process (so its memory is its own) and returns its result. The worker loads the
 * built nodes from dist/; a build running at the same moment (it empties dist/ first) is waited out: a start
 * that fails on a missing module is tried again, up to 3 times, 10 s apart.
 */
export async function runWorker<T>(sandbox: Sandbox, task: Task, options: { root?: string; timeoutMs?: number } = {}): Promise<WorkerRun<T>> {
	const worker = join(options.root ?? REPO, 'scripts', 'bench', 'worker.ts');
	for (let attempt = 1; ; attempt++) {
		const before = sandbox.stats().requests;
		try {
			return await runWorkerOnce<T>(sandbox, task, worker, options.timeoutMs ?? 15 * 60_000);
		} catch (error) {
			const missingBuild = /Cannot find module|Unrecognized node type|ENOENT[^\n]*dist\//.test(String((error as Error).message));
			if (!missingBuild || attempt >= 3 || sandbox.stats().requests !== before) throw error;
			await new Promise((resolve) => setTimeout(resolve, 10_000));
		}
	}
}

async function runWorkerOnce<T>(sandbox: Sandbox, task: Task, worker: string, timeoutMs: number): Promise<WorkerRun<T>> {
	const child = fork(worker, [], {
		// BENCH_WORKER_ARGS adds Node options to the worker only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
		execArgv: ['--expose-gc', '--import', 'tsx', ...(process.env.BENCH_WORKER_ARGS ?? '').split(' ').filter(Boolean)],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		env: { ...process.env, N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'silent' },
	});
	const marks: WorkerRun<T>['marks'] = [];
	try {
		return await new Promise<WorkerRun<T>>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`bench worker (${task.kind}) took longer than ${timeoutMs / 1000} s`)), timeoutMs);
			const done = (fn: () => void) => {
				clearTimeout(timer);
				fn();
			};
			child.on('message', (message: WorkerMessage) => {
				switch (message.type) {
					case 'ready':
						child.send({ type: 'task', task });
						break;
					case 'mark':
						marks.push({ label: message.label, stats: sandbox.stats() });
						sandbox.resetLog();
						child.send({ type: 'ack', id: message.id });
						break;
					case 'result':
						done(() => resolve({ result: message.result as T, marks }));
						break;
					case 'error':
						done(() => reject(new Error(`bench worker (${task.kind}): ${message.message}`)));
						break;
				}
			});
			child.on('error', (error) => done(() => reject(error)));
			child.on('exit', (code, signal) => done(() => reject(new Error(`bench worker (${task.kind}) exited (${signal ?? code}) before it answered`))));
		});
	} finally {
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			if (child.connected) child.send({ type: 'exit' });
			const timer = setTimeout(() => child.kill('SIGTERM'), child.connected ? 10_000 : 0);
			await exited;
			clearTimeout(timer);
		}
	}
}
