/**
 * The HTTP control surface, so other processes (demo, benchmarks, a real n8n) can drive the sandbox.
 * Sandbox-only extensions, not part of Quatrix; never recorded in `requests`.
 *
 *   POST /__sandbox/faults        {op: 'failNext'|'malformNext'|'delay'|'cutNextChunk'|'expireAllSessions'|
 *                                  'expireSessionsEvery'|'expireUploadKeys'|'reset', ...spec}
 *                                 (`path` may be a string, "/re/<regex>/<flags>" or {regex, flags}; expireSessionsEvery takes {n})
 *   GET  /__sandbox/clock         → {now, frozen}
 *   POST /__sandbox/clock         {op: 'advance', seconds} | {op: 'set', epochSeconds} | {op: 'useRealTime'} → {now, frozen}
 *   GET  /__sandbox/stats         → stats()
 *   GET  /__sandbox/requests      → RecordedRequest[] (?since=<index> for the tail)
 *   POST /__sandbox/reset-log
 *   POST /__sandbox/seed-files    {parentId?, count, namePrefix?} → {ids} (parentId defaults to the admin's home)
 *   POST /__sandbox/seed-activity {events: Partial<ActivityEvent>[]} → ActivityEvent[]
 *   GET  /__sandbox/state         → summary (admin credentials, users, counts, pending faults)
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { revivePath } from './faults';
import type { Sandbox } from './index';

async function json(req: IncomingMessage): Promise<any> {
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	return text ? JSON.parse(text) : {};
}

export function controlHandler(sb: Sandbox) {
	return async (req: IncomingMessage, res: ServerResponse, path: string, query: Record<string, string>): Promise<void> => {
		const send = (status: number, body: unknown) => {
			const s = JSON.stringify(body ?? {});
			res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(s) });
			res.end(s);
		};
		const route = `${req.method} ${path.replace(/\/+$/, '')}`;
		const clock = () => ({ now: sb.clock.now(), frozen: sb.core.clock.isFrozen() });
		switch (route) {
			case 'POST /__sandbox/faults': {
				const { op, ...spec } = await json(req);
				if ('path' in spec) spec.path = revivePath(spec.path);
				const f = sb.faults;
				switch (op) {
					case 'failNext': f.failNext(spec); break;
					case 'malformNext': f.malformNext(spec); break;
					case 'delay': f.delay(spec); break;
					case 'cutNextChunk': f.cutNextChunk(spec); break;
					case 'expireAllSessions': f.expireAllSessions(); break;
					case 'expireSessionsEvery': f.expireSessionsEvery(Number(spec.n ?? spec.every ?? 0)); break;
					case 'expireUploadKeys': f.expireUploadKeys(); break;
					case 'reset': f.reset(); break;
					default: return send(400, { msg: `unknown op ${op}`, code: -1 });
				}
				return send(200, { ok: true });
			}
			case 'GET /__sandbox/clock':
				return send(200, clock());
			case 'POST /__sandbox/clock': {
				const b = await json(req);
				if (b.op === 'advance') sb.clock.advance(Number(b.seconds));
				else if (b.op === 'set') sb.clock.set(Number(b.epochSeconds));
				else if (b.op === 'useRealTime') sb.clock.useRealTime();
				else return send(400, { msg: `unknown op ${b.op}`, code: -1 });
				return send(200, clock());
			}
			case 'GET /__sandbox/stats':
				return send(200, sb.stats());
			case 'GET /__sandbox/requests': {
				const since = Number(query.since ?? 0) || 0;
				return send(200, sb.requests.slice(since));
			}
			case 'POST /__sandbox/reset-log':
				sb.resetLog();
				return send(200, { ok: true });
			case 'POST /__sandbox/seed-files': {
				const b = await json(req);
				const ids = sb.seedFiles(b.parentId ?? sb.admin.homeId, Number(b.count ?? 1), b.namePrefix);
				return send(200, { ids });
			}
			case 'POST /__sandbox/seed-activity': {
				const b = await json(req);
				return send(200, sb.seedActivity(Array.isArray(b) ? b : (b.events ?? [])));
			}
			case 'GET /__sandbox/state': {
				const st = sb.state;
				return send(200, {
					url: sb.url,
					admin: sb.admin,
					users: [...st.users.values()].map((u) => ({ id: u.id, email: u.email, name: u.name, homeId: u.homeId, trashId: u.trashId, apiKey: u.apiKey, mfa: u.mfa ?? null })),
					counts: {
						files: st.files.size,
						sessions: st.sessions.size,
						uploads: st.uploads.size,
						downloads: st.downloads.size,
						jobs: st.jobs.size,
						activity: st.activity.length,
						contacts: st.contacts.size,
						groups: st.groups.size,
						shares: st.shares.size,
					},
					clock: clock(),
					faults: sb.core.faults.pending(),
					dataDir: st.dataDir,
				});
			}
			default:
				return send(404, { msg: `unknown control route ${route}`, code: 20 });
		}
	};
}
