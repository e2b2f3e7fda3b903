/**
 * Processes started by the end-to-end run: each in its own process group, output to a log file,
 * all stopped at the end (also on failure, Ctrl-C or an uncaught error).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Managed {
	name: string;
	child: ChildProcess;
	logFile: string;
	/** resolves with the exit code (or signal) when the process ends */
	exited: Promise<number | string>;
	stop(): Promise<void>;
	log(): string;
}

const running = new Set<Managed>();

function killGroup(pid: number | undefined, signal: NodeJS.Signals) {
	if (!pid) return;
	try {
		process.kill(-pid, signal);
	} catch {
		/* already gone */
	}
}

export function startProcess(
	name: string,
	command: string,
	args: string[],
	options: SpawnOptions & { logFile: string },
): Managed {
	const out = createWriteStream(options.logFile, { flags: 'a' });
	const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout?.pipe(out, { end: false });
	child.stderr?.pipe(out, { end: false });
	const exited = new Promise<number | string>((resolve) => {
		child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
		child.on('error', (error) => {
			out.write(`\n[spawn error] ${error.message}\n`);
			resolve(-1);
		});
	});
	let stopping: Promise<void> | undefined;
	const managed: Managed = {
		name,
		child,
		logFile: options.logFile,
		exited,
		stop() {
			// one stop per process, however many callers (the run's finally, a signal handler …)
			stopping ??= (async () => {
				if (child.exitCode === null && child.signalCode === null) {
					killGroup(child.pid, 'SIGTERM');
					const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 8000);
					await exited;
					clearTimeout(timer);
				}
				// children that outlived their parent in the same group
				killGroup(child.pid, 'SIGKILL');
				running.delete(managed);
			})();
			return stopping;
		},
		log() {
			try {
				return readFileSync(options.logFile, 'utf8');
			} catch {
				return '';
			}
		},
	};
	running.add(managed);
	return managed;
}

export async function stopAll() {
	await Promise.all([...running].reverse().map((p) => p.stop()));
}

/** Last lines of a log, for failure messages. */
export function tail(text: string, lines = 40) {
	return text.split('\n').slice(-lines).join('\n');
}

let exiting = false;
function emergencyStop() {
	for (const p of running) killGroup(p.child.pid, 'SIGKILL');
}
process.on('exit', emergencyStop);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		if (exiting) return;
		exiting = true;
		console.error(`\n${signal}: stopping everything the run started`);
		void stopAll().finally(() => process.exit(130));
	});
}

/** A TCP port that is free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined | false | null>,
	{ timeoutMs = 60_000, intervalMs = 250, failIf }: { timeoutMs?: number; intervalMs?: number; failIf?: () => string | undefined } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		const reason = failIf?.();
		if (reason) throw new Error(`${what}: ${reason}`);
		try {
			const value = await check();
			if (value) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
		}
		await sleep(intervalMs);
	}
}

/** Runs a command to completion, capturing output; the process group is killed on timeout. */
export async function runCommand(
	command: string,
	args: string[],
	options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
	const started = Date.now();
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
		const timer = setTimeout(() => {
			killGroup(child.pid, 'SIGKILL');
			reject(new Error(`${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms\n${tail(stdout + stderr)}`));
		}, options.timeoutMs ?? 120_000);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			killGroup(child.pid, 'SIGKILL');
			resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started });
		});
	});
}
