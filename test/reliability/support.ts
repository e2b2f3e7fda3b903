/**
 * Shared pieces of the reliability, security and fuzz tests: fast retry timing, request filters, a persistent
 * credentials store (so that logins can be counted against expiries) and a scan for leaked secrets.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { INode } from 'n8n-workflow';

import { runWorkflow, type RunResult } from '../harness';
import { credentialsFor, inputStep, workflowOf } from '../helpers/workflows';
import type { RecordedRequest, Sandbox } from '../sandbox';

/** The retry settings of the very module instance the harness loaded from dist/ (same jest registry). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requestModule = require(resolve(__dirname, '..', '..', 'dist', 'nodes', 'Quatrix', 'transport', 'request.js')) as {
	RETRY: { attempts: number; firstDelayMs: number; maxDelayMs: number; totalBudgetMs: number };
};

export const RETRY = requestModule.RETRY;
const DEFAULT_RETRY = { ...RETRY };

/** Shrinks the backoff so that fault tests run in milliseconds; `restoreRetry` puts the shipped numbers back. */
export function fastRetry(overrides: Partial<typeof RETRY> = {}) {
	Object.assign(RETRY, { attempts: 5, firstDelayMs: 10, maxDelayMs: 200, totalBudgetMs: 3_000 }, overrides);
}
export function restoreRetry() {
	Object.assign(RETRY, DEFAULT_RETRY);
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Requests other than logins (what a run sent to do its work). */
export const work = (requests: RecordedRequest[]) => requests.filter((request) => request.route !== '/session/login');
export const onRoute = (requests: RecordedRequest[], route: string, method?: string) =>
	requests.filter((request) => request.route === route && (!method || request.method === method));

/** One credentials store for several runs, like n8n's credentials table: the session token survives between runs. */
export function persistentRunner(sandbox: Sandbox) {
	const store = credentialsFor(sandbox);
	return async (...steps: INode[]): Promise<RunResult> => await runWorkflow(workflowOf(...steps), { credentials: store });
}

/** Sessions, upload keys, download ids and sign-in activity come and go with every run. */
const TRANSIENT = new Set(['sessions', 'uploads', 'deadUploadKeys', 'downloads', 'activity']);

/** A snapshot of what the sandbox holds, to show that a failed item changed nothing. */
export function stateSnapshot(sandbox: Sandbox) {
	const state = sandbox.state as unknown as Record<string, unknown>;
	const files = [...sandbox.state.files.values()]
		.map((file) => `${file.id}|${file.parent_id}|${file.name}|${file.type}|${file.size}|${file.modified}`)
		.sort();
	const sizes: Record<string, number> = {};
	for (const [key, value] of Object.entries(state)) {
		if (TRANSIENT.has(key)) continue;
		if (value instanceof Map) sizes[key] = value.size;
		else if (Array.isArray(value)) sizes[key] = value.length;
	}
	return { files, sizes };
}

/** Where each secret turned up in the given material (empty: nothing leaked). */
export function findSecrets(secrets: string[], material: Record<string, unknown>): string[] {
	const found: string[] = [];
	const wanted = secrets.filter((secret) => secret && secret.length >= 6);
	for (const [where, value] of Object.entries(material)) {
		const text = stringify(value);
		for (const secret of wanted) {
			const variants = [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
			if (variants.some((variant) => text.includes(variant))) found.push(`${where} contains ${secret.slice(0, 3)}…`);
		}
	}
	return found;
}

function stringify(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value instanceof Error) {
		const extra: Record<string, unknown> = {};
		for (const key of Object.getOwnPropertyNames(value)) extra[key] = (value as unknown as Record<string, unknown>)[key];
		return [value.message, value.stack, safeJson(extra), safeJson(value)].join('\n');
	}
	return safeJson(value);
}

function safeJson(value: unknown): string {
	const seen = new WeakSet<object>();
	try {
		return (
			JSON.stringify(value, (_key, inner: unknown) => {
				if (inner && typeof inner === 'object') {
					if (seen.has(inner)) return '[circular]';
					seen.add(inner);
				}
				if (typeof inner === 'bigint') return String(inner);
				if (Buffer.isBuffer(inner)) return inner.toString('utf8');
				return inner;
			}) ?? ''
		);
	} catch {
		return String(value);
	}
}

/** Captures everything written to the console and to stdout/stderr while `fn` runs. */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; output: string }> {
	const lines: string[] = [];
	const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
	const originals = methods.map((method) => console[method]);
	methods.forEach((method) => {
		console[method] = (...args: unknown[]) => {
			lines.push(args.map((arg) => stringify(arg)).join(' '));
		};
	});
	const writeOut = process.stdout.write.bind(process.stdout);
	const writeErr = process.stderr.write.bind(process.stderr);
	const capture = (chunk: unknown) => {
		lines.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
		return true;
	};
	process.stdout.write = capture as typeof process.stdout.write;
	process.stderr.write = capture as typeof process.stderr.write;
	try {
		const result = await fn();
		return { result, output: lines.join('\n') };
	} finally {
		methods.forEach((method, index) => (console[method] = originals[index]));
		process.stdout.write = writeOut;
		process.stderr.write = writeErr;
	}
}

export const readText = (path: string) => readFileSync(path, 'utf8');

/**
 * A proxy in front of the sandbox that lets Quatrix act on a request and then cuts the connection instead of
 * passing the answer on: the client cannot know whether the request was done (a lost answer).
 */
export async function answerDroppingProxy(target: string) {
	const http = await import('node:http');
	/** `afterBytes` undefined: no answer at all; a number: the headers and that many bytes of the body, then the cut. */
	const drops: Array<{ method: string; route: RegExp; remaining: number; afterBytes?: number }> = [];
	const server = http.createServer((req, res) => {
		const index = drops.findIndex((drop) => drop.method === req.method && drop.route.test(req.url ?? ''));
		const drop = index >= 0 ? drops[index] : undefined;
		if (drop && --drop.remaining <= 0) drops.splice(index, 1);
		const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
			if (drop?.afterBytes === undefined && drop) {
				answer.resume();
				answer.on('end', () => req.socket.destroy());
				return;
			}
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			if (!drop) {
				answer.pipe(res);
				return;
			}
			let passed = 0;
			answer.on('data', (chunk: Buffer) => {
				const room = (drop.afterBytes ?? 0) - passed;
				if (room > 0) res.write(chunk.subarray(0, room));
				passed += chunk.length;
				if (passed >= (drop.afterBytes ?? 0)) {
					answer.destroy();
					setTimeout(() => req.socket.destroy(), 20);
				}
			});
		});
		upstream.on('error', () => req.socket.destroy());
		req.pipe(upstream);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}`,
		dropAnswer(method: string, route: RegExp, count = 1) {
			drops.push({ method, route, remaining: count });
		},
		cutAnswer(method: string, route: RegExp, afterBytes: number, count = 1) {
			drops.push({ method, route, remaining: count, afterBytes });
		},
		async stop() {
			await new Promise<void>((done) => {
				server.close(() => done());
				server.closeAllConnections();
			});
		},
	};
}

/** Like filesStep(), byte for byte, but fast for files of several MiB. */
export function bigFilesStep(count: number, bytes: number, name = 'Files'): INode {
	return inputStep(
		`const out = [];
for (let n = 0; n < ${count}; n++) {
  const data = Buffer.alloc(${bytes});
  for (let k = 0; k < ${bytes}; k++) data[k] = 97 + ((n + k) % 26);
  out.push({ json: { n }, binary: { data: { data: data.toString('base64'), mimeType: 'text/plain', fileName: 'file-' + n + '.txt' } } });
}
return out;`,
		name,
	);
}

/** The bytes filesStep() and bigFilesStep() make for item n. */
export function expectedBytes(n: number, bytes: number): Buffer {
	const data = Buffer.alloc(bytes);
	for (let k = 0; k < bytes; k++) data[k] = 97 + ((n + k) % 26);
	return data;
}
