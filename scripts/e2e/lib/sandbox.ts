/**
 * The Quatrix sandbox as a separate process (`tsx test/sandbox/cli.ts --port <free>`), and a small
 * client that checks results through the same Quatrix API the nodes use (API key of the seeded user).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

import { REPO } from './package';
import { freePort, startProcess, tail, waitFor, type Managed } from './proc';

export interface SandboxInfo {
	url: string;
	email: string;
	password: string;
	apiKey: string;
	process: Managed;
	api: QuatrixClient;
}

/** Reads "label: value" lines that the sandbox CLI prints (URL, user, password, API key). */
export function parseSandboxBanner(text: string) {
	const find = (re: RegExp) => re.exec(text)?.[1]?.trim();
	return {
		url: find(/(https?:\/\/(?:127\.0\.0\.1|localhost):\d+)/),
		email: find(/(?:user|email|login)[^:\n]*:\s*(\S+@\S+)/i),
		password: find(/password[^:\n]*:\s*(\S+)/i),
		apiKey: find(/api[ _-]?key[^:\n]*:\s*(\S+)/i),
	};
}

export async function startSandboxProcess(workDir: string): Promise<SandboxInfo> {
	const port = await freePort();
	const tsx = join(REPO, 'node_modules', '.bin', 'tsx');
	const proc = startProcess('sandbox', tsx, [join(REPO, 'test/sandbox/cli.ts'), '--port', String(port), '--host', '127.0.0.1'], {
		cwd: REPO,
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
		logFile: join(workDir, 'sandbox.log'),
	});
	let exitedWith: number | string | undefined;
	void proc.exited.then((code) => (exitedWith = code));
	const banner = await waitFor(
		'the sandbox to print its URL, user, password and API key',
		async () => {
			const { url, email, password, apiKey } = parseSandboxBanner(proc.log());
			return url && email && password && apiKey ? { url, email, password, apiKey } : undefined;
		},
		{ timeoutMs: 60_000, failIf: () => (exitedWith !== undefined ? `sandbox exited ${exitedWith}\n${tail(proc.log())}` : undefined) },
	);
	const api = new QuatrixClient(banner.url, banner.apiKey);
	await waitFor('the sandbox API', async () => (await api.get('/profile')) !== undefined, { timeoutMs: 30_000 });
	return { ...banner, process: proc, api };
}

export interface QuatrixFile {
	id: string;
	parent_id: string;
	name: string;
	type: string;
	size: number;
	content?: QuatrixFile[];
}

export class QuatrixClient {
	constructor(
		readonly baseUrl: string,
		private readonly apiKey: string,
	) {}

	private async call(method: string, path: string, body?: unknown): Promise<Response> {
		return await fetch(`${this.baseUrl}/api/1.0${path}`, {
			method,
			headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	}

	async get<T = unknown>(path: string): Promise<T> {
		const response = await this.call('GET', path);
		if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
		return (await response.json()) as T;
	}

	async post<T = unknown>(path: string, body: unknown): Promise<T> {
		const response = await this.call('POST', path, body);
		if (!response.ok) throw new Error(`POST ${path}: HTTP ${response.status} ${await response.text()}`);
		const text = await response.text();
		return (text ? JSON.parse(text) : {}) as T;
	}

	async home(): Promise<QuatrixFile> {
		return await this.get<QuatrixFile>('/file/metadata?content=1');
	}

	async folder(id: string): Promise<QuatrixFile> {
		return await this.get<QuatrixFile>(`/file/metadata/${id}?content=1`);
	}

	/** Resolves "a/b/c" from the home folder; undefined when some part is missing. */
	async findPath(path: string): Promise<QuatrixFile | undefined> {
		let current = await this.home();
		for (const name of path.split('/').filter(Boolean)) {
			const child = current.content?.find((c) => c.name === name);
			if (!child) return undefined;
			current = child.type === 'F' ? child : await this.folder(child.id);
		}
		return current;
	}

	async makeFolder(parentId: string, name: string): Promise<QuatrixFile> {
		return await this.post<QuatrixFile>('/file/makedir', { target: parentId, name, resolve: false });
	}

	async download(id: string): Promise<Buffer> {
		const link = await this.post<{ id: string }>('/file/download-link', { ids: [id] });
		const response = await this.call('GET', `/file/download/${link.id}`);
		if (!response.ok) throw new Error(`download ${id}: HTTP ${response.status}`);
		return Buffer.from(await response.arrayBuffer());
	}

	/** The sandbox's control surface (not part of the Quatrix API): POST /__sandbox/seed-files. */
	async seedFiles(parentId: string, count: number, namePrefix: string): Promise<string[]> {
		const response = await fetch(`${this.baseUrl}/__sandbox/seed-files`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ parentId, count, namePrefix }),
		});
		if (!response.ok) throw new Error(`seed-files: HTTP ${response.status} ${await response.text()}`);
		return ((await response.json()) as { ids: string[] }).ids;
	}

	async sha256(id: string): Promise<string> {
		return createHash('sha256').update(await this.download(id)).digest('hex');
	}
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
