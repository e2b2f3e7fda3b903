/**
 * Shared records of the directory areas (users' extra fields, groups, PGP keys) used by several route
 * modules: users, contacts, groups, projectFolders, automation and admin.
 */
import { randomUUID } from 'crypto';
import { badParam, restricted } from './errors';
import type { Ctx } from './server';
import type { LooseRecord, SandboxState, User } from './state';

/** Fields of UserResp the core `User` does not keep. */
export interface UserExtras {
	groups: string[];
	language: string;
	userOperations: number;
	homeOperations: number;
	parentId?: string;
}

export interface PgpKey {
	id: string;
	/** the user or contact the key belongs to */
	ownerId: string;
	name: string;
	public: string;
	private?: string;
	created: number;
	modified: number;
}

interface DirectoryExt {
	userExtras: Map<string, UserExtras>;
	pgpKeys: Map<string, PgpKey>;
	/** users whose delete job was accepted; they leave GET /user after one more listing */
	pendingUserDeletes: Set<string>;
	seeded: boolean;
}

/** unknown: the real default user/home bitmasks; the sandbox's own values (see OPS in state.ts). */
export const DEFAULT_USER_OPERATIONS = 255;
export const DEFAULT_HOME_OPERATIONS = 127;

export function dir(state: SandboxState): DirectoryExt {
	let ext = state.ext.directory as DirectoryExt | undefined;
	if (!ext) {
		ext = { userExtras: new Map(), pgpKeys: new Map(), pendingUserDeletes: new Set(), seeded: false };
		state.ext.directory = ext;
	}
	if (!ext.seeded) {
		ext.seeded = true;
		seedGroups(state);
	}
	return ext;
}

/** Groups every account starts with. unknown: the real names and `type` values; these are illustrative. */
function seedGroups(state: SandboxState): void {
	const add = (name: string, kind: 'user' | 'contact', global: boolean) => {
		const id = randomUUID();
		state.groups.set(id, { id, name, kind, global, readonly: global, operations: kind === 'user' ? DEFAULT_USER_OPERATIONS : 0, is_system: global });
	};
	add('Administrators', 'user', true);
	add('Users', 'user', true);
	add('All Contacts', 'contact', true);
	add('Partners', 'contact', false);
}

export function extrasOf(state: SandboxState, u: User): UserExtras {
	const ext = dir(state);
	let x = ext.userExtras.get(u.id);
	if (!x) {
		x = { groups: [], language: state.account.language, userOperations: DEFAULT_USER_OPERATIONS, homeOperations: DEFAULT_HOME_OPERATIONS };
		ext.userExtras.set(u.id, x);
	}
	return x;
}

export function groupRef(g: LooseRecord): Record<string, unknown> {
	return { id: g.id, name: g.name, metadata: { is_system: Boolean(g.is_system), visual_order: 0 } };
}

export function keyOf(state: SandboxState, ownerId: string): PgpKey | undefined {
	for (const k of dir(state).pgpKeys.values()) if (k.ownerId === ownerId) return k;
	return undefined;
}

/** UserResp */
export function userResp(state: SandboxState, u: User): Record<string, unknown> {
	const x = extrasOf(state, u);
	const home = state.files.get(u.homeId);
	let used = 0;
	if (home) used = state.recursiveSize(home);
	return {
		id: u.id,
		parent_id: x.parentId,
		home_id: u.homeId,
		home_name: home?.name ?? u.name,
		super_admin: u.superAdmin ? 'Y' : 'N',
		name: u.name,
		email: u.email,
		status: u.status,
		quota: u.quota,
		created: Math.floor(u.created),
		modified: Math.floor(u.modified),
		groups: x.groups.map((id) => state.groups.get(id)).filter((g): g is LooseRecord => !!g).map(groupRef),
		user_operations: x.userOperations,
		effective_operations: x.userOperations,
		home_operations: x.homeOperations,
		language: x.language,
		storage_id: state.account.id,
		has_key: keyOf(state, u.id) !== undefined,
		services: [],
		unique_login: u.email,
		custom_sftp_home: false,
		sftp_home: '/',
		readonly: false,
		auth_methods: u.mfa ? [u.mfa] : [],
		last_login: Math.floor(u.lastLogin),
		storage_used: used,
		forced_auth: [],
	};
}

/** Administrative calls. unknown: the real status/code for a non-admin; the sandbox answers 400 code 50. */
export function requireAdmin(ctx: Ctx): void {
	if (!ctx.user.superAdmin) throw restricted('Restriction error: only administrators may do this');
}

export const oneOf = <T extends string>(name: string, v: unknown, allowed: readonly T[]): T | undefined => {
	if (v === undefined || v === null) return undefined;
	if (!allowed.includes(v as T)) throw restrictedValue(name, allowed);
	return v as T;
};

function restrictedValue(name: string, allowed: readonly string[]) {
	return badParam(`Bad parameter value: ${name} must be one of ${allowed.join(', ')}`, { name });
}
