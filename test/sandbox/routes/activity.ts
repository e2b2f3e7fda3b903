/**
 * Activity log (CATALOGUE §4.2): GET /tracking/activity and GET /tracking/csv.
 * The window is [from, to], both inclusive (from defaults to 0, to to now). Rows come sorted by timestamp
 * ascending and, when more than `limit` fall in the window, the OLDEST `limit` are returned (unknown: the
 * real order is undocumented). A super admin sees every user's rows, anyone else only their own (unknown).
 * `id` (undocumented "log id") is taken as a single-row lookup (unknown).
 */
import type { Router } from '../router';
import type { Ctx } from '../server';
import { badParam } from '../errors';
import { queryNumber, queryUuid } from '../validate';
import { activityResp } from '../activity';
import type { ActivityEvent } from '../state';
import { csvLine, isoTime } from './files';

function window(ctx: Ctx, withLimit: boolean): ActivityEvent[] {
	const q = ctx.query;
	const from = queryNumber(q, 'from') ?? 0;
	const to = queryNumber(q, 'to') ?? ctx.state.now();
	const userId = queryUuid(q, 'user_id');
	const id = queryUuid(q, 'id');
	let limit = Infinity;
	if (withLimit) {
		limit = queryNumber(q, 'limit') ?? 100;
		if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badParam('Bad parameter value: limit must be 1..1000', { name: 'limit' });
	}
	const me = ctx.user;
	const rows = ctx.state.activity.filter(
		(e) =>
			e.timestamp >= from &&
			e.timestamp <= to &&
			(me.superAdmin || e.user_id === me.id) &&
			(!userId || e.user_id === userId) &&
			(!id || e.id === id),
	);
	// stable sort: rows with equal timestamps keep the order they were recorded in
	rows.sort((a, b) => a.timestamp - b.timestamp);
	return rows.length > limit ? rows.slice(0, limit) : rows;
}

export function register(r: Router): void {
	r.get('/tracking/activity', (ctx) => ctx.send(200, window(ctx, true).map(activityResp)));
	r.get('/tracking/csv', (ctx) => {
		const users = ctx.state.users;
		const lines = [csvLine(['Time', 'Event', 'Action', 'Client IPs', 'User name', 'Email', 'User status', 'Protocol', 'Payload'])];
		for (const e of window(ctx, false)) {
			lines.push(
				csvLine([isoTime(e.timestamp), e.event, e.action, '127.0.0.1', e.user_name, e.email, users.get(e.user_id)?.status ?? e.user_status, e.protocol, JSON.stringify(e.payload)]),
			);
		}
		ctx.sendRaw(200, lines.join(''), 'text/csv; charset=utf-8', { 'Content-Disposition': 'attachment; filename="activity.csv"' });
	});
}
