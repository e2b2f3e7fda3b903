/** Groups (CATALOGUE §2 Group): list and metadata, with members. */
import type { Router } from '../router';
import type { Ctx } from '../server';
import { notFound } from '../errors';
import { pathUuid } from '../validate';
import { dir, extrasOf } from '../directory';
import type { LooseRecord } from '../state';

/** GroupResp. unknown: the real `type` values; the sandbox says "user" or "contact". */
function groupResp(ctx: Ctx, g: LooseRecord): Record<string, unknown> {
	const users =
		g.kind === 'user'
			? [...ctx.state.users.values()].filter((u) => extrasOf(ctx.state, u).groups.includes(g.id)).map((u) => ({ id: u.id, name: u.name }))
			: [...ctx.state.contacts.values()].filter((c) => ((c.groups as string[]) ?? []).includes(g.id)).map((c) => ({ id: c.id, name: c.name }));
	return {
		id: g.id,
		name: g.name,
		type: g.kind,
		operations: g.operations,
		users,
		groups: [],
		metadata: { is_system: Boolean(g.is_system), visual_order: 0 },
	};
}

export function register(r: Router): void {
	r.get('/group', (ctx) => {
		dir(ctx.state);
		ctx.send(200, [...ctx.state.groups.values()].map((g) => groupResp(ctx, g)));
	});
	r.get('/group/metadata/{id}', (ctx) => {
		dir(ctx.state);
		const id = pathUuid(ctx.params);
		const g = ctx.state.groups.get(id);
		if (!g) throw notFound('Group', id);
		ctx.send(200, groupResp(ctx, g));
	});
}
