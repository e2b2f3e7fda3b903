/**
 * The request pipeline: recording, faults, routing, authentication, JSON bodies, error mapping.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { ApiError, ErrorCode, unauthorized } from './errors';
import { Faults, malform, type RequestPaths } from './faults';
import type { Route, Router } from './router';
import type { SandboxClock } from './clock';
import type { Session, SandboxState, User } from './state';

export const API_PREFIX = '/api/1.0';
const MAX_JSON_BODY = 16 * 1024 * 1024;

export interface RecordedRequest {
	method: string;
	/** without query */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	/** parsed JSON, or undefined for binary / no body */
	body?: unknown;
	/** 0 while in flight, and when the connection was destroyed before an answer */
	status: number;
	/** the matched spec-style template relative to /api/1.0 (e.g. "/file/metadata/{id}"), or "/upload/chunked/{key}" */
	route?: string;
}

/** Called with every recorded request once it is answered, in every sandbox of this process (the contract check). */
export const requestObservers = new Set<(request: RecordedRequest) => void>();

export interface SandboxCore {
	state: SandboxState;
	clock: SandboxClock;
	faults: Faults;
	router: Router;
	opts: { sessionIdleSeconds: number; uploadKeySeconds: number; log: boolean };
	requests: RecordedRequest[];
	counters: { logins: number; requests: number; byRoute: Record<string, number> };
	url: string;
}

export interface Ctx {
	core: SandboxCore;
	state: SandboxState;
	req: IncomingMessage;
	res: ServerResponse;
	method: string;
	/** full path (without query) */
	path: string;
	query: Record<string, string>;
	params: Record<string, string>;
	route: Route;
	rec: RecordedRequest;
	/** the caller; set on routes with auth 'required' (and 'partial'/'optional' when a token was valid) */
	user: User;
	session?: Session;
	/** parsed JSON body (routes with body 'json'); undefined when the body was empty */
	body: any;
	/** JSON response (`body` undefined → empty body). Malformation faults apply here. */
	send(status: number, body?: unknown, headers?: Record<string, string | number>): void;
	/** a text/binary response */
	sendRaw(status: number, data: string | Buffer, contentType: string, headers?: Record<string, string | number>): void;
}

export function paths(method: string, full: string, template?: string): RequestPaths {
	const api = full === API_PREFIX || full.startsWith(API_PREFIX + '/') ? full.slice(API_PREFIX.length) || '/' : undefined;
	return { method, full, api, template };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > MAX_JSON_BODY) {
				reject(new ApiError(413, ErrorCode.BAD_PARAMETER, 'Request body too large'));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Token from `X-Auth-Token` or `Authorization: Bearer`. */
function credentials(req: IncomingMessage): { kind: 'session' | 'apiKey'; value: string } | undefined {
	const x = req.headers['x-auth-token'];
	if (typeof x === 'string' && x.length) return { kind: 'session', value: x.trim() };
	const a = req.headers.authorization;
	if (typeof a === 'string') {
		const m = /^Bearer\s+(.+)$/i.exec(a.trim());
		if (m) return { kind: 'apiKey', value: m[1].trim() };
	}
	return undefined;
}

/**
 * Authentication. unknown: the real `code` values of auth failures; the sandbox uses 11 (no token),
 * 60 (session expired), 70 (unknown token / API key), 71/73 (partial MFA session used elsewhere).
 */
function authenticate(ctx: Ctx): void {
	const mode = ctx.route.opts.auth;
	if (mode === 'none') return;
	const { state, faults, opts } = { state: ctx.state, faults: ctx.core.faults, opts: ctx.core.opts };
	const cred = credentials(ctx.req);
	const fail = (e: ApiError) => {
		if (mode === 'optional') return;
		throw e;
	};
	if (!cred) return fail(unauthorized(ErrorCode.MISSING_PARAMETER, 'Not logged in: missing X-Auth-Token or Authorization header'));
	if (cred.kind === 'apiKey') {
		// API keys are stateless: no idle expiry (CATALOGUE §1.4, unverified)
		const u = state.userByApiKey(cred.value);
		if (!u || u.status !== 'A') return fail(unauthorized(ErrorCode.NOT_ALLOWED, 'Invalid API key'));
		if (mode === 'partial') return fail(unauthorized(ErrorCode.NOT_ALLOWED, 'This call needs the session of a 207 login'));
		ctx.user = u;
		return;
	}
	const s = state.sessions.get(cred.value);
	if (!s) return fail(unauthorized(ErrorCode.NOT_ALLOWED, 'Session not found'));
	if (s.expired || state.now() - s.lastUsed > opts.sessionIdleSeconds) {
		s.expired = true;
		return fail(unauthorized(ErrorCode.EXPIRED, 'Session expired'));
	}
	const u = state.users.get(s.userId);
	if (!u) return fail(unauthorized(ErrorCode.NOT_ALLOWED, 'Session not found'));
	if (mode === 'partial') {
		if (!s.partial) return fail(unauthorized(ErrorCode.NOT_ALLOWED, 'This call needs the session of a 207 login'));
	} else if (s.partial) {
		const code = s.partial === 'PIN' ? ErrorCode.NOT_ALLOWED_WITHOUT_PIN : ErrorCode.NOT_ALLOWED_WITHOUT_2FA;
		return fail(unauthorized(code, `Not allowed without ${s.partial}: finish the login with POST /session/login`));
	}
	if (mode === 'required' && faults.countAuthenticated()) {
		s.expired = true;
		throw unauthorized(ErrorCode.EXPIRED, 'Session expired');
	}
	s.lastUsed = state.now();
	ctx.user = u;
	ctx.session = s;
}

export function createHandler(core: SandboxCore, control: (req: IncomingMessage, res: ServerResponse, path: string, query: Record<string, string>) => Promise<void>) {
	return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const fullPath = url.pathname;
		const query: Record<string, string> = {};
		url.searchParams.forEach((v, k) => (query[k] = v));

		// sandbox-only control surface: never recorded
		if (fullPath === '/__sandbox' || fullPath.startsWith('/__sandbox/')) {
			await control(req, res, fullPath, query).catch((e) => {
				if (!res.headersSent) {
					res.writeHead(400, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify({ msg: String(e?.message ?? e), code: -1 }));
				}
			});
			return;
		}

		const method = (req.method ?? 'GET').toUpperCase();
		const rec: RecordedRequest = { method, path: fullPath, query, headers: { ...req.headers }, status: 0 };
		core.requests.push(rec);
		core.counters.requests++;
		const started = Date.now();
		res.on('finish', () => {
			rec.status = res.statusCode;
			for (const observe of requestObservers) observe(rec);
			if (core.opts.log) console.log(`[sandbox] ${method} ${fullPath} → ${res.statusCode} (${Date.now() - started} ms)`);
		});
		res.on('close', () => {
			if (!res.writableFinished && core.opts.log) console.log(`[sandbox] ${method} ${fullPath} → connection closed`);
		});

		const isApi = fullPath === API_PREFIX || fullPath.startsWith(API_PREFIX + '/');
		const rel = isApi ? fullPath.slice(API_PREFIX.length) || '/' : fullPath;
		const match = core.router.match(method, rel, !isApi);
		if (match.kind === 'route') rec.route = match.route.template;
		const routeKey = `${method} ${rec.route ?? '(unmatched)'}`;
		core.counters.byRoute[routeKey] = (core.counters.byRoute[routeKey] ?? 0) + 1;
		const p = paths(method, fullPath, rec.route);

		const ctx = {
			core,
			state: core.state,
			req,
			res,
			method,
			path: fullPath,
			query,
			params: match.kind === 'route' ? match.params : {},
			route: match.kind === 'route' ? match.route : (undefined as unknown as Route),
			rec,
			user: undefined as unknown as User,
			body: undefined,
		} as Ctx;
		ctx.sendRaw = (status, data, contentType, headers = {}) => {
			if (res.headersSent) return;
			const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
			res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': buf.length, ...headers });
			res.end(buf);
		};
		ctx.send = (status, body, headers = {}) => {
			const m = core.faults.takeMalform(p);
			if (m) {
				const out = malform(m.kind, status, body);
				ctx.sendRaw(out.status, out.body, out.contentType, headers);
				return;
			}
			if (body === undefined) ctx.sendRaw(status, '', 'application/json', headers);
			else ctx.sendRaw(status, JSON.stringify(body), 'application/json', headers);
		};

		try {
			// The JSON body is read and recorded first, so that a request answered by an injected fault (or given
			// up by the client during a delay) is still recorded with what it sent.
			let raw: Buffer | undefined;
			if (match.kind === 'route' && match.route.opts.body === 'json') {
				raw = await readBody(req);
				if (raw.length) {
					try {
						rec.body = JSON.parse(raw.toString('utf8'));
					} catch {
						// refused below, after authentication, as before
					}
				}
			}
			const d = core.faults.takeDelay(p);
			if (d) await sleep(d.ms);
			const f = core.faults.takeFail(p);
			if (f) {
				req.resume();
				const headers: Record<string, string | number> = {};
				if (f.retryAfter !== undefined) headers['Retry-After'] = String(f.retryAfter);
				if (typeof f.body === 'string') {
					ctx.sendRaw(f.status, f.body, f.contentType ?? 'text/plain; charset=utf-8', headers);
				} else {
					const body = f.body ?? { msg: `Injected fault (HTTP ${f.status})`, code: ErrorCode.UNKNOWN };
					ctx.sendRaw(f.status, JSON.stringify(body), f.contentType ?? 'application/json', headers);
				}
				return;
			}
			if (match.kind === 'none') {
				// unknown: the real answer for an unknown route; the sandbox says 404 code 21 "Not supported"
				throw new ApiError(404, ErrorCode.NOT_SUPPORTED, `Not supported: no such route ${method} ${fullPath}`);
			}
			if (match.kind === 'method') {
				// unknown: the real answer for a known path with the wrong method
				throw new ApiError(405, ErrorCode.NOT_SUPPORTED, `Not supported: ${method} ${fullPath}`, { allowed: match.allowed }, { Allow: match.allowed.join(', ') });
			}
			authenticate(ctx);
			if (raw?.length) {
				try {
					ctx.body = JSON.parse(raw.toString('utf8'));
				} catch {
					throw new ApiError(400, ErrorCode.BAD_PARAMETER, 'Bad parameter value: the body is not valid JSON');
				}
			} else if (match.route.opts.body === 'none') {
				req.resume();
			}
			await match.route.handler(ctx);
		} catch (e) {
			if (e instanceof ApiError) {
				if (e.status >= 400 && match.kind === 'route' && match.route.opts.body === 'raw') req.resume();
				ctx.send(e.status, e.toModel(), e.headers);
			} else {
				if (core.opts.log) console.error('[sandbox] internal error', e);
				if (!res.headersSent) ctx.send(500, { msg: `Internal sandbox error: ${(e as Error)?.message ?? e}`, code: ErrorCode.UNKNOWN });
				else res.destroy();
			}
		}
	};
}
