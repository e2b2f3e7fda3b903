/**
 * Download (CATALOGUE §3.6): download-link ids → one file raw, several ids or any folder → a ZIP, streamed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import { Readable } from 'stream';
import type { Router } from '../router';
import type { Ctx } from '../server';
import { ApiError, ErrorCode, missingParam, notFound } from '../errors';
import { validateBody } from '../validate';
import { recordActivity } from '../activity';
import type { FileNode, SandboxState } from '../state';
import { writeZip, zipSize, type ZipEntry } from '../zip';

/** unknown: how long a download id lives; the sandbox keeps it 15 minutes, and it is single-use (inferred). */
const DOWNLOAD_LINK_SECONDS = 900;

const MIME: Record<string, string> = {
	txt: 'text/plain', csv: 'text/csv', json: 'application/json', xml: 'application/xml', html: 'text/html', htm: 'text/html',
	md: 'text/markdown', pdf: 'application/pdf', zip: 'application/zip', gz: 'application/gzip', tar: 'application/x-tar',
	png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp',
	mp4: 'video/mp4', mp3: 'audio/mpeg', wav: 'audio/wav', doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pgp: 'application/pgp-encrypted', bin: 'application/octet-stream',
};

export function mimeOf(name: string): string {
	const ext = path.extname(name).slice(1).toLowerCase();
	return MIME[ext] ?? 'application/octet-stream';
}

export function contentDisposition(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	const enc = encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
	return `attachment; filename="${ascii}"; filename*=UTF-8''${enc}`;
}

export function openContent(f: FileNode): Readable {
	if (f.blob) return fs.createReadStream(f.blob, { highWaterMark: 1024 * 1024 });
	return Readable.from([f.inline ?? Buffer.alloc(0)]);
}

function zipEntries(st: SandboxState, roots: FileNode[]): ZipEntry[] {
	const out: ZipEntry[] = [];
	const add = (f: FileNode, prefix: string) => {
		if (f.type === 'F') {
			out.push({ name: prefix + f.name, mtime: f.modified, size: f.size, open: () => openContent(f) });
			return;
		}
		const dir = prefix + f.name + '/';
		out.push({ name: dir, mtime: f.modified, size: 0 });
		for (const c of f.children!.values()) add(c, dir);
	};
	for (const r of roots) add(r, '');
	void st;
	return out;
}

function downloadLink(ctx: Ctx): void {
	const b = validateBody<{ ids: string[] }>(ctx.body, { required: { ids: 'uuid[]' } });
	if (!b.ids.length) throw missingParam('ids');
	const ids = b.ids.map((id) => ctx.state.getFile(ctx.user.id, id).id);
	const link = { id: randomUUID(), userId: ctx.user.id, ids, created: ctx.state.now(), used: false };
	ctx.state.downloads.set(link.id, link);
	ctx.send(200, { id: link.id });
}

/** Streams a download id's content. A used or expired id gets 400 code 60 (inferred), an unknown one 404 code 20. */
async function download(ctx: Ctx): Promise<void> {
	const st = ctx.state;
	const id = String(ctx.params.id).toLowerCase();
	const link = st.downloads.get(id);
	if (!link || link.userId !== ctx.user.id) throw notFound('Download link', id);
	if (link.used || st.now() - link.created > DOWNLOAD_LINK_SECONDS) {
		throw new ApiError(400, ErrorCode.EXPIRED, 'Expired: the download link was used or has expired', { id });
	}
	const files = link.ids.map((x) => st.files.get(x)).filter((f): f is FileNode => !!f && st.canAccess(ctx.user.id, f));
	if (!files.length) throw notFound('File', link.ids[0]);
	link.used = true;
	const res = ctx.res;
	recordActivity(st, ctx.user, 'download', { files: files.map((f) => ({ id: f.id, name: f.name, parent_id: f.parent_id, type: f.type, size: f.size })), download_id: id });
	if (files.length === 1 && files[0].type === 'F') {
		const f = files[0];
		res.writeHead(200, {
			'Content-Type': mimeOf(f.name),
			'Content-Length': f.size,
			'Content-Disposition': contentDisposition(f.name),
		});
		const src = openContent(f);
		src.on('error', () => res.destroy());
		res.on('close', () => src.destroy());
		src.pipe(res);
		await new Promise((r) => res.once('close', r));
		return;
	}
	const entries = zipEntries(st, files);
	let length: number;
	try {
		length = zipSize(entries);
	} catch (e) {
		throw new ApiError(400, ErrorCode.NOT_SUPPORTED, `Not supported: ${(e as Error).message}`);
	}
	const name = files.length === 1 ? `${files[0].name}.zip` : 'download.zip';
	res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': length, 'Content-Disposition': contentDisposition(name) });
	try {
		await writeZip(res, entries);
		res.end();
	} catch {
		res.destroy();
	}
}

export function register(r: Router): void {
	r.post('/file/download-link', downloadLink);
	r.get('/file/download/{id}', download);
}
