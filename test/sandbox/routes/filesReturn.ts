/**
 * Files-return (CATALOGUE §3.8): a recipient of a share made with return_files, or of a file request, puts files
 * into the sender's return folder: metadata, makedir, upload-link (then the ordinary chunked upload and
 * finalize), send. unknown: where returned files land; the sandbox uses the share's folder_id (for requests the
 * folder given, else the sender's home).
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import type { Router } from '../router';
import type { Ctx } from '../server';
import { badParam, missingParam, notFound, restricted } from '../errors';
import { checkName, pathUuid, validateBody } from '../validate';
import { fileRef, recordChange } from '../activity';
import type { FileNode, Upload } from '../state';
import { secs } from './files';
import { assertUsable, getShare, recordShareActivity, type ShareRecord } from './shares';

/** unknown: the real per-share file limit; the sandbox reports 1000. */
const FILES_PER_SHARE = 1000;

function returnable(ctx: Ctx, id: string): ShareRecord {
	const share = getShare(ctx.state, id);
	if (share.kind === 'quicklink' || !share.recipients.includes(ctx.user.id)) throw notFound('Share', id);
	if (!share.return_files) throw restricted('Restriction error: this share does not accept returned files', { id });
	assertUsable(ctx.state, share);
	return share;
}

function returnFolder(ctx: Ctx, share: ShareRecord): FileNode {
	const folder = ctx.state.files.get(share.folder_id);
	if (!folder || !ctx.state.isFolder(folder)) throw notFound('Folder', share.folder_id);
	return folder;
}

/** A parent_id inside the share's return folder (or the folder itself). */
function parentIn(ctx: Ctx, share: ShareRecord, parentId: string | undefined): FileNode {
	const root = returnFolder(ctx, share);
	if (!parentId) return root;
	const parent = ctx.state.files.get(parentId.toLowerCase());
	if (!parent || !ctx.state.isFolder(parent) || !ctx.state.isDescendantOrSelf(parent, root.id)) throw notFound('Folder', parentId);
	return parent;
}

function metadata(ctx: Ctx): void {
	const share = returnable(ctx, pathUuid(ctx.params));
	const sender = ctx.state.users.get(share.owner_id);
	ctx.send(200, {
		id: share.id,
		subject: share.subject,
		title: share.subject,
		message: share.message,
		sender_email: sender?.email ?? '',
		sender_name: sender?.name ?? '',
		sender_key: '',
		share_type: share.share_type,
		folder_id: share.folder_id,
		activates: share.activates,
		expires: share.expires,
		files_per_share: FILES_PER_SHARE,
		return_pgp_encrypted: share.return_pgp_encrypted,
		pgp_enabled: false,
		locale: 'en',
		user_email: ctx.user.email,
		user_name: ctx.user.name,
	});
}

function makedir(ctx: Ctx): void {
	const share = returnable(ctx, ctx.params.id);
	const b = validateBody<{ name: string; parent_id?: string }>(ctx.body, { required: { name: 'string' }, optional: { parent_id: 'uuid' } });
	const st = ctx.state;
	const parent = parentIn(ctx, share, b.parent_id);
	const dir = st.newNode({ parent_id: parent.id, name: st.uniqueName(parent, checkName(b.name)), type: 'D', owner_id: parent.owner_id, creator_id: ctx.user.id });
	st.attach(parent, dir);
	recordChange(st, dir, 'create');
	recordShareActivity(st, ctx.user, 'makedir', share, { files: [fileRef(st, dir)] }, 'files-return');
	ctx.send(201, { id: dir.id, parent_id: dir.parent_id, modified: secs(dir.modified) });
}

/** The answer is an ordinary upload key: chunks go to /upload/chunked/{key}, then /upload/finalize/{key}. */
function uploadLink(ctx: Ctx): void {
	const share = returnable(ctx, ctx.params.id);
	const b = validateBody<{ name: string; parent_id?: string; file_size?: number }>(ctx.body, {
		required: { name: 'string' },
		optional: { parent_id: 'uuid', file_size: 'number' },
	});
	if (b.file_size !== undefined && (b.file_size < 0 || !Number.isInteger(b.file_size))) throw badParam('Bad parameter value: file_size must be a whole number >= 0', { name: 'file_size' });
	const st = ctx.state;
	const parent = parentIn(ctx, share, b.parent_id);
	// unknown: how Quatrix handles a name taken in the return folder; the sandbox renames like resolve=true
	const name = st.uniqueName(parent, checkName(b.name));
	st.sweepUploads(ctx.core.opts.uploadKeySeconds);
	const key = randomUUID();
	const t = st.now();
	const up: Upload = {
		key,
		mode: 'new',
		userId: ctx.user.id,
		fileId: randomUUID(),
		parentId: parent.id,
		name,
		declaredSize: b.file_size,
		received: 0,
		tmpPath: path.join(st.uploadDir, `${key}.part`),
		touched: t,
		busy: false,
		started: t,
	};
	fs.writeFileSync(up.tmpPath, '');
	st.uploads.set(key, up);
	ctx.send(200, { upload_key: key, file_id: up.fileId, parent_id: parent.id });
}

function send(ctx: Ctx): void {
	const b = validateBody<{ id: string; files: string[]; message?: string }>(ctx.body, {
		required: { id: 'string', files: 'uuid[]' },
		optional: { message: 'string' },
	});
	if (!b.files.length) throw missingParam('files');
	const share = returnable(ctx, b.id);
	const st = ctx.state;
	const root = returnFolder(ctx, share);
	const files = b.files.map((id) => {
		const f = st.files.get(id.toLowerCase());
		// only files this recipient uploaded into the return folder can be returned
		if (!f || f.creator_id !== ctx.user.id || !st.isDescendantOrSelf(f, root.id)) throw notFound('File', id);
		return f;
	});
	if (!share.replied_by.includes(ctx.user.id)) share.replied_by.push(ctx.user.id);
	recordShareActivity(st, ctx.user, 'replied', share, { files: files.map((f) => fileRef(st, f)), message: b.message ?? '' }, 'files-return');
	ctx.send(201, { file_ids: files.map((f) => f.id) });
}

export function register(r: Router): void {
	r.get('/files-return/metadata/{id}', metadata);
	r.post('/files-return/makedir/{id}', makedir);
	r.post('/files-return/upload-link/{id}', uploadLink);
	r.post('/files-return/send', send);
}
