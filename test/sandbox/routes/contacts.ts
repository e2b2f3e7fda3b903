/** Contacts (CATALOGUE §2 Contact): list, metadata, create (code 32 when the email exists), edit, delete, upgrade, groups. */
import { randomUUID } from 'crypto';
import type { Router } from '../router';
import type { Ctx } from '../server';
import { ApiError, ErrorCode, badParam, notFound } from '../errors';
import { pathUuid, validateBody } from '../validate';
import { dir, groupRef, keyOf, userResp } from '../directory';
import type { LooseRecord } from '../state';
import { emailTaken } from './users';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** unknown: the real `type` values; the sandbox says "personal" or "site". */
function contactResp(ctx: Ctx, c: LooseRecord): Record<string, unknown> {
	return {
		id: c.id,
		name: c.name,
		email: c.email,
		type: c.personal ? 'personal' : 'site',
		status: 'A',
		created: Math.floor(c.created as number),
		owner_id: c.owner_id,
		readonly: false,
		has_key: keyOf(ctx.state, c.id) !== undefined,
		groups: ((c.groups as string[]) ?? []).map((id) => ctx.state.groups.get(id)).filter((g): g is LooseRecord => !!g).map(groupRef),
	};
}

/** Personal contacts are seen by their owner only; site contacts by everyone. */
const visible = (ctx: Ctx, c: LooseRecord) => !c.personal || c.owner_id === ctx.user.id;

function getContact(ctx: Ctx, id: string): LooseRecord {
	const c = ctx.state.contacts.get(id);
	if (!c || !visible(ctx, c)) throw notFound('Contact', id);
	return c;
}

function checkFields(ctx: Ctx, b: Record<string, any>): void {
	if (b.name !== undefined && (b.name.length < 1 || b.name.length > 511)) throw badParam('Bad parameter value: name must be 1 to 511 characters', { name: 'name' });
	if (b.email !== undefined && (b.email.length < 6 || b.email.length > 254 || !EMAIL.test(b.email))) {
		throw badParam('Bad parameter value: email is not valid', { name: 'email' });
	}
	for (const id of b.groups ?? []) {
		const g = ctx.state.groups.get(id);
		if (!g || g.kind !== 'contact') throw notFound('Group', id);
	}
}

const contactExists = () => new ApiError(400, ErrorCode.CONTACT_EXISTS, 'Email is already taken');

function sameEmail(ctx: Ctx, email: string, exceptId?: string): LooseRecord | undefined {
	const e = email.toLowerCase();
	return [...ctx.state.contacts.values()].find((c) => c.id !== exceptId && visible(ctx, c) && String(c.email).toLowerCase() === e);
}

export function register(r: Router): void {
	r.get('/contact', (ctx) => {
		dir(ctx.state);
		ctx.send(200, [...ctx.state.contacts.values()].filter((c) => visible(ctx, c)).map((c) => contactResp(ctx, c)));
	});

	r.get('/contact/metadata/{id}', (ctx) => ctx.send(200, contactResp(ctx, getContact(ctx, pathUuid(ctx.params)))));

	r.post('/contact/create', (ctx) => {
		const b = validateBody(ctx.body, { required: { email: 'string', name: 'string' }, optional: { personal: 'boolean', groups: 'uuid[]' } });
		checkFields(ctx, b);
		if (sameEmail(ctx, b.email)) throw contactExists();
		const c: LooseRecord = {
			id: randomUUID(),
			email: b.email,
			name: b.name,
			personal: Boolean(b.personal),
			groups: b.groups ?? [],
			owner_id: ctx.user.id,
			created: ctx.state.now(),
		};
		ctx.state.contacts.set(c.id, c);
		ctx.send(201, contactResp(ctx, c));
	});

	r.post('/contact/edit/{id}', (ctx) => {
		const c = getContact(ctx, pathUuid(ctx.params));
		const b = validateBody(ctx.body, { optional: { name: 'string', email: 'string', personal: 'boolean', groups: 'uuid[]' } });
		checkFields(ctx, b);
		if (b.email !== undefined && sameEmail(ctx, b.email, c.id)) throw contactExists();
		for (const k of ['name', 'email', 'personal', 'groups'] as const) if (b[k] !== undefined) c[k] = b[k];
		ctx.send(200, contactResp(ctx, c));
	});

	r.post('/contact/delete', (ctx) => {
		const b = validateBody(ctx.body, { required: { ids: 'uuid[]' } });
		if (b.ids.length === 0) throw badParam('Bad parameter value: ids is empty', { name: 'ids' });
		const contacts = b.ids.map((id: string) => getContact(ctx, id.toLowerCase()));
		for (const c of contacts) ctx.state.contacts.delete(c.id);
		ctx.send(200, contacts.map((c: LooseRecord) => ({ id: c.id })));
	});

	r.get('/contact/upgrade/{id}', (ctx) => {
		const c = getContact(ctx, pathUuid(ctx.params));
		if (ctx.state.userByEmail(String(c.email))) throw emailTaken();
		const u = ctx.state.addUser({ email: String(c.email), name: String(c.name), password: randomUUID() });
		// unknown: whether the contact record stays; the sandbox drops it (the person is a user now)
		ctx.state.contacts.delete(c.id);
		ctx.send(200, userResp(ctx.state, u));
	});

	r.get('/contact/group', (ctx) => {
		dir(ctx.state);
		ctx.send(
			200,
			[...ctx.state.groups.values()].filter((g) => g.kind === 'contact').map((g) => ({ id: g.id, name: g.name, global: Boolean(g.global), readonly: Boolean(g.readonly) })),
		);
	});
}
