/** Profile: GET /profile, GET /profile/info. */
import type { Router } from '../router';
import type { Ctx } from '../server';

function profile(ctx: Ctx): void {
	const u = ctx.user;
	const a = ctx.state.account;
	const host = String(ctx.req.headers.host ?? '127.0.0.1').split(':')[0];
	ctx.send(200, {
		id: u.id,
		name: u.name,
		email: u.email,
		// the spec types super_admin as a string
		super_admin: String(u.superAdmin),
		home_id: u.homeId,
		operations: 255,
		max_file_size: 100 * 1024 ** 3,
		max_files_per_share: 1000,
		plan: a.plan,
		is_contact: false,
		language: a.language,
		channel_id: a.id,
		account_id: a.id,
		storage_id: a.id,
		created: u.created,
		modified: u.modified,
		quota: u.quota,
		status: u.status,
		uid: u.uid,
		gid: u.uid,
		has_key: false,
		pgp_enabled: false,
		message_signature: '',
		outgoing_id: u.outgoingId,
		incoming_id: u.incomingId,
		services: [],
		share_types: { restricted_share: true, public_share: true, tracked_share: true },
		unique_login: u.email,
		auth_methods: ['basic', 'api_key'],
		account_status: a.status,
		sftp_url: `sftp://${host}:22`,
		forced_auth: [],
	});
}

function info(ctx: Ctx): void {
	let userUsed = 0;
	let accUsed = 0;
	for (const f of ctx.state.files.values()) {
		if (f.type !== 'F') continue;
		accUsed += f.size;
		if (f.owner_id === ctx.user.id) userUsed += f.size;
	}
	ctx.send(200, { user_used: userUsed, user_limit: ctx.user.quota, acc_used: accUsed, acc_limit: ctx.state.account.storageLimit });
}

export function register(r: Router): void {
	r.get('/profile', profile);
	r.get('/profile/info', info);
}
