/**
 * Files (CATALOGUE §2 File, §3.4 resolve, §4.1 listings, §6 jobs): a real tree per user.
 */
import { randomUUID } from 'crypto';
import type { Router } from '../router';
import type { Ctx } from '../server';
import { badParam, missingParam, restricted } from '../errors';
import { checkName, pathUuid, queryNumber, validateBody } from '../validate';
import { fileRef, recordActivity, recordChange } from '../activity';
import type { FileNode, SandboxState } from '../state';

/** unknown: whether `modified`/`created` carry fractions. The sandbox sends whole seconds there and the
 * float (microsecond precision) in `modified_ms`. */
export const secs = (t: number) => Math.floor(t);
export const micros = (t: number) => Math.round(t * 1e6) / 1e6;

/** FileResp */
export function fileResp(f: FileNode): Record<string, unknown> {
	const r: Record<string, unknown> = {
		id: f.id,
		parent_id: f.parent_id,
		name: f.name,
		type: f.type,
		size: f.size,
		created: secs(f.created),
		modified: secs(f.modified),
		modified_ms: micros(f.modified),
		operations: f.operations,
		metadata: f.metadata,
	};
	if (f.sub_type !== undefined) r.sub_type = f.sub_type;
	return r;
}

function contentFlag(ctx: Ctx): boolean {
	const c = ctx.query.content;
	if (c === undefined || c === '') return true;
	// the spec types it as a float enum: accept 1/0/1.0/0.0 (and true/false)
	if (['1', '1.0', 'true'].includes(c)) return true;
	if (['0', '0.0', 'false'].includes(c)) return false;
	throw badParam('Bad parameter value: content must be 0 or 1', { name: 'content' });
}

function metadataResp(ctx: Ctx, f: FileNode): Record<string, unknown> {
	const r: Record<string, unknown> = { ...fileResp(f), uid: ctx.user.uid, gid: ctx.user.uid };
	if (f.children && contentFlag(ctx)) {
		const out = new Array(f.children.size);
		let i = 0;
		for (const c of f.children.values()) out[i++] = fileResp(c);
		r.content = out;
	} else if (f.type === 'F') contentFlag(ctx);
	return r;
}

function touch(state: SandboxState, f: FileNode): void {
	f.modified = state.now();
}

/** Items that can't be renamed, moved or deleted: home, system folders, TRASH. */
function assertMovable(f: FileNode): void {
	if (f.system) throw restricted(`Restriction error: ${f.name} is a system folder`, { id: f.id });
}

function targetFolder(ctx: Ctx, id: string): FileNode {
	return ctx.state.getFolder(ctx.user.id, id);
}

function makedir(ctx: Ctx): void {
	// the spec forgot `required`: target and name are obviously needed
	const b = validateBody<{ target: string; name: string; resolve?: boolean }>(ctx.body, {
		required: { target: 'uuid', name: 'string' },
		optional: { resolve: 'boolean' },
	});
	const name = checkName(b.name);
	const parent = targetFolder(ctx, b.target);
	const st = ctx.state;
	if (parent.type === 'T' || st.isInTrash(parent)) throw restricted('Restriction error: cannot create folders in TRASH');
	const final = st.resolveName(parent, name, b.resolve);
	const dir = st.newNode({ parent_id: parent.id, name: final, type: 'D', owner_id: parent.owner_id, creator_id: ctx.user.id });
	st.attach(parent, dir);
	touch(st, parent);
	recordChange(st, dir, 'create');
	recordActivity(st, ctx.user, 'makedir', { files: [fileRef(st, dir)], parent_id: parent.id });
	ctx.send(201, fileResp(dir));
}

function rename(ctx: Ctx): void {
	const id = pathUuid(ctx.params);
	// the spec forgot `required`: name is obviously needed
	const b = validateBody<{ name: string; resolve?: boolean }>(ctx.body, { required: { name: 'string' }, optional: { resolve: 'boolean' } });
	const name = checkName(b.name);
	const st = ctx.state;
	const f = st.getFile(ctx.user.id, id);
	assertMovable(f);
	const parent = st.files.get(f.parent_id)!;
	const old = f.name;
	if (name !== old) {
		const final = st.resolveName(parent, name, b.resolve, f.id);
		st.detach(f);
		f.name = final;
		st.attach(parent, f);
		touch(st, f);
		recordChange(st, f, 'rename');
		recordActivity(st, ctx.user, 'move-rename', { files: [{ ...fileRef(st, f), old_name: old, old_parent_id: f.parent_id }] });
	}
	ctx.send(200, { ...fileResp(f), old_name: old });
}

function copyMoveBody(ctx: Ctx) {
	const b = validateBody<{ ids: string[]; target: string; resolve?: boolean }>(ctx.body, {
		required: { ids: 'uuid[]', target: 'uuid' },
		optional: { resolve: 'boolean' },
	});
	if (b.ids.length === 0) throw missingParam('ids');
	const target = targetFolder(ctx, b.target);
	const items = [...new Set(b.ids.map((x) => x.toLowerCase()))].map((x) => ctx.state.getFile(ctx.user.id, x));
	for (const it of items) {
		if (ctx.state.isDescendantOrSelf(target, it.id)) {
			// unknown: the real code for copying/moving a folder into itself
			throw badParam('Bad parameter value: cannot copy or move a folder into itself', { id: it.id });
		}
	}
	return { b, target, items };
}

/** Always 202 + job_id; the copy is applied at once (CATALOGUE §6). Not in the activity log: the JSON
 * action enum has no `copy`. */
function copy(ctx: Ctx): void {
	const { b, target, items } = copyMoveBody(ctx);
	const st = ctx.state;
	// unknown: with resolve=false the real service probably fails inside the job; the sandbox checks up front
	if (b.resolve === false) for (const it of items) st.resolveName(target, it.name, false);
	const created: string[] = [];
	for (const it of items) {
		const c = st.copySubtree(it, target, st.uniqueName(target, it.name), ctx.user.id);
		for (const n of st.walk(c)) recordChange(st, n, 'create');
		created.push(c.id);
	}
	touch(st, target);
	const job = st.addJob('copy', ctx.user.id, { ids: created });
	ctx.send(202, { job_id: job.id });
}

/** 200 {ids} for at most 10 ids, 202 {job_id} for more (CATALOGUE §6). */
function syncOrJob(ctx: Ctx, kind: string, ids: string[]): void {
	if (ids.length <= 10) ctx.send(200, { ids });
	else ctx.send(202, { job_id: ctx.state.addJob(kind, ctx.user.id, { ids }).id });
}

function move(ctx: Ctx): void {
	const { b, target, items } = copyMoveBody(ctx);
	const st = ctx.state;
	for (const it of items) assertMovable(it);
	if (b.resolve === false) for (const it of items) if (it.parent_id !== target.id) st.resolveName(target, it.name, false);
	for (const it of items) {
		if (it.parent_id === target.id) continue;
		const oldParent = st.files.get(it.parent_id)!;
		const oldAnc = [oldParent.id, ...st.ancestors(oldParent).map((a) => a.id)];
		const oldName = it.name;
		st.detach(it);
		it.name = st.uniqueName(target, it.name);
		st.attach(target, it);
		touch(st, oldParent);
		touch(st, target);
		recordChange(st, it, 'move', oldAnc);
		recordActivity(st, ctx.user, 'move-rename', {
			files: [{ ...fileRef(st, it), old_name: oldName, old_parent_id: oldParent.id }],
		});
	}
	syncOrJob(ctx, 'move', items.map((i) => i.id));
}

/** Items go to TRASH; items already in TRASH are purged. */
function del(ctx: Ctx): void {
	const b = validateBody<{ ids: string[] }>(ctx.body, { required: { ids: 'uuid[]' } });
	if (b.ids.length === 0) throw missingParam('ids');
	const st = ctx.state;
	const items = [...new Set(b.ids.map((x) => x.toLowerCase()))].map((x) => st.getFile(ctx.user.id, x));
	for (const it of items) assertMovable(it);
	const trash = st.files.get(ctx.user.trashId)!;
	for (const it of items) {
		if (!st.files.has(it.id)) continue; // purged with an ancestor listed earlier
		const parent = st.files.get(it.parent_id)!;
		const anc = [parent.id, ...st.ancestors(parent).map((a) => a.id)];
		if (st.isInTrash(it)) {
			recordChange(st, it, 'purge');
			st.purge(it);
		} else {
			const owner = st.users.get(it.owner_id);
			const bin = owner ? st.files.get(owner.trashId)! : trash;
			st.detach(it);
			it.trashed_from = parent.id;
			it.name = st.uniqueName(bin, it.name);
			st.attach(bin, it);
			recordChange(st, it, 'delete', anc);
		}
		touch(st, parent);
		recordActivity(st, ctx.user, 'delete', { files: [{ id: it.id, name: it.name, parent_id: parent.id, type: it.type, size: it.size }] });
	}
	syncOrJob(ctx, 'delete', items.map((i) => i.id));
}

function setMtime(ctx: Ctx): void {
	const b = validateBody<{ id: string; mtime?: number }>(ctx.body, { required: { id: 'uuid' }, optional: { mtime: 'number' } });
	const st = ctx.state;
	const f = st.getFile(ctx.user.id, b.id);
	if (b.mtime !== undefined) {
		f.modified = b.mtime;
		recordChange(st, f, 'modify');
	}
	ctx.send(200, { ...fileResp(f), uid: ctx.user.uid, gid: ctx.user.uid });
}

function info(ctx: Ctx): void {
	const st = ctx.state;
	const f = st.getFile(ctx.user.id, pathUuid(ctx.params));
	const who = (id: string) => {
		const u = st.users.get(id);
		return u ? { id: u.id, name: u.name, email: u.email } : { id };
	};
	ctx.send(200, {
		id: f.id,
		name: f.name,
		type: f.type,
		size: f.size,
		created: secs(f.created),
		modified: secs(f.modified),
		content_modified: secs(f.content_modified),
		file_owner: who(f.owner_id),
		action_role: who(f.creator_id),
		// unknown: the real shape of `paths` (typed only as object); the sandbox gives the path from the
		// owner's home, the kind of location and the ancestor ids, nearest first
		paths: { path: st.pathOf(f), type: st.isInTrash(f) || f.type === 'T' ? 'trash' : 'home', ids: st.ancestors(f).map((a) => a.id) },
	});
}

const csvCell = (v: unknown) => {
	const s = v === undefined || v === null ? '' : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csvLine = (cells: unknown[]) => cells.map(csvCell).join(',') + '\r\n';
export const isoTime = (t: number) => new Date(t * 1000).toISOString().replace('T', ' ').slice(0, 19);

/** unknown: the exact CSV layout; `Path` is the folder holding the item, times are UTC "YYYY-MM-DD HH:MM:SS",
 * Created_by/Owner are e-mails, the folder itself is not a row. */
function csv(ctx: Ctx): void {
	const st = ctx.state;
	const root = st.getFile(ctx.user.id, pathUuid(ctx.params));
	const email = (id: string) => st.users.get(id)?.email ?? id;
	const lines = [csvLine(['Path', 'Name', 'Size', 'Type', 'Created', 'Modified', 'Content_modified', 'Created_by', 'Owner'])];
	for (const n of st.walk(root)) {
		if (n === root) continue;
		const parent = st.files.get(n.parent_id)!;
		lines.push(
			csvLine([st.pathOf(parent), n.name, n.size, n.type, isoTime(n.created), isoTime(n.modified), isoTime(n.content_modified), email(n.creator_id), email(n.owner_id)]),
		);
	}
	const name = `${root.name}.csv`;
	ctx.sendRaw(200, lines.join(''), 'text/csv; charset=utf-8', {
		'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
	});
}

/**
 * Changes under a folder (recursively: unknown whether the real feed includes subfolders) in [from, to],
 * both inclusive. One row per file: its last change in the window (the real aggregation is unknown).
 */
function diff(ctx: Ctx): void {
	const st = ctx.state;
	const folder = st.getFolder(ctx.user.id, pathUuid(ctx.params));
	const from = queryNumber(ctx.query, 'from', true)!;
	const to = queryNumber(ctx.query, 'to') ?? st.now();
	const last = new Map<string, Record<string, unknown>>();
	for (const c of st.changes) {
		if (c.ts < from || c.ts > to || !c.ancestors.includes(folder.id)) continue;
		last.delete(c.snapshot.id);
		last.set(c.snapshot.id, {
			id: c.snapshot.id,
			action: c.action,
			parent_id: c.snapshot.parent_id,
			name: c.snapshot.name,
			type: c.snapshot.type,
			size: c.snapshot.size,
			modified: micros(c.snapshot.modified),
			operations: c.snapshot.operations,
			metadata: c.snapshot.metadata,
		});
	}
	ctx.send(200, { from, to, data: [...last.values()] });
}

function tags(ctx: Ctx): void {
	const f = ctx.state.getFile(ctx.user.id, pathUuid(ctx.params));
	ctx.send(200, f.tags);
}

function addTag(ctx: Ctx): void {
	const id = pathUuid(ctx.params);
	// the spec forgot `required`: value is obviously needed; type defaults to "text" (unknown)
	const b = validateBody<{ type?: string; value: string }>(ctx.body, { required: { value: 'string' }, optional: { type: 'string' } });
	const f = ctx.state.getFile(ctx.user.id, id);
	const tag = { id: randomUUID(), file_id: f.id, type: b.type ?? 'text', value: b.value };
	f.tags.push(tag);
	ctx.send(200, tag);
}

/**
 * Search (unknown semantics, the sandbox's own): over the caller's home tree without TRASH. A file matches
 * when every query of `_and` matches and, if `_or` is given, at least one of `_or` does. Within a query,
 * every given element must match: `name._and` all substrings present, `name._or` one of them (case-insensitive);
 * `tag` items `{type:'text', value}` match a tag whose value contains `value` (other types: tag type and value
 * equal); `created`/`modified`: `_and: [from, to?]` is an inclusive range, `_or: [t…]` means the same UTC day as one of them.
 */
function search(ctx: Ctx): void {
	type Elem<T> = { _and?: T[]; _or?: T[] };
	type Query = { name?: Elem<string>; tag?: Elem<{ type?: string; value?: string }>; created?: Elem<number>; modified?: Elem<number> };
	const b = validateBody<{ _and?: Query[]; _or?: Query[] }>(ctx.body, { optional: { _and: 'array', _or: 'array' } });
	const and = b._and ?? [];
	const or = b._or ?? [];
	if (!and.length && !or.length) throw missingParam('_and');
	for (const q of [...and, ...or]) if (typeof q !== 'object' || q === null) throw badParam('Bad parameter value: queries must be objects');
	const elem = <T>(e: Elem<T> | undefined, test: (x: T) => boolean): boolean => {
		if (!e) return true;
		if (e._and && !e._and.every(test)) return false;
		if (e._or && e._or.length && !e._or.some(test)) return false;
		return true;
	};
	const timeElem = (e: Elem<number> | undefined, t: number): boolean => {
		if (!e) return true;
		if (e._and && e._and.length) {
			const [lo, hi] = e._and;
			if (t < lo || (hi !== undefined && t > hi)) return false;
		}
		if (e._or && e._or.length && !e._or.some((d) => Math.floor(d / 86400) === Math.floor(t / 86400))) return false;
		return true;
	};
	const match = (f: FileNode, q: Query): boolean => {
		const lname = f.name.toLowerCase();
		if (!elem(q.name, (s) => typeof s === 'string' && lname.includes(s.toLowerCase()))) return false;
		if (
			!elem(q.tag, (t) =>
				f.tags.some((ft) =>
					(t.type ?? 'text') === 'text'
						? ft.value.toLowerCase().includes(String(t.value ?? '').toLowerCase())
						: ft.type === t.type && ft.value === String(t.value),
				),
			)
		)
			return false;
		return timeElem(q.created, f.created) && timeElem(q.modified, f.modified);
	};
	const st = ctx.state;
	const home = st.files.get(ctx.user.homeId)!;
	const out: Record<string, unknown>[] = [];
	const visit = (n: FileNode) => {
		for (const c of n.children!.values()) {
			if (c.type === 'T') continue;
			if (and.every((q) => match(c, q)) && (!or.length || or.some((q) => match(c, q)))) out.push(fileResp(c));
			if (c.children) visit(c);
		}
	};
	visit(home);
	ctx.send(200, out);
}

export function register(r: Router): void {
	const meta = (ctx: Ctx) => ctx.send(200, metadataResp(ctx, ctx.state.getFile(ctx.user.id, ctx.params.id ? pathUuid(ctx.params) : ctx.user.homeId)));
	r.get('/file/metadata', meta);
	r.get('/file/metadata/{id}', meta);
	r.post('/file/metadata', setMtime);
	r.get('/file/info/{id}', info);
	r.get('/file/size/{id}', (ctx) => {
		const f = ctx.state.getFile(ctx.user.id, pathUuid(ctx.params));
		ctx.send(200, { size: ctx.state.recursiveSize(f) });
	});
	r.post('/file/makedir', makedir);
	r.post('/file/rename/{id}', rename);
	r.post('/file/copy', copy);
	r.post('/file/move', move);
	r.post('/file/delete', del);
	r.post('/file/search', search);
	r.get('/file/tags/{id}', tags);
	r.post('/file/add-tag/{id}', addTag);
	r.get('/file/csv/{id}', csv);
	r.get('/file/diff/{id}', diff);
}

