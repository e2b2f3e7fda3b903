/**
 * `npm run test:e2e`: our package in a real, pinned n8n.
 *
 *   1. cli    — packed package installed as a community package; credentials and workflows imported
 *               with the n8n CLI, run with `n8n execute`, results checked in the Quatrix sandbox
 *   2. editor — the n8n editor in Debian's chromium (playwright-core): owner setup, node, pickers,
 *               credential test, a run from the editor; screenshots into docs/screenshots/
 *   3. queue  — Redis + n8n main (EXECUTIONS_MODE=queue) + one `n8n worker`: a webhook workflow and a
 *               Quatrix Trigger workflow run on the worker
 *
 * Flags: --only cli|editor|queue (repeatable or comma-separated), --keep (keep the temp folder with
 * logs and n8n homes even when everything passed). Everything started listens on 127.0.0.1 and is
 * stopped at the end, also on failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureN8n, ensureSystemPackages, N8N_VERSION } from './lib/n8n';
import { packPackage } from './lib/package';
import { stopAll } from './lib/proc';
import { startSandboxProcess } from './lib/sandbox';
import type { E2eContext } from './lib/context';
import { runCliPart } from './parts/cli';
import { runEditorPart } from './parts/editor';
import { runQueuePart } from './parts/queue';

const PARTS = {
	cli: runCliPart,
	editor: runEditorPart,
	queue: runQueuePart,
} as const;
type PartName = keyof typeof PARTS;

function parseArgs(argv: string[]) {
	const only: PartName[] = [];
	let keep = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--keep') keep = true;
		else if (arg === '--only' || arg.startsWith('--only=')) {
			const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
			for (const name of (value ?? '').split(',').filter(Boolean)) {
				if (!(name in PARTS)) throw new Error(`--only: unknown part "${name}" (cli, editor, queue)`);
				only.push(name as PartName);
			}
		} else throw new Error(`unknown argument ${arg} (use --only cli|editor|queue, --keep)`);
	}
	return { parts: only.length ? only : (Object.keys(PARTS) as PartName[]), keep };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
	const started = Date.now();
	const { parts, keep } = parseArgs(process.argv.slice(2));
	const results: Array<{ name: string; ok: boolean; ms: number; error?: string }> = [];
	const workDir = mkdtempSync(join(tmpdir(), 'quatrix-e2e-'));
	console.log(`e2e: n8n ${N8N_VERSION}; parts: ${parts.join(', ')}; logs and n8n homes in ${workDir}`);

	try {
		const setupStarted = Date.now();
		if (parts.includes('editor') || parts.includes('queue')) await ensureSystemPackages();
		const runtime = await ensureN8n();
		const pkg = await packPackage(workDir);
		const sandbox = await startSandboxProcess(workDir);
		console.log(`setup: n8n ready, ${pkg.name}@${pkg.version} packed, sandbox at ${sandbox.url} (${seconds(Date.now() - setupStarted)})`);
		const ctx: E2eContext = { runtime, workDir, pkg, sandbox };

		for (const name of parts) {
			const partStarted = Date.now();
			console.log(`\n── ${name} ──`);
			try {
				await PARTS[name](ctx);
				results.push({ name, ok: true, ms: Date.now() - partStarted });
			} catch (error) {
				const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
				console.error(message);
				results.push({ name, ok: false, ms: Date.now() - partStarted, error: message.split('\n')[0] });
			} finally {
				await ctx.cleanupPart?.();
				ctx.cleanupPart = undefined;
			}
			const r = results[results.length - 1];
			console.log(`${r.ok ? 'PASS' : 'FAIL'} ${name} (${seconds(r.ms)})${r.error ? `: ${r.error}` : ''}`);
		}
	} catch (error) {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		results.push({ name: 'setup', ok: false, ms: 0, error: String(error) });
		console.log(`FAIL setup: ${String(error).split('\n')[0]}`);
	} finally {
		await stopAll();
	}

	const failed = results.filter((r) => !r.ok);
	console.log('\n── summary ──');
	for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.name} (${seconds(r.ms)})`);
	if (failed.length === 0 && !keep) rmSync(workDir, { recursive: true, force: true });
	else console.log(`logs and n8n homes kept in ${workDir}`);
	console.log(`total ${seconds(Date.now() - started)}`);
	console.log(`e2e: ${results.length - failed.length} passed, ${failed.length} failed`);
	process.exit(failed.length ? 1 : 0);
}

void main();
