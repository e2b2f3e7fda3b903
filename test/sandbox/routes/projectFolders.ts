/**
 * Project folders (CATALOGUE §2 Project Folder, §7.1): a folder shared with named users, each with an
 * opaque permission bitmask. unknown: whether the `{id}` of the per-folder calls is the project id or the
 * folder's file id; the sandbox accepts both.
 */
import { randomUUID } from 'crypto';
import type { Router } from '../router';
import type { Ctx } from '../server';
import { ApiError, ErrorCode, badParam, exists, missingParam, notFound, restricted } from '../errors';
import { isUuid, pathUuid, validateBody } from '../validate';
import type { LooseRecord } from '../state';
import { OPS } from '../state';

interface Member {
	operations: number;
	notify: boolean;
}

type Project = LooseRecord & { file_id: string; name: string; ctime: number; owner_id: string; members: Map<string, Member> };

function find(ctx: Ctx, id: string): Project {
	const byId = ctx.state.projectFolders.get(id) as Project | undefined;
	const p = byId ?? ([...ctx.state.projectFolders.values()].find((x) => x.file_id === id) as Project | undefined);
	if (!p || !(p.owner_id === ctx.user.id || p.members.has(ctx.user.id) || ctx.user.superAdmin)) throw notFound('Project folder', id);
	return p;
}

function manage(ctx: Ctx, p: Project): void {
	if (p.owner_id !== ctx.user.id && !ctx.user.superAdmin) throw restricted('Restriction error: only the owner manages a project folder');
}

/** UserPermissionReq[]: user_id and operations are needed although the spec lists no `required`. */
function permissions(ctx: Ctx, list: unknown, field: string): Array<{ user_id: string; operations: number; notify: boolean }> {
	if (!Array.isArray(list)) throw badParam(`Bad parameter value: ${field} must be an array`, { name: field });
	if (list.length === 0) throw badParam(`Bad parameter value: ${field} is empty`, { name: field });
	return list.map((entry) => {
		const e = validateBody<{ user_id: string; operations: number; notify?: boolean }>(entry, {
			required: { user_id: 'uuid', operations: 'integer' },
			optional: { notify: 'boolean' },
		});
		if (e.operations < 0) throw badParam('Bad parameter value: operations must be 0 or more', { name: 'operations' });
		if (!ctx.state.users.has(e.user_id.toLowerCase())) throw notFound('User', e.user_id);
		return { user_id: e.user_id.toLowerCase(), operations: e.operations, notify: Boolean(e.notify) };
	});
}

const memberRows = (p: Project) => [
	{ user_id: p.owner_id, operations: OPS.FULL, owns: true, notify: false },
	...[...p.members].map(([user_id, m]) => ({ user_id, operations: m.operations, owns: false, notify: m.notify })),
];

export function register(r: Router): void {
	r.get('/project-folder', (ctx) => {
		const rows = [...ctx.state.projectFolders.values()]
			.map((p) => p as Project)
			.filter((p) => p.owner_id === ctx.user.id || p.members.has(ctx.user.id) || ctx.user.superAdmin)
			.map((p) => {
				const owner = ctx.state.users.get(p.owner_id);
				return { project_id: p.id, file_id: p.file_id, name: p.name, ctime: Math.floor(p.ctime), owner: { id: p.owner_id, name: owner?.name, email: owner?.email } };
			});
		ctx.send(200, rows);
	});

	r.post('/project-folder/create', (ctx) => {
		const b = validateBody(ctx.body, {
			required: { file_id: 'uuid', name: 'string', users_permissions: 'array' },
			optional: { created: 'number', notify: 'boolean' },
		});
		if (!b.name.trim()) throw missingParam('name');
		const folder = ctx.state.getFolder(ctx.user.id, b.file_id);
		if (folder.system) throw restricted('Restriction error: a system folder cannot become a project folder');
		if ([...ctx.state.projectFolders.values()].some((p) => p.file_id === folder.id)) throw exists('Object exists: the folder is already a project folder', { id: folder.id });
		const members = permissions(ctx, b.users_permissions, 'users_permissions');
		const p: Project = { id: randomUUID(), file_id: folder.id, name: b.name, ctime: ctx.state.now(), owner_id: ctx.user.id, members: new Map() };
		for (const m of members) if (m.user_id !== ctx.user.id) p.members.set(m.user_id, { operations: m.operations, notify: m.notify });
		ctx.state.projectFolders.set(p.id, p);
		folder.type = 'S';
		ctx.send(201, { id: p.id, name: p.name });
	});

	r.post('/project-folder/project-users', (ctx) => {
		const b = validateBody(ctx.body, { required: { ids: 'uuid[]' } });
		const ids = new Set(b.ids.map((id: string) => id.toLowerCase()));
		const rows: unknown[] = [];
		for (const raw of ctx.state.projectFolders.values()) {
			const p = raw as Project;
			for (const m of memberRows(p)) {
				if (ids.has(m.user_id)) rows.push({ operations: m.operations, owner: m.owns, project_id: p.id, user_id: m.user_id, notify: m.notify });
			}
		}
		ctx.send(200, rows);
	});

	r.get('/project-folder/users/{id}', (ctx) => ctx.send(200, memberRows(find(ctx, pathUuid(ctx.params)))));

	r.post('/project-folder/set-users', (ctx) => {
		const b = validateBody(ctx.body, { required: { users: 'array' } });
		if (b.users.length === 0) throw badParam('Bad parameter value: users is empty', { name: 'users' });
		const out: unknown[] = [];
		for (const entry of b.users) {
			const e = validateBody<{ user_id: string; params: unknown[] }>(entry, { required: { user_id: 'uuid', params: 'array' } });
			const userId = e.user_id.toLowerCase();
			if (!ctx.state.users.has(userId)) throw notFound('User', e.user_id);
			for (const param of e.params) {
				const q = validateBody<{ project_id: string; operations: number; notify?: boolean }>(param, {
					required: { project_id: 'uuid', operations: 'integer' },
					optional: { notify: 'boolean' },
				});
				const p = ctx.state.projectFolders.get(q.project_id.toLowerCase()) as Project | undefined;
				// the spec declares 404 "users not set to project folders" here
				if (!p) throw new ApiError(404, ErrorCode.NOT_FOUND, 'Users not set to project folders', { project_id: q.project_id });
				manage(ctx, p);
				const notify = q.notify ?? true;
				if (userId !== p.owner_id) p.members.set(userId, { operations: q.operations, notify });
				out.push({ operations: q.operations, project_id: p.id, user_id: userId, notify });
			}
		}
		ctx.send(200, out);
	});

	r.get('/project-folder/metadata/{id}', (ctx) => {
		const p = find(ctx, pathUuid(ctx.params));
		const owner = ctx.state.users.get(p.owner_id);
		ctx.send(200, { folder_name: p.name, created: Math.floor(p.ctime), creator: { id: p.owner_id, name: owner?.name, email: owner?.email }, users: memberRows(p) });
	});

	r.post('/project-folder/add-users/{id}', (ctx) => {
		const p = find(ctx, pathUuid(ctx.params));
		manage(ctx, p);
		const b = validateBody(ctx.body, { required: { users_permissions: 'array' } });
		const added = permissions(ctx, b.users_permissions, 'users_permissions').filter((m) => m.user_id !== p.owner_id);
		// unknown: whether adding an existing member fails; the sandbox updates it
		for (const m of added) p.members.set(m.user_id, { operations: m.operations, notify: m.notify });
		ctx.send(200, added.map((m) => ({ ...m, owns: false })));
	});

	r.post('/project-folder/edit-users/{id}', (ctx) => {
		const p = find(ctx, pathUuid(ctx.params));
		manage(ctx, p);
		const b = validateBody(ctx.body, { required: { users_permissions: 'array' }, optional: { notify: 'boolean' } });
		const edits = permissions(ctx, b.users_permissions, 'users_permissions');
		for (const m of edits) if (!p.members.has(m.user_id)) throw notFound('Member', m.user_id);
		for (const m of edits) p.members.set(m.user_id, { operations: m.operations, notify: m.notify });
		ctx.send(200, edits.map((m) => ({ ...m, owns: false })));
	});

	r.post('/project-folder/delete-users/', (ctx) => {
		const b = validateBody(ctx.body, { required: { users: 'array' } });
		if (b.users.length === 0) throw badParam('Bad parameter value: users is empty', { name: 'users' });
		const removed: unknown[] = [];
		for (const entry of b.users) {
			const e = validateBody<{ user_id: string; project_id: string[] }>(entry, { required: { user_id: 'uuid', project_id: 'uuid[]' } });
			const userId = e.user_id.toLowerCase();
			for (const pid of e.project_id) {
				if (!isUuid(pid)) throw badParam('Bad parameter value: project_id must be uuids', { name: 'project_id' });
				const p = find(ctx, pid.toLowerCase());
				manage(ctx, p);
				if (p.members.delete(userId)) removed.push({ user_id: userId, project_id: p.id });
			}
		}
		ctx.send(200, removed);
	});

	r.get('/project-folder/delete/{id}', (ctx) => {
		const p = find(ctx, pathUuid(ctx.params));
		manage(ctx, p);
		ctx.state.projectFolders.delete(p.id);
		const folder = ctx.state.files.get(p.file_id);
		if (folder && folder.type === 'S') folder.type = 'D';
		ctx.send(200, { id: p.id });
	});
}
