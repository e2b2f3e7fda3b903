/** Users (CATALOGUE §2 User, §6 jobs): list, metadata, create, bulk edit, delete job, PGP key, groups, MFA, password-reset request. */
import { randomUUID } from 'crypto';
import type { Router } from '../router';
import type { Ctx } from '../server';
import { ApiError, ErrorCode, badParam, notFound, restricted } from '../errors';
import { pathUuid, validateBody } from '../validate';
import { dir, extrasOf, groupRef, keyOf, oneOf, requireAdmin, userResp } from '../directory';
import type { User } from '../state';

const USER_FIELDS = {
	name: 'string',
	email: 'string',
	parent_id: 'uuid',
	quota: 'number',
	status: 'string',
	super_admin: 'string',
	home_id: 'uuid',
	user_operations: 'number',
	home_operations: 'number',
	language: 'string',
	groups: 'uuid[]',
	services: 'uuid[]',
	custom_sftp_home: 'boolean',
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emailTaken = (msg = 'Email is already taken') => new ApiError(400, ErrorCode.USER_EXISTS, msg);

function getUser(ctx: Ctx, id: string): User {
	const u = ctx.state.users.get(id);
	if (!u) throw notFound('User', id);
	return u;
}

function checkGroups(ctx: Ctx, ids: string[] | undefined): void {
	for (const id of ids ?? []) {
		const g = ctx.state.groups.get(id);
		if (!g || g.kind !== 'user') throw notFound('Group', id);
	}
}

/** Applies the optional UserCreateReq/UserEditReq fields to a user. */
function apply(ctx: Ctx, u: User, b: Record<string, any>): void {
	const x = extrasOf(ctx.state, u);
	oneOf('status', b.status, ['A', 'D'] as const);
	oneOf('super_admin', b.super_admin, ['Y', 'N'] as const);
	checkGroups(ctx, b.groups);
	if (b.name !== undefined) {
		if (!b.name.trim()) throw badParam('Bad parameter value: name is empty', { name: 'name' });
		u.name = b.name;
	}
	if (b.email !== undefined) {
		if (!EMAIL.test(b.email)) throw badParam('Bad parameter value: email is not valid', { name: 'email' });
		const other = ctx.state.userByEmail(b.email);
		if (other && other.id !== u.id) throw emailTaken();
		u.email = b.email;
	}
	if (b.status !== undefined) u.status = b.status;
	if (b.super_admin !== undefined) u.superAdmin = b.super_admin === 'Y';
	if (b.quota !== undefined) u.quota = b.quota;
	if (b.language !== undefined) x.language = b.language;
	if (b.user_operations !== undefined) x.userOperations = b.user_operations;
	if (b.home_operations !== undefined) x.homeOperations = b.home_operations;
	if (b.groups !== undefined) x.groups = [...b.groups];
	if (b.parent_id !== undefined) x.parentId = b.parent_id;
	u.modified = ctx.state.now();
}

export function register(r: Router): void {
	r.get('/user', (ctx) => {
		const ext = dir(ctx.state);
		// unknown: what a non-admin sees ("users manageable by the caller"); the sandbox shows only them
		const users = [...ctx.state.users.values()].filter((u) => ctx.user.superAdmin || u.id === ctx.user.id);
		ctx.send(200, users.map((u) => userResp(ctx.state, u)));
		// unknown: how long the delete job takes; the sandbox finishes it after one more listing, so that
		// "wait for completion" is exercised
		for (const id of [...ext.pendingUserDeletes]) {
			ext.pendingUserDeletes.delete(id);
			removeUser(ctx, id);
		}
	});

	r.get('/user/metadata/{id}', (ctx) => {
		const u = getUser(ctx, pathUuid(ctx.params));
		if (!ctx.user.superAdmin && u.id !== ctx.user.id) throw notFound('User', u.id);
		ctx.send(200, userResp(ctx.state, u));
	});

	r.post('/user/create', (ctx) => {
		requireAdmin(ctx);
		const b = validateBody(ctx.body, { required: { email: 'string', name: 'string' }, optional: { ...USER_FIELDS } });
		if (!EMAIL.test(b.email)) throw badParam('Bad parameter value: email is not valid', { name: 'email' });
		if (ctx.state.userByEmail(b.email)) throw emailTaken();
		if (!b.name.trim()) throw badParam('Bad parameter value: name is empty', { name: 'name' });
		// the invitation email lets the person set a password; until then nobody knows it
		const u = ctx.state.addUser({ email: b.email, name: b.name, password: randomUUID() });
		apply(ctx, u, { ...b, email: undefined, name: undefined });
		ctx.send(201, userResp(ctx.state, u));
	});

	r.post('/user/edit', (ctx) => {
		requireAdmin(ctx);
		const b = validateBody(ctx.body, { required: { ids: 'uuid[]' }, optional: { ...USER_FIELDS } });
		if (b.ids.length === 0) throw badParam('Bad parameter value: ids is empty', { name: 'ids' });
		if (b.email !== undefined && b.ids.length > 1) throw badParam('Bad parameter value: email can only be changed for one user', { name: 'email' });
		const users = b.ids.map((id: string) => getUser(ctx, id.toLowerCase()));
		for (const u of users) apply(ctx, u, b);
		ctx.send(200, users.map((u: User) => userResp(ctx.state, u)));
	});

	r.post('/user/delete', (ctx) => {
		requireAdmin(ctx);
		const b = validateBody(ctx.body, { required: { ids: 'uuid[]' }, optional: { delete_home: 'boolean' } });
		if (b.ids.length === 0) throw badParam('Bad parameter value: ids is empty', { name: 'ids' });
		const ids = b.ids.map((id: string) => id.toLowerCase());
		for (const id of ids) {
			getUser(ctx, id);
			if (id === ctx.user.id) throw restricted('Restriction error: you cannot delete yourself');
		}
		const ext = dir(ctx.state);
		for (const id of ids) {
			ext.pendingUserDeletes.add(id);
			if (b.delete_home) ((ctx.state.ext.deleteHomes ??= new Set<string>()) as Set<string>).add(id);
		}
		const job = ctx.state.addJob('user-delete', ctx.user.id, { ids, delete_home: Boolean(b.delete_home) });
		ctx.send(202, { job_id: job.id });
	});

	r.get('/user/pgp-key/{id}', (ctx) => {
		const u = getUser(ctx, pathUuid(ctx.params));
		const k = keyOf(ctx.state, u.id);
		// unknown: the answer for a user without a key; the spec declares 404 only for contacts
		if (!k) throw new ApiError(404, ErrorCode.NOT_FOUND, 'The user has no PGP key');
		ctx.send(200, { id: k.id, name: k.name, created: Math.floor(k.created), modified: Math.floor(k.modified), public: k.public, email: u.email });
	});

	r.get('/user/group', (ctx) => {
		dir(ctx.state);
		ctx.send(200, [...ctx.state.groups.values()].filter((g) => g.kind === 'user').map(groupRef));
	});

	const mfaTargets = (ctx: Ctx, b: { ids: string[] }) => {
		requireAdmin(ctx);
		if (b.ids.length === 0) throw badParam('Bad parameter value: ids is empty', { name: 'ids' });
		return b.ids.map((id) => getUser(ctx, id.toLowerCase()));
	};

	r.post('/user/remove-mfa', (ctx) => {
		const b = validateBody<{ ids: string[]; auth_type: string }>(ctx.body, { required: { ids: 'uuid[]', auth_type: 'string' } });
		oneOf('auth_type', b.auth_type, ['2FA', 'PIN'] as const);
		for (const u of mfaTargets(ctx, b)) if (u.mfa === b.auth_type) u.mfa = undefined;
		ctx.send(200, { status: 'success' });
	});

	r.post('/user/reset-mfa', (ctx) => {
		const b = validateBody<{ ids: string[]; auth_type: string }>(ctx.body, { required: { ids: 'uuid[]', auth_type: 'string' } });
		oneOf('auth_type', b.auth_type, ['2FA'] as const);
		// the secret is wiped: the user enrols again at the next sign-in
		for (const u of mfaTargets(ctx, b)) if (u.mfa === '2FA') u.mfaCode = '';
		ctx.send(200, { status: 'success' });
	});

	r.post(
		'/reset-password/request',
		(ctx) => {
			const b = validateBody(ctx.body, { required: { email: 'string[]' } });
			if (b.email.length === 0) throw badParam('Bad parameter value: email is empty', { name: 'email' });
			const sent = ((ctx.state.ext.passwordResets ??= []) as Array<{ email: string; at: number }>);
			for (const email of b.email) if (ctx.state.userByEmail(email)) sent.push({ email, at: ctx.state.now() });
			if (ctx.user?.superAdmin) {
				ctx.send(202, { job_id: ctx.state.addJob('reset-password', ctx.user.id, { email: b.email }).id });
			} else {
				// unknown: whether unknown addresses are listed; the sandbox echoes what was asked (no account probing)
				ctx.send(200, { email: b.email });
			}
		},
		{ auth: 'optional' },
	);
}

/** Finishes a user-delete job: the user, their sessions and (when asked) their home tree go. */
function removeUser(ctx: Ctx, id: string): void {
	const u = ctx.state.users.get(id);
	if (!u) return;
	ctx.state.users.delete(id);
	for (const [sid, s] of ctx.state.sessions) if (s.userId === id) ctx.state.sessions.delete(sid);
	const homes = ctx.state.ext.deleteHomes as Set<string> | undefined;
	if (homes?.has(id)) {
		homes.delete(id);
		const home = ctx.state.files.get(u.homeId);
		if (home) ctx.state.purge(home);
	}
	// unknown: what happens to a kept home; the sandbox leaves it in place, unowned
	for (const p of ctx.state.projectFolders.values()) (p.members as Map<string, unknown> | undefined)?.delete(id);
}
