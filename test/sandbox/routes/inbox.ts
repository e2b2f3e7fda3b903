/**
 * Inbox (CATALOGUE §2 Inbox, §4.1): shares and file requests received by the caller. Like the activity log the
 * window [from, to] is inclusive on `activates`, rows come oldest first and only the oldest `limit` are sent
 * (unknown: the real order); `id` is taken as a single-row lookup (unknown).
 */
import type { Router } from '../router';
import type { Ctx } from '../server';
import { badParam } from '../errors';
import { queryNumber, queryUuid } from '../validate';
import { shareRecords } from './shares';

function inbox(ctx: Ctx): void {
	const st = ctx.state;
	const q = ctx.query;
	const from = queryNumber(q, 'from') ?? 0;
	const to = queryNumber(q, 'to') ?? st.now();
	const id = queryUuid(q, 'id');
	const limit = queryNumber(q, 'limit') ?? 100;
	if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badParam('Bad parameter value: limit must be 1..1000', { name: 'limit' });
	const rows = shareRecords(st)
		.filter((s) => s.kind !== 'quicklink' && s.recipients.includes(ctx.user.id) && s.activates >= from && s.activates <= to && (!id || s.id === id))
		.sort((a, b) => a.activates - b.activates)
		.slice(0, limit)
		.map((s) => ({
			id: s.id,
			activates: s.activates,
			expires: s.expires,
			subject: s.subject,
			sender_name: st.users.get(s.owner_id)?.name ?? '',
			type: s.share_type,
			file_request: s.kind === 'request',
			replied: s.replied_by.includes(ctx.user.id),
			protected: s.pin !== undefined,
			is_reply: false,
		}));
	ctx.send(200, rows);
}

export function register(r: Router): void {
	r.get('/inbox', inbox);
}
