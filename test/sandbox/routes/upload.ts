/**
 * Upload (CATALOGUE §3.1–3.3): upload/link or file/modify → chunked POSTs at the site root → finalize;
 * or one multipart POST. Chunk bytes are streamed into a temp file under dataDir/uploads; the file only
 * appears in listings once finalized (unknown: whether the real service lists a reserved, unfinished
 * file; the sandbox never does), and an expired or abandoned upload leaves nothing behind.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import { Transform, type TransformCallback } from 'stream';
import { pipeline } from 'stream/promises';
import type { Router } from '../router';
import type { Ctx } from '../server';
import { ApiError, ErrorCode, badParam, exists, notFound, restricted } from '../errors';
import { checkName, queryNumber, validateBody } from '../validate';
import { fileRef, recordActivity, recordChange } from '../activity';
import type { FileNode, Upload } from '../state';
import { secs } from './files';

const MAX_MULTIPART = 512 * 1024 * 1024;

/**
 * unknown: the status/code of an expired or already-finalized key; the sandbox answers 400 code 60
 * ("Expired error"), and 404 code 20 for a key it never issued. Keys live `uploadKeySeconds` after their
 * last use (sliding; unknown whether the real 15 minutes count from issue or from last use).
 */
function getUpload(ctx: Ctx, key: string): Upload {
	const st = ctx.state;
	const up = st.uploads.get(key);
	if (up && !up.busy && st.now() - up.touched > ctx.core.opts.uploadKeySeconds) st.expireUpload(up);
	const live = st.uploads.get(key);
	if (live) return live;
	const dead = st.deadUploadKeys.get(key);
	if (dead) {
		throw new ApiError(400, ErrorCode.EXPIRED, dead === 'finalized' ? 'Expired: the upload key was already used' : 'Expired: the upload key has expired', {
			upload_key: key,
		});
	}
	throw notFound('Upload key', key);
}

function newUpload(ctx: Ctx, p: Omit<Upload, 'key' | 'received' | 'tmpPath' | 'touched' | 'busy' | 'started' | 'userId'>): Upload {
	const st = ctx.state;
	st.sweepUploads(ctx.core.opts.uploadKeySeconds);
	const key = randomUUID();
	const up: Upload = { ...p, key, userId: ctx.user.id, received: 0, tmpPath: path.join(st.uploadDir, `${key}.part`), touched: st.now(), busy: false, started: st.now() };
	fs.writeFileSync(up.tmpPath, '');
	st.uploads.set(key, up);
	return up;
}

function link(ctx: Ctx): void {
	const b = validateBody<{ name: string; parent_id: string; resolve?: boolean; file_size?: number }>(ctx.body, {
		required: { name: 'string', parent_id: 'uuid' },
		optional: { resolve: 'boolean', file_size: 'integer' },
	});
	const name = checkName(b.name);
	if (b.file_size !== undefined && b.file_size < 0) throw badParam('Bad parameter value: file_size must be >= 0', { name: 'file_size' });
	const st = ctx.state;
	const parent = st.getFolder(ctx.user.id, b.parent_id);
	if (parent.type === 'T' || st.isInTrash(parent)) throw restricted('Restriction error: cannot upload into TRASH');
	const final = st.resolveName(parent, name, b.resolve);
	const up = newUpload(ctx, { mode: 'new', fileId: randomUUID(), parentId: parent.id, name: final, declaredSize: b.file_size });
	ctx.send(200, { upload_key: up.key, file_id: up.fileId, parent_id: up.parentId, name: up.name });
}

/** `truncate` is taken as the new content length, like `file_size` (inferred from the C# client). */
function modify(ctx: Ctx): void {
	const b = validateBody<{ id: string; truncate?: number; name?: string }>(ctx.body, {
		required: { id: 'uuid' },
		optional: { truncate: 'integer', name: 'string' },
	});
	const st = ctx.state;
	const f = st.getFile(ctx.user.id, b.id);
	if (f.type !== 'F') throw badParam('Bad parameter value: id is not a file', { name: 'id' });
	if (b.truncate !== undefined && b.truncate < 0) throw badParam('Bad parameter value: truncate must be >= 0', { name: 'truncate' });
	const parent = st.files.get(f.parent_id)!;
	let name = f.name;
	if (b.name !== undefined && b.name !== f.name) {
		name = checkName(b.name);
		if (st.nameTaken(parent, name, f.id)) throw exists(`Object exists: ${name}`, { name, parent_id: parent.id });
	}
	const up = newUpload(ctx, { mode: 'modify', fileId: f.id, parentId: parent.id, name, declaredSize: b.truncate });
	ctx.send(200, { upload_key: up.key, file_id: f.id, parent_id: parent.id, name });
}

const RANGE_RE = /^bytes\s+(\d+)-(\d+)\/(\d+)$/i;

/** Counts bytes; fails on more than `limit`; cuts the connection at `cutAt` (fault). */
class Meter extends Transform {
	count = 0;
	cut = false;
	constructor(
		private limit: number,
		private cutAt: number | undefined,
		private onCut: () => void,
	) {
		super();
	}
	_transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
		const before = this.count;
		this.count += chunk.length;
		if (this.cutAt !== undefined && this.count >= this.cutAt) {
			this.push(chunk.subarray(0, this.cutAt - before));
			this.cut = true;
			this.onCut();
			cb(new Error('sandbox: connection cut by fault'));
			return;
		}
		if (this.count > this.limit) {
			cb(new ApiError(400, ErrorCode.BAD_PARAMETER, 'Bad parameter value: more bytes than Content-Range says'));
			return;
		}
		cb(null, chunk);
	}
}

async function truncateTo(p: string, size: number): Promise<void> {
	await fs.promises.truncate(p, size).catch(() => undefined);
}

/**
 * One chunk. The range must start at the bytes received so far; re-sending the last acknowledged range is
 * accepted (idempotent: the file is cut back to its start and rewritten). The total is constant and equals
 * file_size when that was declared. The key is the capability (unknown whether the real endpoint also checks
 * X-Auth-Token; the C# client sends none).
 */
async function chunk(ctx: Ctx): Promise<void> {
	const st = ctx.state;
	const up = getUpload(ctx, ctx.params.key);
	// A chunk re-sent right after a cut connection can arrive while the cut one is still being rolled back: wait
	// for that to settle (the chunks of one upload are handled one after the other) instead of refusing it.
	for (let waited = 0; up.busy && waited < 2000; waited += 10) await new Promise((settled) => setTimeout(settled, 10));
	const cr = ctx.req.headers['content-range'];
	if (typeof cr !== 'string') throw new ApiError(400, ErrorCode.MISSING_PARAMETER, 'Missing parameter: Content-Range', { name: 'Content-Range' });
	const m = RANGE_RE.exec(cr.trim());
	if (!m) throw badParam('Bad parameter value: Content-Range must be "bytes first-last/total"', { name: 'Content-Range' });
	const [first, last, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const bad = (msg: string, details: Record<string, unknown> = {}) =>
		badParam(`Bad parameter value: ${msg}`, { name: 'Content-Range', received: up.received, ...details });
	if (last < first || last >= total) throw bad('bad range');
	if (up.total !== undefined && total !== up.total) throw bad(`total must stay ${up.total}`);
	if (up.declaredSize !== undefined && total !== up.declaredSize) throw bad(`total must equal the declared size ${up.declaredSize}`);
	if (up.busy) throw bad('another chunk of this upload is in progress');
	let start = up.received;
	if (first !== up.received) {
		if (up.lastRange && up.lastRange.first === first && up.lastRange.last === last) start = first;
		else throw bad(`the range must start at byte ${up.received}`, { expected: up.received });
	}
	const len = last - first + 1;
	const cl = ctx.req.headers['content-length'];
	if (cl !== undefined && Number(cl) !== len) throw bad(`Content-Length ${cl} does not match the range length ${len}`);

	const cut = ctx.core.faults.takeCut();
	const cutAt = cut ? Math.min(Math.max(0, cut.afterBytes ?? Math.floor(len / 2)), len) : undefined;
	up.busy = true;
	const prevReceived = up.received;
	const prevRange = up.lastRange;
	try {
		await truncateTo(up.tmpPath, start);
		const ws = fs.createWriteStream(up.tmpPath, { flags: 'r+', start });
		const meter = new Meter(len, cutAt === len ? undefined : cutAt, () => ctx.req.socket?.destroy());
		let failed: unknown;
		try {
			await pipeline(ctx.req, meter, ws);
		} catch (e) {
			failed = e;
		}
		if (!ws.closed) await new Promise<void>((r) => ws.once('close', () => r()));
		const cutNow = meter.cut || (cutAt === len && meter.count === len);
		if (failed || cutNow || meter.count !== len) {
			// back to the last fully acknowledged state; after a failed re-send of the last chunk that is its start
			await truncateTo(up.tmpPath, start);
			up.received = start;
			up.lastRange = start === prevReceived ? prevRange : undefined;
			if (cutNow) {
				ctx.req.socket?.destroy();
				return;
			}
			if (failed instanceof ApiError) throw failed;
			if (ctx.req.destroyed || ctx.res.destroyed) return;
			throw bad(`received ${meter.count} bytes, expected ${len}`);
		}
		if (st.uploads.get(up.key) !== up) throw new ApiError(400, ErrorCode.EXPIRED, 'Expired: the upload key has expired', { upload_key: up.key });
		up.received = last + 1;
		up.total = total;
		up.lastRange = { first, last };
		up.touched = st.now();
	} finally {
		up.busy = false;
		if (st.uploads.get(up.key) !== up) fs.rm(up.tmpPath, { force: true }, () => undefined);
	}
	// unknown: the body of a chunk answer (clients ignore it)
	ctx.send(200, {});
}

function commit(ctx: Ctx, up: Upload, mtime: number | undefined): FileNode {
	const st = ctx.state;
	// the uploader (chunked/multipart calls are anonymous: the key is the capability)
	const user = st.users.get(up.userId)!;
	const t = st.now();
	const blob = st.blobPath();
	let f: FileNode;
	if (up.mode === 'new') {
		const parent = st.files.get(up.parentId);
		if (!parent || !st.isFolder(parent)) {
			st.expireUpload(up);
			throw notFound('Folder', up.parentId);
		}
		st.uploads.delete(up.key); // frees the reserved name
		const name = st.nameTaken(parent, up.name) ? st.uniqueName(parent, up.name) : up.name;
		f = st.newNode({ id: up.fileId, parent_id: parent.id, name, type: 'F', owner_id: parent.owner_id, creator_id: user.id });
		st.attach(parent, f);
		parent.modified = t;
	} else {
		const existing = st.files.get(up.fileId);
		if (!existing) {
			st.expireUpload(up);
			throw notFound('File', up.fileId);
		}
		f = existing;
		st.uploads.delete(up.key);
		if (up.name !== f.name) {
			const parent = st.files.get(f.parent_id)!;
			st.detach(f);
			f.name = st.uniqueName(parent, up.name, f.id);
			st.attach(parent, f);
		}
		if (f.blob) fs.rm(f.blob, { force: true }, () => undefined);
		f.inline = undefined;
	}
	fs.renameSync(up.tmpPath, blob);
	f.blob = blob;
	f.size = up.received;
	f.modified = mtime ?? t;
	f.content_modified = t;
	st.deadUploadKeys.set(up.key, 'finalized');
	recordChange(st, f, up.mode === 'new' ? 'create' : 'modify');
	recordActivity(st, user, 'upload', { files: [fileRef(st, f)], parent_id: f.parent_id, ...(up.mode === 'modify' ? { modify: true } : {}) }, {
		duration: Math.max(0, t - up.started),
	});
	return f;
}

function finalize(ctx: Ctx): void {
	const key = ctx.params.id;
	const up = getUpload(ctx, key);
	if (up.userId !== ctx.user.id) throw notFound('Upload key', key);
	if (up.busy) throw badParam('Bad parameter value: a chunk is still in progress');
	const mtime = queryNumber(ctx.query, 'mtime');
	const expected = up.total ?? up.declaredSize ?? 0;
	if (up.received < expected) {
		throw badParam(`Bad parameter value: upload incomplete (${up.received} of ${expected} bytes)`, { received: up.received, total: expected });
	}
	const f = commit(ctx, up, mtime);
	ctx.send(200, { id: f.id, parent_id: f.parent_id, size: f.size, modified: secs(f.modified) });
}

/** Multipart (CATALOGUE §3.2): one part, field `file`; no finalize; the key is used up. The body is
 * buffered in memory (at most 512 MiB) — use chunked uploads for big files. unknown: the response shape;
 * the sandbox answers like finalize. */
async function multipart(ctx: Ctx): Promise<void> {
	const up = getUpload(ctx, ctx.params.key);
	const ct = String(ctx.req.headers['content-type'] ?? '');
	const bm = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(ct);
	if (!/^multipart\/form-data/i.test(ct) || !bm) throw badParam('Bad parameter value: expected multipart/form-data');
	const boundary = Buffer.from(`--${bm[1] ?? bm[2]}`);
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const c of ctx.req) {
		size += (c as Buffer).length;
		if (size > MAX_MULTIPART) throw new ApiError(413, ErrorCode.BAD_PARAMETER, 'Multipart body too large for the sandbox');
		chunks.push(c as Buffer);
	}
	const body = Buffer.concat(chunks);
	let data: Buffer | undefined;
	let pos = body.indexOf(boundary);
	while (pos >= 0) {
		const headStart = pos + boundary.length + 2;
		const headEnd = body.indexOf('\r\n\r\n', headStart);
		if (headEnd < 0) break;
		const head = body.subarray(headStart, headEnd).toString('utf8');
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), boundary]), headEnd + 4);
		if (next < 0) break;
		if (/name="file"/i.test(head) || (!data && /filename=/i.test(head))) data = body.subarray(headEnd + 4, next);
		pos = next + 2;
	}
	if (!data) throw new ApiError(400, ErrorCode.MISSING_PARAMETER, 'Missing parameter: file', { name: 'file' });
	fs.writeFileSync(up.tmpPath, data);
	up.received = data.length;
	const f = commit(ctx, up, undefined);
	ctx.send(200, { id: f.id, parent_id: f.parent_id, size: f.size, modified: secs(f.modified) });
}

export function register(r: Router): void {
	r.post('/upload/link', link);
	r.post('/file/modify', modify);
	r.get('/upload/finalize/{id}', finalize);
	r.post('/upload/chunked/{key}', chunk, { root: true, auth: 'none', body: 'raw' });
	r.post('/upload/multipart/{key}', multipart, { root: true, auth: 'none', body: 'raw' });
}

