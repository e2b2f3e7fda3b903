/**
 * Share tracking (CATALOGUE §2 Share/ActivityLog, §4.1): GET /tracking/ and /tracking/{user_id} (shares,
 * quicklinks and requests made), /tracking/files/{share_id} (download counters per file) and
 * /tracking/downloads/{shared_file_id} (download rows). The literal /tracking/activity and /tracking/csv
 * routes (activity.ts) win over /tracking/{id} in the router.
 */
import type { Router } from '../router';
import type { Ctx } from '../server';
import { notFound, restricted } from '../errors';
import { pathUuid, queryNumber } from '../validate';
import type { SandboxState } from '../state';
import { canManage, getShare, recipientOf, shareRecords, type ShareRecord } from './shares';

/**
 * TrackingRespItems. unknown: the values of `type` and `status`; the sandbox says share | quicklink | request,
 * and A (active) | D (revoked) like the activity log's share_status.
 */
function trackingRow(st: SandboxState, share: ShareRecord, withRequestFields: boolean): Record<string, unknown> {
	const emails = share.recipients.map((id) => recipientOf(st, id)?.email ?? '').filter(Boolean);
	const row: Record<string, unknown> = {
		id: share.id,
		created: share.created,
		type: share.kind,
		subject: share.subject,
		status: share.status,
		release_date: share.activates,
		expire_date: share.expires,
		email: emails[0] ?? '',
		emails,
		owner_id: share.owner_id,
		is_reply: false,
	};
	if (withRequestFields) {
		row.is_request = share.kind === 'request';
		row.can_reply = share.return_files;
		row.folder = st.files.get(share.folder_id)?.name ?? '';
	}
	return row;
}

/** unknown: what `date` selects; the sandbox takes it as "created at or after". */
function list(ctx: Ctx, userId: string | undefined): void {
	const st = ctx.state;
	const date = queryNumber(ctx.query, 'date');
	if (userId && userId !== ctx.user.id && !ctx.user.superAdmin) throw restricted('Restriction error: you cannot manage this user');
	const rows = shareRecords(st)
		.filter((s) => (userId ? s.owner_id === userId : canManage(ctx.user, s)) && (date === undefined || s.created >= date))
		.sort((a, b) => a.created - b.created)
		.map((s) => trackingRow(st, s, !userId));
	ctx.send(200, rows);
}

/** GET /tracking/files/{share_id}. The shared file id is the file id (unknown: Quatrix may use its own ids). */
function files(ctx: Ctx): void {
	const st = ctx.state;
	const share = getShare(st, pathUuid(ctx.params));
	if (!canManage(ctx.user, share)) throw notFound('Share', share.id);
	ctx.send(
		200,
		share.files.map((id) => {
			const f = st.files.get(id);
			return {
				id,
				name: f?.name ?? '',
				size: f?.size ?? 0,
				type: f?.type ?? 'F',
				downloads: share.downloads.filter((d) => d.file_id === id).length,
			};
		}),
	);
}

/** GET /tracking/downloads/{shared_file_id}: every download of that file in shares the caller manages. */
function downloads(ctx: Ctx): void {
	const st = ctx.state;
	const id = pathUuid(ctx.params);
	const mine = shareRecords(st).filter((s) => canManage(ctx.user, s) && s.files.includes(id));
	if (!mine.length) throw notFound('Shared file', id);
	ctx.send(
		200,
		mine.flatMap((s) => s.downloads.filter((d) => d.file_id === id)).map(({ time, ip, recipient, name, size, duration }) => ({ time, ip, recipient, name, size, duration })),
	);
}

export function register(r: Router): void {
	r.get('/tracking/', (ctx) => list(ctx, undefined));
	r.get('/tracking/{id}', (ctx) => list(ctx, pathUuid(ctx.params)));
	r.get('/tracking/files/{id}', files);
	r.get('/tracking/downloads/{id}', downloads);
}
