/** Automation rules (CATALOGUE §2 Automation): list, metadata, create, bulk edit (trailing slash), delete. */
import { randomUUID } from 'crypto';
import type { Router } from '../router';
import type { Ctx } from '../server';
import { badParam, notFound } from '../errors';
import { pathUuid, validateBody } from '../validate';
import { oneOf } from '../directory';
import type { LooseRecord } from '../state';

const ACTIONS = ['autodelete', 'video_upload'] as const;
const OPTIONAL = { status: 'string', options: 'object', comment: 'string', expires: 'number', email: 'string[]' } as const;
const OPTION_TYPES: Record<string, string> = {
	expire: 'number',
	keep_folder_structure: 'boolean',
	skip_home_folders: 'boolean',
	skip_shared_folders: 'boolean',
	super_trash: 'boolean',
	protected_folder_ids: 'object',
	oauth_code: 'string',
};

function checkOptions(options: Record<string, unknown> | undefined): void {
	for (const [k, v] of Object.entries(options ?? {})) {
		const t = OPTION_TYPES[k];
		// unknown: whether unknown option keys are refused; the sandbox refuses them to catch typos
		if (!t) throw badParam(`Bad parameter value: options.${k} is not known`, { name: `options.${k}` });
		if (typeof v !== t) throw badParam(`Bad parameter value: options.${k} has the wrong type`, { name: `options.${k}` });
	}
}

function resp(ctx: Ctx, a: LooseRecord): Record<string, unknown> {
	const folder = ctx.state.files.get(a.file_id as string);
	const { owner_id, file_id, created, modified, status, action, options, email, rule_num, comment, expires } = a;
	return { id: a.id, owner_id, file_id, created, modified, status, action, options, email, file_path: folder ? ctx.state.pathOf(folder) : undefined, rule_num, comment, expires };
}

function getRule(ctx: Ctx, id: string): LooseRecord {
	const a = ctx.state.automations.get(id);
	if (!a || (a.owner_id !== ctx.user.id && !ctx.user.superAdmin)) throw notFound('Automation rule', id);
	return a;
}

export function register(r: Router): void {
	r.get('/automation', (ctx) => {
		ctx.send(200, [...ctx.state.automations.values()].filter((a) => a.owner_id === ctx.user.id || ctx.user.superAdmin).map((a) => resp(ctx, a)));
	});

	r.get('/automation/metadata/{id}', (ctx) => ctx.send(200, resp(ctx, getRule(ctx, pathUuid(ctx.params)))));

	r.post('/automation/create', (ctx) => {
		const b = validateBody(ctx.body, { required: { action: 'string', file_id: 'uuid' }, optional: OPTIONAL });
		oneOf('action', b.action, ACTIONS);
		oneOf('status', b.status, ['A', 'D'] as const);
		checkOptions(b.options);
		const folder = ctx.state.getFolder(ctx.user.id, b.file_id);
		const t = Math.floor(ctx.state.now());
		const count = ((ctx.state.ext.automationCount as number | undefined) ?? 0) + 1;
		ctx.state.ext.automationCount = count;
		const a: LooseRecord = {
			id: randomUUID(),
			owner_id: ctx.user.id,
			file_id: folder.id,
			created: t,
			modified: t,
			status: b.status ?? 'A',
			action: b.action,
			options: b.options ?? {},
			email: b.email ?? [],
			comment: b.comment ?? '',
			expires: b.expires ?? 0,
			rule_num: count,
		};
		ctx.state.automations.set(a.id, a);
		ctx.send(201, resp(ctx, a));
	});

	r.post('/automation/edit/', (ctx) => {
		const b = validateBody(ctx.body, { required: { ids: 'uuid[]' }, optional: { ...OPTIONAL, action: 'string', file_id: 'uuid' } });
		if (b.ids.length === 0) throw badParam('Bad parameter value: ids is empty', { name: 'ids' });
		oneOf('action', b.action, ACTIONS);
		oneOf('status', b.status, ['A', 'D'] as const);
		checkOptions(b.options);
		if (b.file_id !== undefined) ctx.state.getFolder(ctx.user.id, b.file_id);
		const rules = b.ids.map((id: string) => getRule(ctx, id.toLowerCase()));
		for (const a of rules) {
			for (const k of ['action', 'file_id', 'status', 'comment', 'expires', 'email'] as const) if (b[k] !== undefined) a[k] = b[k];
			// unknown: whether options merge or replace; the sandbox merges
			if (b.options) a.options = { ...(a.options as object), ...b.options };
			a.modified = Math.floor(ctx.state.now());
		}
		ctx.send(200, rules.map((a: LooseRecord) => resp(ctx, a)));
	});

	r.post('/automation/delete', (ctx) => {
		const b = validateBody(ctx.body, { required: { ids: 'uuid[]' } });
		if (b.ids.length === 0) throw badParam('Bad parameter value: ids is empty', { name: 'ids' });
		const rules = b.ids.map((id: string) => getRule(ctx, id.toLowerCase()));
		for (const a of rules) ctx.state.automations.delete(a.id);
		ctx.send(200, { ids: rules.map((a: LooseRecord) => a.id) });
	});
}
