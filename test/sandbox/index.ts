/**
 * The Quatrix sandbox: a local HTTP server that behaves like Quatrix (API under /api/1.0, chunked and
 * multipart uploads under /upload/… at the site root) for what the n8n node calls. Facts come from
 * /work/shared/quatrix-api (CATALOGUE.md, swagger.yaml, api-reference-overview.txt); where Quatrix's real
 * behaviour is unknown the code says so ("unknown: …").
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { SandboxClock } from './clock';
import { Faults, type CutSpec, type DelaySpec, type FailSpec, type MalformSpec } from './faults';
import { Router } from './router';
import { createHandler, type RecordedRequest, type SandboxCore } from './server';
import { SandboxState, type ActivityEvent, type FileNode } from './state';
import { completeEvent } from './activity';
import { controlHandler } from './control';
import { registerAll } from './routes';

export type { RecordedRequest, SandboxCore, Ctx } from './server';
export { requestObservers } from './server';
export type { ActivityEvent, FileNode, User, Session, Upload, DownloadLink, Job, FileTag, FileChange, LooseRecord } from './state';
export { SandboxState } from './state';
export type { FailSpec, MalformSpec, DelaySpec, CutSpec } from './faults';
export { Router } from './router';
export { ApiError, ErrorCode } from './errors';

export interface SandboxOptions {
	/** 0 (default) = a free port */
	port?: number;
	/** default 127.0.0.1 */
	host?: string;
	/** default: a fresh temp dir, removed on stop (a given dir is kept) */
	dataDir?: string;
	/** idle session lifetime, default 900 */
	sessionIdleSeconds?: number;
	/** upload-key lifetime after its last use, default 900 */
	uploadKeySeconds?: number;
	/** default: one super admin, admin@sandbox.test */
	users?: SeedUser[];
	/** one console line per request */
	log?: boolean;
}

export interface SeedUser {
	email: string;
	password: string;
	name?: string;
	apiKey?: string;
	mfa?: 'PIN' | '2FA';
	/** the code POST /session/login accepts: default 123456 (2FA) or 12345 (PIN; plain or base64) */
	mfaCode?: string;
	superAdmin?: boolean;
}

export interface SandboxFaults {
	failNext(spec: FailSpec): void;
	expireAllSessions(): void;
	/** every n-th session-authenticated request finds its session expired (401); 0 turns it off.
	 * API-key requests are stateless and not counted. */
	expireSessionsEvery(n: number): void;
	/** destroy the socket in the middle of the next /upload/chunked body (default after half of it) */
	cutNextChunk(spec?: CutSpec): void;
	delay(spec: DelaySpec): void;
	malformNext(spec: MalformSpec): void;
	expireUploadKeys(): void;
	reset(): void;
}

export interface SandboxClockApi {
	/** epoch seconds, float */
	now(): number;
	advance(seconds: number): void;
	/** freezes the clock at this value (advance() still moves it) */
	set(epochSeconds: number): void;
	useRealTime(): void;
}

export interface Sandbox {
	/** the site root, e.g. http://127.0.0.1:41234 */
	url: string;
	port: number;
	admin: { email: string; password: string; apiKey: string; id: string; homeId: string };
	stop(): Promise<void>;
	clock: SandboxClockApi;
	faults: SandboxFaults;
	/** every request received, in order (not the /__sandbox ones) */
	requests: RecordedRequest[];
	resetLog(): void;
	/** logins: successful (200 or 207) GET /session/login; byRoute keys are "METHOD template", e.g.
	 * "GET /file/metadata/{id}", or "METHOD (unmatched)". resetLog() zeroes them with the log. */
	stats(): { logins: number; requests: number; byRoute: Record<string, number> };
	state: SandboxState;
	seedFiles(parentId: string, count: number, namePrefix?: string): string[];
	seedActivity(events: Array<Partial<ActivityEvent>>): ActivityEvent[];
	fileContentPath(fileId: string): string;
	/** internals, for route modules and the control surface */
	core: SandboxCore;
}

export const DEFAULT_ADMIN: SeedUser = {
	email: 'admin@sandbox.test',
	password: 'Sandbox-Passw0rd!',
	name: 'Sandbox Admin',
	apiKey: 'qx_sandbox_admin_api_key_0001',
	superAdmin: true,
};

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
	const ownDir = !opts.dataDir;
	const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'quatrix-sandbox-'));
	fs.mkdirSync(dataDir, { recursive: true });
	const clock = new SandboxClock();
	const state = new SandboxState(dataDir, clock);
	const seeds = opts.users?.length ? opts.users : [DEFAULT_ADMIN];
	const users = seeds.map((s, i) => state.addUser({ ...s, superAdmin: s.superAdmin ?? i === 0 }));
	const router = new Router();
	registerAll(router);

	const faults = new Faults({
		expireAllSessions: () => {
			for (const s of state.sessions.values()) s.expired = true;
		},
		expireUploadKeys: () => {
			for (const u of [...state.uploads.values()]) state.expireUpload(u);
		},
	});
	const core: SandboxCore = {
		state,
		clock,
		faults,
		router,
		opts: { sessionIdleSeconds: opts.sessionIdleSeconds ?? 900, uploadKeySeconds: opts.uploadKeySeconds ?? 900, log: opts.log ?? false },
		requests: [],
		counters: { logins: 0, requests: 0, byRoute: {} },
		url: '',
	};

	const first = users[0];
	const seed0 = seeds[0];
	const sb: Sandbox = {
		url: '',
		port: 0,
		admin: { email: first.email, password: seed0.password, apiKey: first.apiKey, id: first.id, homeId: first.homeId },
		stop: async () => undefined,
		clock: {
			now: () => clock.now(),
			advance: (s) => clock.advance(s),
			set: (t) => clock.set(t),
			useRealTime: () => clock.useRealTime(),
		},
		faults: {
			failNext: (s) => faults.failNext(s),
			expireAllSessions: () => faults.expireAllSessions(),
			expireSessionsEvery: (n) => faults.expireSessionsEvery(n),
			cutNextChunk: (s) => faults.cutNextChunk(s),
			delay: (s) => faults.delay(s),
			malformNext: (s) => faults.malformNext(s),
			expireUploadKeys: () => faults.expireUploadKeys(),
			reset: () => faults.reset(),
		},
		requests: core.requests,
		resetLog: () => {
			core.requests.length = 0;
			core.counters.logins = 0;
			core.counters.requests = 0;
			core.counters.byRoute = {};
		},
		stats: () => ({ logins: core.counters.logins, requests: core.counters.requests, byRoute: { ...core.counters.byRoute } }),
		state,
		seedFiles: (parentId, count, namePrefix = 'file-') => seedFiles(state, parentId, count, namePrefix),
		seedActivity: (events) => events.map((e) => completeEvent(state, e)),
		fileContentPath: (fileId) => {
			const f = state.files.get(fileId);
			if (!f) throw new Error(`sandbox: no file ${fileId}`);
			return state.contentPath(f);
		},
		core,
	};

	const server = http.createServer(createHandler(core, controlHandler(sb)));
	server.keepAliveTimeout = 5000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
	});
	const addr = server.address() as AddressInfo;
	const host = opts.host ?? '127.0.0.1';
	const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
	sb.port = addr.port;
	sb.url = core.url = `http://${shownHost}:${addr.port}`;
	let stopped: Promise<void> | undefined;
	sb.stop = () =>
		(stopped ??= (async () => {
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
		})());
	return sb;
}

/** Bulk creation of small in-memory files (written to disk only when read through fileContentPath or a
 * copy/download needs them). No activity rows, no diff entries. */
function seedFiles(state: SandboxState, parentId: string, count: number, prefix: string): string[] {
	const parent = state.files.get(parentId);
	if (!parent || !state.isFolder(parent)) throw new Error(`sandbox: no folder ${parentId}`);
	const width = Math.max(5, String(count).length);
	const ids: string[] = new Array(count);
	for (let i = 0; i < count; i++) {
		const name = state.uniqueName(parent, `${prefix}${String(i + 1).padStart(width, '0')}.txt`);
		const inline = Buffer.from(`${name}\n`);
		const f: FileNode = state.newNode({ parent_id: parent.id, name, type: 'F', owner_id: parent.owner_id, size: inline.length, inline });
		state.attach(parent, f);
		ids[i] = f.id;
	}
	return ids;
}
