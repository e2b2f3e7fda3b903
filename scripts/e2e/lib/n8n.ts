/**
 * A real n8n (pinned, installed once into a cache folder by install-n8n.sh): its CLI, `n8n start`,
 * `n8n worker`, the owner account and a small REST client for the checks.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { freePort, runCommand, startProcess, tail, waitFor, type Managed } from './proc';

export const N8N_VERSION = '2.40.7';

export interface N8nRuntime {
	dir: string;
	node: string;
	bin: string;
}

const SCRIPTS = resolve(__dirname, '..');

/** Installs n8n into the cache (first run only; several minutes) and returns where it is. */
export async function ensureN8n(): Promise<N8nRuntime> {
	const dir = await new Promise<string>((resolvePromise, reject) => {
		const child = spawn('bash', [join(SCRIPTS, 'install-n8n.sh')], { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolvePromise(out.trim().split('\n').pop()!) : reject(new Error(`install-n8n.sh exited ${code}`)),
		);
	});
	return { dir, node: join(dir, 'node_modules/node/bin/node'), bin: join(dir, 'node_modules/n8n/bin/n8n') };
}

export async function ensureSystemPackages() {
	const result = await runCommand('bash', [join(SCRIPTS, 'install-system.sh')], { timeoutMs: 15 * 60_000, stdio: 'inherit' });
	if (result.code !== 0) throw new Error(`install-system.sh exited ${result.code}\n${result.stdout}${result.stderr}`);
}

export const OWNER = {
	email: 'owner@e2e.test',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-owner-Passw0rd',
};

/** Same value for every REST call: n8n ties the auth cookie to the browser id it was issued for. */
const BROWSER_ID = 'n8n-nodes-quatrix-e2e';

export interface N8nOptions {
	name: string;
	workDir: string;
	/** shared by main and workers in queue mode */
	userFolder?: string;
	env?: Record<string, string>;
	encryptionKey?: string;
}

export class N8n {
	readonly userFolder: string;
	readonly encryptionKey: string;
	port = 0;
	brokerPort = 0;
	main?: Managed;
	workers: Managed[] = [];
	private cookie = '';

	constructor(
		readonly runtime: N8nRuntime,
		readonly options: N8nOptions,
	) {
		this.userFolder = options.userFolder ?? join(options.workDir, `${options.name}-home`);
		mkdirSync(this.userFolder, { recursive: true });
		this.encryptionKey = options.encryptionKey ?? randomBytes(24).toString('hex');
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The environment every n8n process of this instance runs with: loopback only, nothing phoned home. */
	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		const nodeBinDir = join(this.runtime.node, '..');
		return {
			PATH: `${nodeBinDir}:${process.env.PATH ?? ''}`,
			HOME: process.env.HOME ?? this.userFolder,
			TZ: 'UTC',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_PORT: String(this.port || 5678),
			N8N_WEBHOOK_URL: this.port ? `${this.baseUrl}/` : '',
			N8N_EDITOR_BASE_URL: this.port ? `${this.baseUrl}/` : '',
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
			N8N_RUNNERS_MODE: 'internal',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort || 5679),
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
			DB_TYPE: 'sqlite',
			NODE_ENV: 'production',
			...this.options.env,
			...extra,
		};
	}

	/** `n8n <args>` to completion (import, execute …). */
	async cli(args: string[], { timeoutMs = 120_000, env = {} as Record<string, string> } = {}) {
		if (!this.brokerPort) this.brokerPort = await freePort();
		const result = await runCommand(this.runtime.node, [this.runtime.bin, ...args], {
			env: this.env(env),
			cwd: this.userFolder,
			timeoutMs,
		});
		return result;
	}

	async cliOk(args: string[], options?: { timeoutMs?: number; env?: Record<string, string> }) {
		const result = await this.cli(args, options);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} exited ${result.code}\n${tail(result.stdout + result.stderr, 60)}`);
		}
		return result;
	}

	/** `n8n start`, waits until /healthz answers. */
	async start(extraEnv: Record<string, string> = {}) {
		if (!this.port) this.port = await freePort();
		if (!this.brokerPort) this.brokerPort = await freePort();
		const main = startProcess(`${this.options.name}-main`, this.runtime.node, [this.runtime.bin, 'start'], {
			env: this.env(extraEnv),
			cwd: this.userFolder,
			logFile: join(this.options.workDir, `${this.options.name}-main.log`),
		});
		this.main = main;
		let exitedWith: number | string | undefined;
		void main.exited.then((code) => (exitedWith = code));
		await waitFor(
			`n8n (${this.options.name}) to answer /healthz`,
			async () => (await fetch(`${this.baseUrl}/healthz`)).ok,
			{
				timeoutMs: 120_000,
				failIf: () => (exitedWith !== undefined ? `n8n exited ${exitedWith}\n${tail(main.log())}` : undefined),
			},
		);
		// /healthz answers before the REST API is mounted, and until then the editor's HTML answers every path
		await waitFor(
			`n8n (${this.options.name}) REST API`,
			async () => {
				const response = await fetch(`${this.baseUrl}/rest/settings`);
				return response.ok && (response.headers.get('content-type') ?? '').includes('json');
			},
			{ timeoutMs: 60_000 },
		);
		return main;
	}

	/** `n8n worker` for queue mode; its own health server on a free port. */
	async startWorker(extraEnv: Record<string, string> = {}) {
		const index = this.workers.length + 1;
		const healthPort = await freePort();
		const brokerPort = await freePort();
		const worker = startProcess(`${this.options.name}-worker${index}`, this.runtime.node, [this.runtime.bin, 'worker', '--concurrency=5'], {
			env: this.env({
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
				...extraEnv,
			}),
			cwd: this.userFolder,
			logFile: join(this.options.workDir, `${this.options.name}-worker${index}.log`),
		});
		this.workers.push(worker);
		let exitedWith: number | string | undefined;
		void worker.exited.then((code) => (exitedWith = code));
		await waitFor(`n8n worker ${index} to be ready`, async () => (await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`)).ok, {
			timeoutMs: 120_000,
			failIf: () => (exitedWith !== undefined ? `worker exited ${exitedWith}\n${tail(worker.log())}` : undefined),
		});
		return worker;
	}

	async stop() {
		for (const w of this.workers) await w.stop();
		await this.main?.stop();
	}

	/** Creates the owner account through the REST API (what the setup screen does) and signs in. */
	async setupOwner() {
		const response = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify(OWNER),
		});
		const text = await response.text();
		if (!response.ok || !text.includes(OWNER.email)) throw new Error(`owner setup: HTTP ${response.status} ${text.slice(0, 300)}`);
		await this.login();
	}

	async login() {
		const response = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		const text = await response.text();
		if (!response.ok || !text.includes(OWNER.email)) throw new Error(`login: HTTP ${response.status} ${text.slice(0, 300)}`);
		const cookies = response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie') ?? ''];
		this.cookie = cookies.map((c) => c.split(';')[0]).join('; ');
	}

	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID, cookie: this.cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
	}

	/** Writes JSON to a file in the user folder and imports it (`n8n import:workflow|credentials`). */
	async importJson(kind: 'workflow' | 'credentials', name: string, data: unknown) {
		const file = join(this.userFolder, `import-${name}.json`);
		writeFileSync(file, JSON.stringify(data, null, 2));
		return await this.cliOk([`import:${kind}`, `--input=${file}`]);
	}
}
