/**
 * The administrative rest (CATALOGUE §2): account logo, languages, own profile changes, site settings,
 * services, SSH keys, PGP keys and key requests, the upload widget's metadata, billing and previews.
 */
import { createHash, randomUUID } from 'crypto';
import type { Router } from '../router';
import type { Ctx } from '../server';
import { ApiError, ErrorCode, badParam, notFound } from '../errors';
import { pathUuid, validateBody } from '../validate';
import { dir, keyOf, oneOf, requireAdmin, type PgpKey } from '../directory';
import { emailTaken } from './users';
import type { SandboxState } from '../state';

/** A 1×1 PNG: the account logo. */
const LOGO_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** Small stand-ins for the three preview kinds. unknown: sizes and renditions of the real previews. */
const PREVIEWS: Record<string, { type: string; mime: string; bytes: Buffer }> = {
	image: { type: 'image', mime: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]) },
	video: { type: 'video', mime: 'video/mp4', bytes: Buffer.from('\0\0\0\x18ftypmp42\0\0\0\0mp42isom', 'binary') },
	document: { type: 'document', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%sandbox preview\n%%EOF\n') },
};
const KIND_BY_EXTENSION: Record<string, string> = {
	jpg: 'image', jpeg: 'image', png: 'image', gif: 'image', bmp: 'image', tif: 'image', tiff: 'image', heic: 'image',
	mp4: 'video', mov: 'video', avi: 'video', mkv: 'video', webm: 'video',
	pdf: 'document', doc: 'document', docx: 'document', xls: 'document', xlsx: 'document', ppt: 'document', pptx: 'document', txt: 'document', odt: 'document',
};

const LANGUAGES = [
	{ id: 'en', name: 'English', filename: 'en.json' },
	{ id: 'de', name: 'Deutsch', filename: 'de.json' },
	{ id: 'fr', name: 'Français', filename: 'fr.json' },
];

interface Settings {
	title: string;
	bcc: string[];
	billing_emails: string[];
	email_footer: string;
	modified: number;
	language: string;
	pgp_enabled: boolean;
	share_types: { public_share: boolean; tracked_share: boolean; restricted_share: boolean };
	auth_methods: string[];
	ip_whitelist: string[];
}

interface AdminExt {
	settings?: Settings;
	sshKeys: Map<string, Record<string, any>>;
	keyRequests: Map<string, { id: string; senderId: string; recipientId: string }>;
	widgets: Map<string, { id: string }>;
	services: Map<string, Record<string, unknown>>;
}

function adminOf(state: SandboxState): AdminExt {
	let ext = state.ext.admin as AdminExt | undefined;
	if (!ext) {
		ext = { sshKeys: new Map(), keyRequests: new Map(), widgets: new Map(), services: new Map() };
		state.ext.admin = ext;
		// unknown: the real services of an account; the sandbox has SFTP
		const sftp = randomUUID();
		ext.services.set(sftp, { id: sftp, key: 'sftp', base: false, properties: { port: 22 }, forced_auth: [] });
	}
	return ext;
}

function settings(ctx: Ctx): Settings {
	const ext = adminOf(ctx.state);
	ext.settings ??= {
		title: ctx.state.account.title,
		bcc: [],
		billing_emails: [],
		email_footer: '',
		modified: Math.floor(ctx.state.now()),
		language: ctx.state.account.language,
		pgp_enabled: true,
		share_types: { public_share: true, tracked_share: true, restricted_share: true },
		auth_methods: [],
		ip_whitelist: [],
	};
	return ext.settings;
}

const settingsResp = (s: Settings) => {
	const { title, bcc, billing_emails, email_footer, modified, language, pgp_enabled, share_types } = s;
	return { title, bcc, billing_emails, email_footer, modified, language, pgp_enabled, share_types };
};

const sshResp = (k: Record<string, any>) => ({ id: k.id, caption: k.caption, fingerprint: k.fingerprint, modified: k.modified, expires: k.expires, status: k.status });

function ownSshKey(ctx: Ctx, id: string): Record<string, any> {
	const k = adminOf(ctx.state).sshKeys.get(id.toLowerCase());
	if (!k || k.owner_id !== ctx.user.id) throw notFound('SSH key', id);
	return k;
}

function pgpResp(ctx: Ctx, k: PgpKey, withPrivate: boolean): Record<string, unknown> {
	const owner = ctx.state.users.get(k.ownerId) ?? ctx.state.contacts.get(k.ownerId);
	return {
		id: k.id,
		name: k.name,
		created: Math.floor(k.created),
		modified: Math.floor(k.modified),
		public: k.public,
		...(withPrivate && k.private ? { private: k.private } : {}),
		email: owner?.email,
	};
}

function ownPgpKey(ctx: Ctx, id: string): PgpKey {
	const k = dir(ctx.state).pgpKeys.get(id);
	if (!k || k.ownerId !== ctx.user.id) throw notFound('PGP key', id);
	return k;
}

const ARMOUR = (kind: string) => `-----BEGIN PGP ${kind} KEY BLOCK-----`;

function storeKey(ctx: Ctx, ownerId: string, b: { name: string; public: string; private?: string }): PgpKey {
	if (!b.public.includes(ARMOUR('PUBLIC'))) throw badParam('Bad parameter value: public is not a PGP public key', { name: 'public' });
	if (b.private !== undefined && !b.private.includes(ARMOUR('PRIVATE'))) throw badParam('Bad parameter value: private is not a PGP private key', { name: 'private' });
	const keys = dir(ctx.state).pgpKeys;
	const old = keyOf(ctx.state, ownerId);
	// unknown: whether a second key replaces the first; the sandbox keeps one key per owner
	if (old) keys.delete(old.id);
	const t = ctx.state.now();
	const k: PgpKey = { id: randomUUID(), ownerId, name: b.name, public: b.public, private: b.private, created: t, modified: t };
	keys.set(k.id, k);
	return k;
}

export function register(r: Router): void {
	r.get('/account/logo', (ctx) => ctx.sendRaw(200, LOGO_PNG, 'image/png'), { auth: 'none' });
	r.get('/languages', (ctx) => ctx.send(200, LANGUAGES));

	r.post('/profile/set', (ctx) => {
		const b = validateBody(ctx.body, { optional: { name: 'string', email: 'string', language: 'string', message_signature: 'string' } });
		const u = ctx.user;
		if (b.email !== undefined) {
			const other = ctx.state.userByEmail(b.email);
			if (other && other.id !== u.id) throw emailTaken();
			u.email = b.email;
		}
		if (b.name !== undefined) u.name = b.name;
		if (b.language !== undefined && !LANGUAGES.some((l) => l.id === b.language)) throw badParam('Bad parameter value: language is not known', { name: 'language' });
		const ext = dir(ctx.state);
		const x = ext.userExtras.get(u.id);
		if (b.language !== undefined && x) x.language = b.language;
		const signatures = ((ctx.state.ext.signatures ??= new Map<string, string>()) as Map<string, string>);
		if (b.message_signature !== undefined) signatures.set(u.id, b.message_signature);
		u.modified = ctx.state.now();
		ctx.send(200, { name: u.name, email: u.email, language: b.language ?? x?.language ?? ctx.state.account.language, message_signature: signatures.get(u.id) ?? '' });
	});

	// ---------- site settings ----------
	r.get('/settings', (ctx) => {
		requireAdmin(ctx);
		ctx.send(200, settingsResp(settings(ctx)));
	});
	r.post('/settings/set', (ctx) => {
		requireAdmin(ctx);
		const b = validateBody(ctx.body, {
			optional: {
				title: 'string',
				bcc: 'string[]',
				billing_emails: 'string[]',
				email_footer: 'string',
				language: 'string',
				pgp_enabled: 'boolean',
				share_types: 'object',
				auth_methods: 'string[]',
				ip_whitelist: 'string[]',
			},
		});
		for (const m of b.auth_methods ?? []) oneOf('auth_methods', m, ['IP', '2FA'] as const);
		for (const ip of b.ip_whitelist ?? []) {
			if (!/^\d{1,3}(\.\d{1,3}){3}([\\/]\d{1,2}|-\d{1,3})?$/.test(ip)) throw badParam('Bad parameter value: ip_whitelist has a bad entry', { name: 'ip_whitelist', value: ip });
		}
		const s = settings(ctx);
		for (const k of ['title', 'bcc', 'billing_emails', 'email_footer', 'language', 'pgp_enabled', 'auth_methods', 'ip_whitelist'] as const) {
			if (b[k] !== undefined) (s as any)[k] = b[k];
		}
		if (b.share_types) {
			const st = validateBody<Settings['share_types']>(b.share_types, { optional: { public_share: 'boolean', tracked_share: 'boolean', restricted_share: 'boolean' } });
			s.share_types = { ...s.share_types, ...st };
		}
		s.modified = Math.floor(ctx.state.now());
		if (b.title !== undefined) ctx.state.account.title = b.title;
		ctx.send(200, settingsResp(s));
	});
	r.get('/settings/upload-logo-link', (ctx) => {
		requireAdmin(ctx);
		// unknown: how the logo bytes are committed; the key is handed out and not tracked further
		ctx.send(200, { upload_key: randomUUID() });
	});
	r.get('/settings/auth-methods', (ctx) => {
		requireAdmin(ctx);
		// unknown: the real ids and ranks
		ctx.send(200, [
			{ rank: 1, id: '6f1c8a52-3c1d-4d5e-9a31-000000000001', key: 'IP' },
			{ rank: 2, id: '6f1c8a52-3c1d-4d5e-9a31-000000000002', key: '2FA' },
		]);
	});

	// ---------- services ----------
	const serviceResp = (ctx: Ctx, s: Record<string, unknown>) => ({ ...s, users: [...ctx.state.users.values()].map((u) => ({ id: u.id, name: u.name })) });
	r.get('/service', (ctx) => ctx.send(200, [...adminOf(ctx.state).services.values()].map((s) => serviceResp(ctx, s))));
	r.get('/service/metadata/{id}', (ctx) => {
		const s = adminOf(ctx.state).services.get(pathUuid(ctx.params));
		if (!s) throw notFound('Service', ctx.params.id);
		ctx.send(200, serviceResp(ctx, s));
	});

	// ---------- SSH keys ----------
	r.get('/ssh-key', (ctx) => ctx.send(200, [...adminOf(ctx.state).sshKeys.values()].filter((k) => k.owner_id === ctx.user.id).map(sshResp)));
	r.get('/ssh-key/metadata/{id}', (ctx) => ctx.send(200, sshResp(ownSshKey(ctx, pathUuid(ctx.params)))));
	r.post('/ssh-key/create', (ctx) => {
		const b = validateBody(ctx.body, { required: { caption: 'string', key: 'string' }, optional: { expires: 'number' } });
		if (b.caption.length < 1 || b.caption.length > 255) throw badParam('Bad parameter value: caption must be 1 to 255 characters', { name: 'caption' });
		if (b.key.length < 256 || b.key.length > 16384) throw badParam('Bad parameter value: key must be 256 to 16384 characters', { name: 'key' });
		const body = b.key.trim().split(/\s+/)[1] ?? '';
		const fingerprint = 'SHA256:' + createHash('sha256').update(Buffer.from(body, 'base64')).digest('base64').replace(/=+$/, '');
		const k = { id: randomUUID(), owner_id: ctx.user.id, caption: b.caption, key: b.key, fingerprint, modified: Math.floor(ctx.state.now()), expires: b.expires ?? 0, status: 'A' };
		adminOf(ctx.state).sshKeys.set(k.id, k);
		ctx.send(201, sshResp(k));
	});
	r.post('/ssh-key/edit', (ctx) => {
		const b = validateBody(ctx.body, { required: { id: 'uuid' }, optional: { caption: 'string', status: 'string', expires: 'number' } });
		oneOf('status', b.status, ['A', 'D'] as const);
		const k = ownSshKey(ctx, b.id);
		for (const f of ['caption', 'status', 'expires'] as const) if (b[f] !== undefined) k[f] = b[f];
		k.modified = Math.floor(ctx.state.now());
		ctx.send(200, sshResp(k));
	});
	r.post('/ssh-key/delete', (ctx) => {
		const b = validateBody(ctx.body, { required: { id: 'uuid' } });
		const k = ownSshKey(ctx, b.id);
		adminOf(ctx.state).sshKeys.delete(k.id);
		ctx.send(200, { id: k.id });
	});

	// ---------- PGP ----------
	r.post('/pgp-key/recipients', (ctx) => {
		const b = validateBody(ctx.body, { required: { ids: 'uuid[]' } });
		const rows: unknown[] = [];
		for (const id of b.ids.map((x: string) => x.toLowerCase())) {
			if (!ctx.state.users.has(id) && !ctx.state.contacts.has(id)) throw notFound('Recipient', id);
			const k = keyOf(ctx.state, id);
			if (k) rows.push({ ...pgpResp(ctx, k, false), recipient_id: id });
		}
		ctx.send(200, rows);
	});
	r.get('/pgp-key/metadata/{id}', (ctx) => ctx.send(200, pgpResp(ctx, ownPgpKey(ctx, pathUuid(ctx.params)), true)));
	r.post('/pgp-key/create', (ctx) => {
		const b = validateBody<{ name: string; public: string; private?: string }>(ctx.body, { required: { name: 'string', public: 'string' }, optional: { private: 'string' } });
		if (!settings(ctx).pgp_enabled) throw new ApiError(403, ErrorCode.PGP_DISABLED, 'PGP management is disabled');
		ctx.send(201, pgpResp(ctx, storeKey(ctx, ctx.user.id, b), true));
	});
	r.post('/pgp-key/edit/{id}', (ctx) => {
		const k = ownPgpKey(ctx, pathUuid(ctx.params));
		const b = validateBody(ctx.body, { optional: { name: 'string', public: 'string', private: 'string' } });
		if (b.public !== undefined && !b.public.includes(ARMOUR('PUBLIC'))) throw badParam('Bad parameter value: public is not a PGP public key', { name: 'public' });
		if (b.private !== undefined && !b.private.includes(ARMOUR('PRIVATE'))) throw badParam('Bad parameter value: private is not a PGP private key', { name: 'private' });
		for (const f of ['name', 'public', 'private'] as const) if (b[f] !== undefined) k[f] = b[f];
		k.modified = ctx.state.now();
		ctx.send(200, pgpResp(ctx, k, true));
	});
	r.get('/pgp-key/delete/{id}', (ctx) => {
		const k = ownPgpKey(ctx, pathUuid(ctx.params));
		dir(ctx.state).pgpKeys.delete(k.id);
		ctx.send(200, { id: k.id });
	});
	r.get('/pgp-key/request/{ids[]}', (ctx) => {
		// unknown: how several ids go into this path (CATALOGUE §7.1); the sandbox takes one, or several comma-separated
		const ids = String(ctx.params['ids[]'] ?? '').split(',').map((x) => x.trim().toLowerCase());
		for (const id of ids) {
			if (!/^[0-9a-f-]{36}$/.test(id)) throw badParam('Bad parameter value: ids[] must be uuids', { name: 'ids[]' });
			if (!ctx.state.users.has(id) && !ctx.state.contacts.has(id)) throw notFound('Recipient', id);
		}
		const requests = adminOf(ctx.state).keyRequests;
		for (const id of ids) {
			const req = { id: randomUUID(), senderId: ctx.user.id, recipientId: id };
			requests.set(req.id, req);
		}
		ctx.send(202, { job_id: ctx.state.addJob('pgp-key-request', ctx.user.id, { ids }).id });
	});
	const keyRequest = (ctx: Ctx) => {
		const req = adminOf(ctx.state).keyRequests.get(pathUuid(ctx.params));
		if (!req) throw notFound('Key request', ctx.params.id);
		return req;
	};
	r.get('/key-request/metadata/{id}', (ctx) => {
		const req = keyRequest(ctx);
		const sender = ctx.state.users.get(req.senderId);
		const user = ctx.state.users.get(req.recipientId);
		const contact = ctx.state.contacts.get(req.recipientId);
		ctx.send(200, {
			id: req.id,
			sender_name: sender?.name,
			sender_email: sender?.email,
			user_name: user?.name ?? contact?.name,
			user_email: user?.email ?? contact?.email,
			locale: ctx.state.account.language,
			is_contact: !user,
		});
	});
	r.post('/key-request/respond/{id}', (ctx) => {
		const req = keyRequest(ctx);
		const b = validateBody<{ name: string; public: string; private?: string }>(ctx.body, { required: { name: 'string', public: 'string' }, optional: { private: 'string' } });
		storeKey(ctx, req.recipientId, b);
		adminOf(ctx.state).keyRequests.delete(req.id);
		ctx.send(202, { job_id: ctx.state.addJob('pgp-key-respond', ctx.user?.id ?? req.recipientId).id });
	});

	// ---------- widget, billing ----------
	r.get(
		'/widget/metadata/{id}',
		(ctx) => {
			const w = adminOf(ctx.state).widgets.get(pathUuid(ctx.params));
			if (!w) throw new ApiError(404, 91, 'Widget does not exist');
			ctx.send(200, { id: w.id });
		},
		{ auth: 'none' },
	);
	r.post('/billing/upgrade', (ctx) => {
		requireAdmin(ctx);
		const b = validateBody(ctx.body, {
			required: { currency: 'string', renewal_period: 'string' },
			optional: { qx_max_users: 'integer', sftp_max_users: 'integer', recurring_renewal: 'boolean', package_keys: 'string[]' },
		});
		oneOf('currency', b.currency, ['USD', 'GBP', 'EUR'] as const);
		oneOf('renewal_period', b.renewal_period, ['1 month', '1 year'] as const);
		const invoice = randomUUID();
		((ctx.state.ext.upgrades ??= []) as unknown[]).push({ ...b, invoice });
		ctx.send(200, { status: 'success', upgrade_invoice_id: invoice, invoice_ids: [invoice] });
	});

	// ---------- previews ----------
	const previewKind = (ctx: Ctx) => {
		const f = ctx.state.getFile(ctx.user.id, pathUuid(ctx.params));
		if (f.type !== 'F') throw new ApiError(400, ErrorCode.NOT_SUPPORTED, 'Not supported: folders have no preview');
		const kind = KIND_BY_EXTENSION[f.name.split('.').pop()?.toLowerCase() ?? ''];
		// unknown: the real answer for a file without a preview
		if (!kind) throw new ApiError(400, ErrorCode.NOT_SUPPORTED, 'Not supported: no preview for this kind of file');
		return { f, kind };
	};
	r.get('/file/preview/{id}', (ctx) => {
		const { f, kind } = previewKind(ctx);
		ctx.send(200, { type: kind, uri: `/api/1.0/preview/${f.id}` });
	});
	r.get('/preview/{id}', (ctx) => {
		const { kind } = previewKind(ctx);
		const p = PREVIEWS[kind];
		ctx.sendRaw(200, p.bytes, p.mime);
	});
}

/** Tests: an upload widget to read back (widgets are made in the web app). */
export function seedWidget(state: SandboxState): string {
	const id = randomUUID();
	adminOf(state).widgets.set(id, { id });
	return id;
}
