/**
 * A tiny router. Templates are spec-style (`/file/metadata/{id}`), relative to `/api/1.0` unless
 * `root: true` (the upload endpoints at the site root). Literal segments win over `{param}` ones
 * (`/tracking/activity` before `/tracking/{id}`), a trailing slash is optional, routes are per method.
 */
import type { Ctx } from './server';

export type Handler = (ctx: Ctx) => unknown | Promise<unknown>;

export interface RouteOptions {
	/** 'required' (default): session token or API key; 'none': anonymous; 'partial': only a 207 login's
	 * partial session (POST /session/login); 'optional': the token is read if valid, never required */
	auth?: 'required' | 'none' | 'partial' | 'optional';
	/** 'json' (default for POST): the body is read and parsed before the handler; 'raw': the handler reads
	 * the request stream itself; 'none' (default for GET): nothing is read */
	body?: 'json' | 'raw' | 'none';
	/** served at the site root instead of under /api/1.0 */
	root?: boolean;
}

export interface Route {
	method: string;
	template: string;
	segments: string[];
	handler: Handler;
	opts: Required<Pick<RouteOptions, 'auth' | 'body'>> & { root: boolean };
}

export type Match =
	| { kind: 'route'; route: Route; params: Record<string, string> }
	| { kind: 'method'; allowed: string[] }
	| { kind: 'none' };

const split = (p: string) => p.split('/').filter((s) => s.length > 0);
const isParam = (s: string) => s.startsWith('{') && s.endsWith('}');

export class Router {
	readonly routes: Route[] = [];

	add(method: string, template: string, handler: Handler, opts: RouteOptions = {}): this {
		const m = method.toUpperCase();
		this.routes.push({
			method: m,
			template,
			segments: split(template),
			handler,
			opts: { auth: opts.auth ?? 'required', body: opts.body ?? (m === 'GET' ? 'none' : 'json'), root: opts.root ?? false },
		});
		return this;
	}

	get(template: string, handler: Handler, opts?: RouteOptions): this {
		return this.add('GET', template, handler, opts);
	}

	post(template: string, handler: Handler, opts?: RouteOptions): this {
		return this.add('POST', template, handler, opts);
	}

	/** `path` is relative to /api/1.0 when `root` is false. */
	match(method: string, path: string, root: boolean): Match {
		const segs = split(path);
		let best: { route: Route; params: Record<string, string>; score: number[] } | undefined;
		const allowed = new Set<string>();
		for (const r of this.routes) {
			if (r.opts.root !== root || r.segments.length !== segs.length) continue;
			const params: Record<string, string> = {};
			const score: number[] = [];
			let ok = true;
			for (let i = 0; i < segs.length; i++) {
				const t = r.segments[i];
				if (isParam(t)) {
					let v: string;
					try {
						v = decodeURIComponent(segs[i]);
					} catch {
						v = segs[i];
					}
					params[t.slice(1, -1)] = v;
					score.push(0);
				} else if (t === segs[i]) {
					score.push(1);
				} else {
					ok = false;
					break;
				}
			}
			if (!ok) continue;
			if (r.method !== method) {
				allowed.add(r.method);
				continue;
			}
			if (!best || compare(score, best.score) > 0) best = { route: r, params, score };
		}
		if (best) return { kind: 'route', route: best.route, params: best.params };
		if (allowed.size) return { kind: 'method', allowed: [...allowed] };
		return { kind: 'none' };
	}
}

function compare(a: number[], b: number[]): number {
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
	return 0;
}
