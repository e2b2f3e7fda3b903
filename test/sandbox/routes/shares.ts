/**
 * Shares, quicklinks and file requests (CATALOGUE §2 Share, §3.7): sender side (create, request, revoke)
 * and recipient side (download-info, files, download-link, anonymous download by download id).
 * Records live in `state.shares` as ShareRecord; tracking.ts, inbox.ts and filesReturn.ts read them.
 */
import { randomUUID } from 'crypto';
import type { Router } from '../router';
import type { Ctx } from '../server';
import { ApiError, ErrorCode, badParam, missingParam, notFound } from '../errors';
import { pathUuid, validateBody } from '../validate';
import { fileRef, recordActivity } from '../activity';
import type { ActivityEvent, FileNode, LooseRecord, SandboxState, User } from '../state';
import { writeZip, zipSize, type ZipEntry } from '../zip';
import { contentDisposition, mimeOf, openContent } from './download';

/** The docs' quicklink example expires 7 days after it activates. */
export const QUICKLINK_SECONDS = 604800;
/** unknown: how long a share download id lives; like file download ids, 15 minutes and single-use (inferred). */
const DOWNLOAD_ID_SECONDS = 900;

export interface ShareDownload {
	file_id: string;
	time: number;
	ip: string;
	recipient: string;
	name: string;
	size: number;
	duration: number;
}

export interface ShareRecord extends LooseRecord {
	id: string;
	kind: 'share' | 'quicklink' | 'request';
	owner_id: string;
	/** the folder holding the files (shares), or where returned/requested files land */
	folder_id: string;
	files: string[];
	/** user or contact ids */
	recipients: string[];
	subject: string;
	message: string;
	created: number;
	activates: number;
	/** 0 = never */
	expires: number;
	share_type: 'P' | 'T' | 'C';
	/** decoded PIN, if any */
	pin?: string;
	notify: boolean;
	send_email: boolean;
	return_files: boolean;
	pgp_encrypted: boolean;
	return_pgp_encrypted: boolean;
	message_signature: string;
	status: 'A' | 'D';
	/** ids of recipients who returned files */
	replied_by: string[];
	downloads: ShareDownload[];
}

interface ShareDownloadId {
	id: string;
	share_id: string;
	files: string[];
	user_id?: string;
	created: number;
	used: boolean;
}

export function shareRecords(st: SandboxState): ShareRecord[] {
	return [...st.shares.values()] as ShareRecord[];
}

/** Somebody a share can go to: a user or a contact (contacts live in state.contacts, kept by the contacts area). */
export function recipientOf(st: SandboxState, id: string): { id: string; email: string; name: string } | undefined {
	const user = st.users.get(id);
	if (user) return { id: user.id, email: user.email, name: user.name };
	const contact = st.contacts.get(id);
	if (contact) return { id: contact.id, email: String(contact.email ?? ''), name: String(contact.name ?? contact.email ?? '') };
	return undefined;
}

export function getShare(st: SandboxState, id: string): ShareRecord {
	const share = st.shares.get(id.toLowerCase()) as ShareRecord | undefined;
	if (!share) throw notFound('Share', id);
	return share;
}

/** Who may manage a share: its owner, or a super admin (unknown: the real "manageable users" rule). */
export function canManage(user: User, share: ShareRecord): boolean {
	return share.owner_id === user.id || user.superAdmin;
}

/** Who may open a share as a recipient: the named recipients, the owner, anyone for public shares and quicklinks. */
function canOpen(user: User | undefined, share: ShareRecord): boolean {
	if (share.kind === 'quicklink' || share.share_type === 'P') return true;
	if (!user) return false;
	return share.owner_id === user.id || share.recipients.includes(user.id);
}

/** A share that can still be used now: not revoked, active, not expired. */
export function assertUsable(st: SandboxState, share: ShareRecord): void {
	// unknown: the real codes for a revoked or not-yet-active share; the sandbox uses 70 (not allowed)
	if (share.status === 'D') throw new ApiError(400, ErrorCode.NOT_ALLOWED, 'Not allowed: the share was revoked', { id: share.id });
	if (share.expires > 0 && share.expires <= st.now()) throw new ApiError(400, ErrorCode.EXPIRED, 'Expired: the share has expired', { id: share.id });
	if (share.activates > st.now()) throw new ApiError(400, ErrorCode.NOT_ALLOWED, 'Not allowed: the share is not active yet', { id: share.id });
}

/** Shares whose PIN a caller has typed: "<user or anonymous>:<share id>". */
function unlocked(st: SandboxState): Set<string> {
	return ((st.ext.unlockedSharePins as Set<string> | undefined) ??= new Set<string>());
}

/** A PIN-protected share opens for its owner, or for a caller who typed the PIN (POST /share|quicklink/login-pin). */
function assertUnlocked(ctx: Ctx, share: ShareRecord): void {
	if (share.pin === undefined || share.owner_id === ctx.user?.id) return;
	if (unlocked(ctx.state).has(`${ctx.user?.id ?? 'anonymous'}:${share.id}`)) return;
	// unknown: the real status and code for a locked share; the sandbox answers 400 with 73 (not allowed without PIN)
	throw new ApiError(400, ErrorCode.NOT_ALLOWED_WITHOUT_PIN, 'Not allowed without PIN', { id: share.id });
}

/** POST /share/login-pin and POST /quicklink/login-pin: {id, pin (base64)}. */
function loginPin(kinds: ShareRecord['kind'][]) {
	return (ctx: Ctx): void => {
		const b = validateBody<{ id: string; pin: string }>(ctx.body, { required: { id: 'uuid', pin: 'string' } });
		const share = ctx.state.shares.get(b.id.toLowerCase()) as ShareRecord | undefined;
		// unknown: whether /share/login-pin also accepts quicklinks; the sandbox keeps them apart (code 20)
		if (!share || !kinds.includes(share.kind)) throw notFound('Share', b.id);
		if (share.pin === undefined || decodePin(b.pin) !== share.pin) {
			throw new ApiError(401, ErrorCode.FAILED_PIN, 'Failed PIN', { id: share.id });
		}
		unlocked(ctx.state).add(`${ctx.user?.id ?? 'anonymous'}:${share.id}`);
		ctx.send(200, {});
	};
}

function openShare(ctx: Ctx, id: string): ShareRecord {
	const share = getShare(ctx.state, id);
	// a share the caller may not open looks like no share at all
	if (!canOpen(ctx.user, share)) throw notFound('Share', id);
	return share;
}

/** Adds a share activity row; share rows carry the share's status. */
export function recordShareActivity(st: SandboxState, user: User, action: string, share: ShareRecord, extra: Record<string, unknown> = {}, event = 'share'): ActivityEvent {
	const ev = recordActivity(st, user, action, { share_id: share.id, kind: share.kind, subject: share.subject, ...extra }, { event });
	ev.share_status = share.status;
	return ev;
}

function decodePin(pin: string | undefined): string | undefined {
	if (pin === undefined || pin === '') return undefined;
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(pin) || pin.length % 4 !== 0) throw badParam('Bad parameter value: pin must be base64', { name: 'pin' });
	return Buffer.from(pin, 'base64').toString('utf8');
}

function sharedFiles(ctx: Ctx, ids: string[]): FileNode[] {
	if (!ids.length) throw missingParam('files');
	return ids.map((id) => ctx.state.getFile(ctx.user.id, id));
}

function newShare(ctx: Ctx, p: Partial<ShareRecord> & Pick<ShareRecord, 'kind' | 'folder_id' | 'files' | 'recipients'>): ShareRecord {
	const t = ctx.state.now();
	const share: ShareRecord = {
		id: randomUUID(),
		owner_id: ctx.user.id,
		subject: '',
		message: '',
		created: t,
		activates: t,
		expires: 0,
		share_type: 'T',
		notify: false,
		send_email: false,
		return_files: false,
		pgp_encrypted: false,
		return_pgp_encrypted: false,
		message_signature: '',
		status: 'A',
		replied_by: [],
		downloads: [],
		...p,
	};
	ctx.state.shares.set(share.id, share);
	return share;
}

function recipientsOf(ctx: Ctx, ids: string[], field: string): string[] {
	if (!ids.length) throw missingParam(field);
	return [...new Set(ids.map((id) => id.toLowerCase()))].map((id) => {
		if (!recipientOf(ctx.state, id)) throw notFound('Contact', id);
		return id;
	});
}

/** POST /share/create → 201 {id, activates} */
function create(ctx: Ctx): void {
	const b = validateBody<{
		contacts: string[];
		files: string[];
		folder_id: string;
		subject?: string;
		message?: string;
		expires?: number;
		activates?: number;
		return_files?: boolean;
		pgp_encrypted?: boolean;
		return_pgp_encrypted?: boolean;
		message_signature?: string;
		notify?: boolean;
		share_type?: string;
		pin?: string;
		send_email?: boolean;
	}>(ctx.body, {
		required: { contacts: 'uuid[]', files: 'uuid[]', folder_id: 'string' },
		optional: {
			subject: 'string',
			message: 'string',
			expires: 'number',
			activates: 'number',
			return_files: 'boolean',
			pgp_encrypted: 'boolean',
			return_pgp_encrypted: 'boolean',
			message_signature: 'string',
			notify: 'boolean',
			share_type: 'string',
			pin: 'string',
			send_email: 'boolean',
		},
	});
	const st = ctx.state;
	const shareType = (b.share_type ?? 'T') as ShareRecord['share_type'];
	if (!['P', 'T', 'C'].includes(shareType)) throw badParam('Bad parameter value: share_type must be P, T or C', { name: 'share_type' });
	const folder = st.getFolder(ctx.user.id, b.folder_id);
	const files = sharedFiles(ctx, b.files);
	// unknown: the real check; the sandbox wants every file directly in folder_id ("files from one folder")
	for (const f of files) if (f.parent_id !== folder.id) throw badParam(`Bad parameter value: ${f.name} is not in folder_id`, { name: 'files', id: f.id });
	const recipients = recipientsOf(ctx, b.contacts, 'contacts');
	const now = st.now();
	const activates = b.activates && b.activates > 0 ? b.activates : now;
	const expires = b.expires ?? 0;
	if (expires !== 0 && expires <= activates) throw badParam('Bad parameter value: expires must be after activates', { name: 'expires' });
	// unknown: whether Quatrix refuses an expiry in the past; the sandbox does
	if (expires !== 0 && expires <= now) throw badParam('Bad parameter value: expires is in the past', { name: 'expires' });
	if (b.pgp_encrypted && shareType === 'P') throw badParam('Bad parameter value: PGP encryption is disabled for public shares', { name: 'pgp_encrypted' });
	const share = newShare(ctx, {
		kind: 'share',
		folder_id: folder.id,
		files: files.map((f) => f.id),
		recipients,
		subject: b.subject ?? '',
		message: b.message ?? '',
		activates,
		expires,
		share_type: shareType,
		pin: decodePin(b.pin),
		notify: b.notify ?? false,
		send_email: b.send_email ?? false,
		return_files: b.return_files ?? false,
		pgp_encrypted: b.pgp_encrypted ?? false,
		return_pgp_encrypted: b.return_pgp_encrypted ?? false,
		message_signature: b.message_signature ?? '',
	});
	const fileRefs = files.map((f) => fileRef(st, f));
	recordShareActivity(st, ctx.user, 'create', share, { files: fileRefs, recipients });
	if (share.send_email) recordShareActivity(st, ctx.user, 'sent-email', share, { recipients: recipients.map((id) => recipientOf(st, id)?.email) });
	ctx.send(201, { id: share.id, activates: share.activates });
}

/** POST /quicklink/create → 201 {id, activates, expires, files} */
function createQuicklink(ctx: Ctx): void {
	const b = validateBody<{ files: string[]; subject?: string; pin?: string }>(ctx.body, {
		required: { files: 'uuid[]' },
		optional: { subject: 'string', pin: 'string' },
	});
	const files = sharedFiles(ctx, b.files);
	const now = ctx.state.now();
	const share = newShare(ctx, {
		kind: 'quicklink',
		// unknown: which folder a quicklink belongs to; the sandbox takes the first file's
		folder_id: files[0].parent_id,
		files: files.map((f) => f.id),
		recipients: [],
		subject: b.subject ?? '',
		share_type: 'P',
		activates: now,
		expires: now + QUICKLINK_SECONDS,
		pin: decodePin(b.pin),
	});
	recordShareActivity(ctx.state, ctx.user, 'created-link', share, { files: files.map((f) => fileRef(ctx.state, f)) });
	ctx.send(201, { id: share.id, activates: share.activates, expires: share.expires, files: share.files });
}

function revokeAny(ctx: Ctx, kinds: Array<ShareRecord['kind']>): void {
	const id = pathUuid(ctx.params);
	const share = getShare(ctx.state, id);
	if (!kinds.includes(share.kind) || !canManage(ctx.user, share)) throw notFound(kinds.includes('quicklink') && kinds.length === 1 ? 'Quicklink' : 'Share', id);
	if (share.status !== 'D') {
		share.status = 'D';
		recordShareActivity(ctx.state, ctx.user, 'revoke', share);
	}
	ctx.send(200, { id: share.id });
}

/** POST /share/request → 200 {id, url, job_id} */
function request(ctx: Ctx): void {
	const b = validateBody<{ ids: string[]; folder_id?: string; message?: string; send_email?: boolean; return_pgp_encrypted?: boolean }>(ctx.body, {
		required: { ids: 'uuid[]' },
		optional: { folder_id: 'uuid', message: 'string', send_email: 'boolean', return_pgp_encrypted: 'boolean' },
	});
	const st = ctx.state;
	const recipients = recipientsOf(ctx, b.ids, 'ids');
	// unknown: where requested files land without folder_id; the sandbox uses the home folder
	const folder = st.getFolder(ctx.user.id, b.folder_id ?? ctx.user.homeId);
	const share = newShare(ctx, {
		kind: 'request',
		folder_id: folder.id,
		files: [],
		recipients,
		message: b.message ?? '',
		send_email: b.send_email ?? true,
		return_files: true,
		return_pgp_encrypted: b.return_pgp_encrypted ?? false,
	});
	recordShareActivity(st, ctx.user, 'create', share, { recipients, request: true });
	const job = st.addJob('share-request-email', ctx.user.id, { share_id: share.id });
	if (share.send_email) recordShareActivity(st, ctx.user, 'sent-email', share, { recipients: recipients.map((id) => recipientOf(st, id)?.email) });
	// unknown: the real request link format
	ctx.send(200, { id: share.id, url: `${ctx.core.url}/request/${share.id}`, job_id: job.id });
}

/** GET /share/recipients?email= → contacts and users whose email starts with it (an array; the spec's schema says one object). */
function recipients(ctx: Ctx): void {
	const prefix = String(ctx.query.email ?? '').toLowerCase();
	const rows: Array<Record<string, unknown>> = [];
	for (const u of ctx.state.users.values()) rows.push({ id: u.id, name: u.name, email: u.email, has_key: false });
	for (const c of ctx.state.contacts.values()) {
		// personal contacts are their owner's only (as in the contacts area)
		if (c.personal && c.owner_id !== ctx.user.id) continue;
		rows.push({ id: c.id, name: c.name ?? '', email: c.email ?? '', has_key: Boolean(c.has_key) });
	}
	ctx.send(200, rows.filter((r) => String(r.email).toLowerCase().startsWith(prefix)));
}

/** GET /share/download-info/{id} */
function downloadInfo(ctx: Ctx): void {
	const st = ctx.state;
	const share = openShare(ctx, pathUuid(ctx.params));
	const sender = st.users.get(share.owner_id);
	ctx.send(200, {
		id: share.id,
		subject: share.subject,
		message: share.message,
		title: share.subject,
		sender_email: sender?.email ?? '',
		sender_name: sender?.name ?? '',
		share_type: share.share_type,
		activates: share.activates,
		expires: share.expires,
		expired: share.expires > 0 && share.expires <= st.now(),
		// unknown: the status vocabulary; the sandbox uses A (active) and D (revoked) like the activity log
		status: share.status,
		pin_protected: share.pin !== undefined,
		pgp_encrypted: share.pgp_encrypted,
		pgp_enabled: false,
		is_reply: false,
		locale: 'en',
		user_id: ctx.user.id,
		user_email: ctx.user.email,
		user_name: ctx.user.name,
	});
}

function liveFiles(st: SandboxState, share: ShareRecord): FileNode[] {
	return share.files.map((id) => st.files.get(id)).filter((f): f is FileNode => !!f && !st.isInTrash(f));
}

/** GET /share/files/{id} */
function files(ctx: Ctx): void {
	const st = ctx.state;
	const share = openShare(ctx, pathUuid(ctx.params));
	assertUsable(st, share);
	assertUnlocked(ctx, share);
	ctx.send(
		200,
		liveFiles(st, share).map((f) => ({
			id: f.id,
			name: f.name,
			size: f.type === 'F' ? f.size : st.recursiveSize(f),
			type: f.type,
			count: f.type === 'F' ? 1 : [...st.walk(f)].filter((n) => n.type === 'F').length,
			download_locked: false,
		})),
	);
}

function downloadIds(st: SandboxState): Map<string, ShareDownloadId> {
	return ((st.ext.shareDownloadIds as Map<string, ShareDownloadId> | undefined) ??= new Map()) as Map<string, ShareDownloadId>;
}

/** GET|POST /share/download-link/{id} → {id} */
function downloadLink(ctx: Ctx): void {
	const st = ctx.state;
	const share = openShare(ctx, pathUuid(ctx.params));
	assertUsable(st, share);
	assertUnlocked(ctx, share);
	let chosen = share.files;
	if (ctx.method === 'POST') {
		const b = validateBody<{ files?: string[] }>(ctx.body, { optional: { files: 'uuid[]' } });
		if (b.files?.length) {
			chosen = b.files.map((id) => id.toLowerCase());
			for (const id of chosen) if (!share.files.includes(id)) throw notFound('Shared file', id);
		}
	}
	const link: ShareDownloadId = { id: randomUUID(), share_id: share.id, files: chosen, user_id: ctx.user?.id, created: st.now(), used: false };
	downloadIds(st).set(link.id, link);
	ctx.send(200, { id: link.id });
}

function entriesOf(roots: FileNode[]): ZipEntry[] {
	const out: ZipEntry[] = [];
	const add = (f: FileNode, prefix: string) => {
		if (f.type === 'F') {
			out.push({ name: prefix + f.name, mtime: f.modified, size: f.size, open: () => openContent(f) });
			return;
		}
		out.push({ name: `${prefix}${f.name}/`, mtime: f.modified, size: 0 });
		for (const c of f.children!.values()) add(c, `${prefix}${f.name}/`);
	};
	for (const r of roots) add(r, '');
	return out;
}

/** GET /share/download/{id}: anonymous, the download id is the capability; one file raw, else a ZIP. */
async function download(ctx: Ctx): Promise<void> {
	const st = ctx.state;
	const id = String(ctx.params.id).toLowerCase();
	const link = downloadIds(st).get(id);
	if (!link) throw notFound('Download link', id);
	if (link.used || st.now() - link.created > DOWNLOAD_ID_SECONDS) throw new ApiError(400, ErrorCode.EXPIRED, 'Expired: the download link was used or has expired', { id });
	const share = getShare(st, link.share_id);
	assertUsable(st, share);
	const roots = link.files.map((fid) => st.files.get(fid)).filter((f): f is FileNode => !!f && !st.isInTrash(f));
	if (!roots.length) throw notFound('File', link.files[0]);
	link.used = true;
	const who = link.user_id ? st.users.get(link.user_id) : undefined;
	const ip = String(ctx.req.socket.remoteAddress ?? '127.0.0.1');
	for (const f of roots) share.downloads.push({ file_id: f.id, time: st.now(), ip, recipient: who?.email ?? '', name: f.name, size: f.size, duration: 0 });
	const owner = st.users.get(share.owner_id);
	if (owner) recordShareActivity(st, who ?? owner, 'download', share, { files: roots.map((f) => fileRef(st, f)), download_id: id, ip });
	const res = ctx.res;
	if (roots.length === 1 && roots[0].type === 'F') {
		const f = roots[0];
		res.writeHead(200, { 'Content-Type': mimeOf(f.name), 'Content-Length': f.size, 'Content-Disposition': contentDisposition(f.name) });
		const src = openContent(f);
		src.on('error', () => res.destroy());
		res.on('close', () => src.destroy());
		src.pipe(res);
		await new Promise((r) => res.once('close', r));
		return;
	}
	const entries = entriesOf(roots);
	const name = roots.length === 1 ? `${roots[0].name}.zip` : `${share.subject || 'share'}.zip`;
	res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': zipSize(entries), 'Content-Disposition': contentDisposition(name) });
	try {
		await writeZip(res, entries);
		res.end();
	} catch {
		res.destroy();
	}
}

export function register(r: Router): void {
	r.get('/share/recipients', recipients);
	r.post('/share/create', create);
	r.get('/share/revoke/{id}', (ctx) => revokeAny(ctx, ['share', 'request', 'quicklink']));
	r.post('/share/request', request);
	r.get('/share/download-info/{id}', downloadInfo);
	r.get('/share/files/{id}', files);
	r.get('/share/download-link/{id}', downloadLink);
	r.post('/share/download-link/{id}', downloadLink, { body: 'json' });
	r.get('/share/download/{id}', download, { auth: 'none' });
	r.post('/quicklink/create', createQuicklink);
	r.post('/share/login-pin', loginPin(['share', 'request']));
	r.post('/quicklink/login-pin', loginPin(['quicklink']));
	r.get('/quicklink/revoke/{id}', (ctx) => revokeAny(ctx, ['quicklink']));
}
