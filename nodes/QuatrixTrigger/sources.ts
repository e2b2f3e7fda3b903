import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { collectTimeWindow, SMALLEST_WINDOW_SECONDS } from '../Quatrix/helpers/timeWindowPaging';
import type { TimeWindow } from '../Quatrix/helpers/timeWindowPaging';
import { quatrixRequest } from '../Quatrix/transport/request';
import { expectArray, expectShape } from '../Quatrix/transport/shape';

/** The largest `limit` of /tracking/activity and /inbox. */
export const PAGE_SIZE = 1000;

/** The most rows one poll reads from a feed; a larger backlog is read over the following polls, in order. */
export const MAX_ROWS_PER_POLL = 5000;

/** A day, in seconds. */
export const DAY = 86_400;

/**
 * How far back a folder-change poll looks again (seconds): a change Quatrix records a moment late is still
 * seen, and the keys kept from the previous poll stop it from being emitted twice.
 */
export const FOLDER_OVERLAP_SECONDS = 5;

/**
 * How far back an inbox poll looks again (seconds). The inbox is read up to n8n's clock (a share may be
 * scheduled to activate later, so "up to the newest row" would skip ahead); the overlap covers a Quatrix
 * clock that runs behind n8n's.
 */
export const INBOX_OVERLAP_SECONDS = 300;

export interface ActivityCursor extends IDataObject {
	/** epoch seconds of the newest row handled */
	ts: number;
	/** ids of the rows at exactly `ts` already handled */
	ids: string[];
}

export interface InboxCursor extends IDataObject {
	from: number;
	/** ids of shares with `activates` ≥ from already handled */
	ids: string[];
}

export interface FolderCursor extends IDataObject {
	folderId: string;
	/** Quatrix's `to` of the last answer */
	to: number;
	/** keys of the entries of the last answer */
	keys: string[];
}

type Row = IDataObject & { id: string };

function checkedRows(ctx: IPollFunctions, action: string, body: unknown, timeField: string): Row[] {
	return expectArray<IDataObject>(ctx, action, body).map(
		(row) => expectShape<Row>(ctx, action, row, { id: 'string', [timeField]: 'number' }),
	);
}

/**
 * Reads a limit-only feed (`/tracking/activity`, `/inbox`) for [from, to] completely, oldest first, with the
 * shared time-window paging. More than a page of rows at one instant cannot be told apart through this API:
 * then the rows Quatrix gave are taken and a warning is logged rather than stopping the trigger for good.
 */
async function readFeed(
	ctx: IPollFunctions,
	feed: { path: string; action: string; timeField: string; qs?: IDataObject },
	window: { from: number; to: number; maxRows?: number; order?: 'oldest' | 'newest' },
): Promise<Row[]> {
	const fetchPage = async ({ from, to, limit }: TimeWindow): Promise<Row[]> => {
		const body = await quatrixRequest.call(ctx, {
			method: 'GET',
			path: feed.path,
			qs: { ...feed.qs, from, to, limit },
			action: feed.action,
		});
		const rows = checkedRows(ctx, feed.action, body, feed.timeField);
		if (rows.length >= limit && to - from <= SMALLEST_WINDOW_SECONDS) {
			ctx.logger.warn(`Quatrix Trigger: more than ${limit} rows share one timestamp in ${feed.path}; only ${limit - 1} of them can be read`);
			return rows.slice(0, limit - 1);
		}
		return rows;
	};
	return await collectTimeWindow(fetchPage, {
		from: window.from,
		to: window.to,
		pageSize: PAGE_SIZE,
		idOf: (row) => row.id,
		timeOf: (row) => row[feed.timeField] as number,
		maxRows: window.maxRows,
		order: window.order,
	});
}

const ACTIVITY = { path: '/tracking/activity', action: 'read the activity log', timeField: 'timestamp' };
const INBOX = { path: '/inbox', action: 'read the inbox', timeField: 'activates' };

/**
 * New activity rows since the cursor, oldest first, and the cursor after them.
 *
 * Read up to "a day after now" rather than up to n8n's clock, and the cursor becomes the newest row's own
 * timestamp: so a Quatrix clock that differs from n8n's cannot make a row fall between two polls. Rows at
 * the cursor's timestamp are told apart by id.
 */
export async function newActivity(ctx: IPollFunctions, cursor: ActivityCursor, now: number): Promise<{ rows: Row[]; cursor: ActivityCursor }> {
	const rows = await readFeed(ctx, ACTIVITY, { from: cursor.ts, to: Math.max(now, cursor.ts) + DAY, maxRows: MAX_ROWS_PER_POLL });
	const handled = new Set(cursor.ids);
	const fresh = rows.filter((row) => {
		const ts = row.timestamp as number;
		return ts > cursor.ts || (ts === cursor.ts && !handled.has(row.id));
	});
	if (fresh.length === 0) return { rows: [], cursor };
	const newest = fresh[fresh.length - 1].timestamp as number;
	const atNewest = rows.filter((row) => row.timestamp === newest).map((row) => row.id);
	const ids = newest === cursor.ts ? [...new Set([...cursor.ids, ...atNewest])] : atNewest;
	return { rows: fresh, cursor: { ts: newest, ids } };
}

/** The newest activity rows within `lookbackSeconds`, newest first (for "Fetch Test Event"). */
export async function latestActivity(ctx: IPollFunctions, now: number, lookbackSeconds: number): Promise<Row[]> {
	return await readFeed(ctx, ACTIVITY, { from: now - lookbackSeconds, to: now + DAY, maxRows: PAGE_SIZE, order: 'newest' });
}

/** Shares received since the cursor, oldest first, and the cursor after them. */
export async function newInbox(ctx: IPollFunctions, cursor: InboxCursor, now: number): Promise<{ rows: Row[]; cursor: InboxCursor }> {
	const to = Math.max(now, cursor.from);
	const rows = await readFeed(ctx, INBOX, { from: cursor.from, to });
	const handled = new Set(cursor.ids);
	const fresh = rows.filter((row) => !handled.has(row.id));
	const from = Math.max(cursor.from, to - INBOX_OVERLAP_SECONDS);
	const ids = rows.filter((row) => (row.activates as number) >= from).map((row) => row.id);
	return { rows: fresh, cursor: { from, ids } };
}

export async function latestInbox(ctx: IPollFunctions, now: number, lookbackSeconds: number): Promise<Row[]> {
	return await readFeed(ctx, INBOX, { from: now - lookbackSeconds, to: now, maxRows: PAGE_SIZE, order: 'newest' });
}

export interface FolderChange {
	key: string;
	entry: IDataObject;
}

const REMOVAL = /delet|purge|remov|trash/i;
const FOLDER_TYPES = new Set(['D', 'T', 'S']);

/** `GET /file/diff/{id}`: Quatrix's aggregated changes of a folder tree since `from`, and its own `to`. */
async function folderDiff(ctx: IPollFunctions, folderId: string, from: number): Promise<{ to: number; changes: FolderChange[] }> {
	const action = 'read the changes of the watched folder';
	const body = expectShape<IDataObject>(
		ctx,
		action,
		await quatrixRequest.call(ctx, { method: 'GET', path: `/file/diff/${folderId}`, qs: { from }, action }),
		{ to: 'number', data: 'array' },
	);
	const changes = (body.data as unknown[])
		.filter((entry): entry is IDataObject => !!entry && typeof entry === 'object')
		.filter((entry) => typeof entry.id === 'string' && !FOLDER_TYPES.has(String(entry.type)) && !REMOVAL.test(String(entry.action ?? '')))
		.map((entry) => ({ key: `${String(entry.id)}:${String(entry.action ?? '')}:${String(entry.modified ?? '')}`, entry }))
		.sort((a, b) => Number(a.entry.modified ?? 0) - Number(b.entry.modified ?? 0));
	return { to: body.to as number, changes };
}

/** New or changed files in the folder since the cursor, and the cursor after them. */
export async function newFolderChanges(ctx: IPollFunctions, cursor: FolderCursor): Promise<{ changes: FolderChange[]; cursor: FolderCursor }> {
	const from = cursor.to - FOLDER_OVERLAP_SECONDS;
	const { to, changes } = await folderDiff(ctx, cursor.folderId, from);
	const seen = new Set(cursor.keys);
	return {
		changes: changes.filter((change) => !seen.has(change.key)),
		cursor: { folderId: cursor.folderId, to: Math.max(to, cursor.to), keys: changes.map((change) => change.key) },
	};
}

export async function latestFolderChanges(ctx: IPollFunctions, folderId: string, now: number, lookbackSeconds: number): Promise<FolderChange[]> {
	const { changes } = await folderDiff(ctx, folderId, now - lookbackSeconds);
	return changes.reverse();
}
