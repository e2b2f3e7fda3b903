/**
 * Fault injection (sandbox-only). Queued faults are matched in order; a fault with `path` applies only to
 * requests whose path matches: a string equals the full path, the path relative to /api/1.0 or the route
 * template (e.g. '/upload/chunked/{key}'); a RegExp is tested against the full and the relative path.
 */
export type PathSpec = string | RegExp;

export interface FailSpec {
	count?: number;
	status: number;
	retryAfter?: number;
	body?: unknown | string;
	contentType?: string;
	path?: PathSpec;
	method?: string;
}

export type MalformKind = 'html' | 'empty' | 'truncated-json' | 'wrong-types' | 'error-in-200';

export interface MalformSpec {
	kind: MalformKind;
	path?: PathSpec;
	count?: number;
}

export interface DelaySpec {
	ms: number;
	path?: PathSpec;
	count?: number;
}

export interface CutSpec {
	afterBytes?: number;
}

export interface RequestPaths {
	method: string;
	full: string;
	api?: string;
	template?: string;
}

type Queued<T> = T & { remaining: number };

export function pathMatches(spec: PathSpec | undefined, p: RequestPaths): boolean {
	if (spec === undefined) return true;
	const norm = (s: string) => (s.length > 1 && s.endsWith('/') ? s.slice(0, -1) : s);
	const cands = [p.full, p.api].filter((x): x is string => x !== undefined).map(norm);
	if (typeof spec === 'string') {
		const s = norm(spec);
		return cands.includes(s) || p.template === spec || norm('/api/1.0' + s) === norm(p.full);
	}
	return cands.some((c) => {
		spec.lastIndex = 0;
		return spec.test(c);
	});
}

/** Revives a path given over HTTP: "/re/.../flags" or {regex, flags} → RegExp; other strings stay strings. */
export function revivePath(p: unknown): PathSpec | undefined {
	if (p === undefined || p === null) return undefined;
	if (typeof p === 'object' && typeof (p as { regex?: unknown }).regex === 'string') {
		const o = p as { regex: string; flags?: string };
		return new RegExp(o.regex, o.flags);
	}
	if (typeof p === 'string') {
		const m = /^\/re\/(.*)\/([a-z]*)$/.exec(p);
		return m ? new RegExp(m[1], m[2]) : p;
	}
	throw new Error('path must be a string or {regex, flags}');
}

export class Faults {
	fails: Array<Queued<FailSpec>> = [];
	malforms: Array<Queued<MalformSpec>> = [];
	delays: Array<Queued<DelaySpec>> = [];
	cut: CutSpec | undefined;
	expireEvery = 0;
	authCounter = 0;

	constructor(
		private readonly hooks: { expireAllSessions(): void; expireUploadKeys(): void },
	) {}

	failNext(spec: FailSpec): void {
		if (!Number.isInteger(spec.status) || spec.status < 100 || spec.status > 599) throw new Error('failNext: status must be an HTTP status');
		this.fails.push({ ...spec, remaining: spec.count ?? 1 });
	}

	malformNext(spec: MalformSpec): void {
		if (!['html', 'empty', 'truncated-json', 'wrong-types', 'error-in-200'].includes(spec.kind)) throw new Error('malformNext: unknown kind');
		this.malforms.push({ ...spec, remaining: spec.count ?? 1 });
	}

	delay(spec: DelaySpec): void {
		this.delays.push({ ...spec, remaining: spec.count ?? 1 });
	}

	cutNextChunk(spec: CutSpec = {}): void {
		this.cut = spec;
	}

	expireAllSessions(): void {
		this.hooks.expireAllSessions();
	}

	expireSessionsEvery(n: number): void {
		this.expireEvery = Math.max(0, Math.floor(n));
		this.authCounter = 0;
	}

	expireUploadKeys(): void {
		this.hooks.expireUploadKeys();
	}

	reset(): void {
		this.fails = [];
		this.malforms = [];
		this.delays = [];
		this.cut = undefined;
		this.expireEvery = 0;
		this.authCounter = 0;
	}

	takeFail(p: RequestPaths): FailSpec | undefined {
		return take(this.fails, (f) => pathMatches(f.path, p) && (!f.method || f.method.toUpperCase() === p.method));
	}

	takeMalform(p: RequestPaths): MalformSpec | undefined {
		return take(this.malforms, (f) => pathMatches(f.path, p));
	}

	takeDelay(p: RequestPaths): DelaySpec | undefined {
		return take(this.delays, (f) => pathMatches(f.path, p));
	}

	takeCut(): CutSpec | undefined {
		const c = this.cut;
		this.cut = undefined;
		return c;
	}

	/** Counts one session-authenticated request; true when this one must find its session expired. */
	countAuthenticated(): boolean {
		if (this.expireEvery <= 0) return false;
		this.authCounter++;
		return this.authCounter % this.expireEvery === 0;
	}

	/** Summary for /__sandbox/state. */
	pending(): Record<string, unknown> {
		const s = (x: { path?: PathSpec }) => (x.path instanceof RegExp ? String(x.path) : x.path);
		return {
			fails: this.fails.map((f) => ({ ...f, path: s(f) })),
			malforms: this.malforms.map((f) => ({ ...f, path: s(f) })),
			delays: this.delays.map((f) => ({ ...f, path: s(f) })),
			cut: this.cut,
			expireEvery: this.expireEvery,
		};
	}
}

function take<T extends { remaining: number }>(q: T[], pred: (x: T) => boolean): T | undefined {
	const i = q.findIndex(pred);
	if (i < 0) return undefined;
	const f = q[i];
	f.remaining--;
	if (f.remaining <= 0) q.splice(i, 1);
	return f;
}

/** Applies a malformation to a JSON response: returns the status, content type and bytes to send. */
export function malform(kind: MalformKind, status: number, json: unknown): { status: number; contentType: string; body: string } {
	switch (kind) {
		case 'html':
			return {
				status,
				contentType: 'text/html; charset=utf-8',
				body: '<!DOCTYPE html><html><head><title>Service Temporarily Unavailable</title></head><body><h1>Service Temporarily Unavailable</h1><p>The proxy could not reach the application.</p></body></html>',
			};
		case 'empty':
			return { status, contentType: 'application/json', body: '' };
		case 'truncated-json': {
			const text = JSON.stringify(json ?? {});
			return { status, contentType: 'application/json', body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
		}
		case 'wrong-types':
			return { status, contentType: 'application/json', body: JSON.stringify(wrongTypes(json, 0)) };
		case 'error-in-200':
			return { status: 200, contentType: 'application/json', body: JSON.stringify({ msg: 'Internal error', code: -1 }) };
	}
}

/** Every value gets the wrong JSON type: string → number, number/boolean → string, array → object, object
 * (below the top level) → string; a top-level array becomes `{data: [...]}` with wrong-typed items. */
function wrongTypes(v: unknown, depth: number): unknown {
	if (typeof v === 'string') return v.length;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	if (v === null || v === undefined) return 0;
	if (Array.isArray(v)) return depth === 0 ? { data: v.map((x) => wrongTypes(x, 1)) } : { length: v.length };
	if (typeof v === 'object') {
		if (depth > 1) return '[object]';
		const out: Record<string, unknown> = {};
		for (const [k, x] of Object.entries(v)) out[k] = wrongTypes(x, depth + 1);
		return out;
	}
	return v;
}
