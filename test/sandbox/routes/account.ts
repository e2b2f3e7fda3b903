/** Account (CATALOGUE §2 Account): metadata (anonymous), info, list, roles. */
import type { Router } from '../router';
import type { Ctx } from '../server';

function host(ctx: Ctx): string {
	return String(ctx.req.headers.host ?? '127.0.0.1').split(':')[0];
}

export function register(r: Router): void {
	r.get(
		'/account/metadata',
		(ctx) => {
			const a = ctx.state.account;
			ctx.send(200, { status: a.status, title: a.title, language: a.language, default_logo: true });
		},
		{ auth: 'none' },
	);
	r.get('/account/info', (ctx) => {
		const a = ctx.state.account;
		ctx.send(200, {
			id: a.id,
			key: a.plan,
			base: true,
			// unknown: the real keys of this blob; these are illustrative
			properties: { storage_limit: a.storageLimit, max_users: 100, sftp: true, api_keys: true },
			server_location: 'sandbox',
		});
	});
	r.get('/account/list', (ctx) => {
		const a = ctx.state.account;
		ctx.send(200, [{ id: a.id, hostname: host(ctx), plan: a.plan, status: a.status, current: true }]);
	});
	r.get('/account/roles', (ctx) => {
		ctx.send(200, [...ctx.state.users.values()].map((u) => ({ id: u.id, email: u.email, name: u.name })));
	});
	r.get('/languages/default', (ctx) => ctx.send(200, { id: 'en' }), { auth: 'none' });
}
