/**
 * Reading a Quatrix list that has a `limit` but no offset (`/tracking/activity`, `/inbox`) completely.
 *
 * An answer with fewer than `pageSize` rows holds everything in its window. A full answer was cut short, and
 * since Quatrix does not document which rows it keeps, the window is split in two and each half read again,
 * until every window comes back short. Halves share their split point, so whether Quatrix treats `from` or
 * `to` as inclusive, no row falls between them; rows that come back twice are dropped by id. Nothing here
 * depends on the order of Quatrix's answer.
 */

/** Two timestamps closer than this (seconds) are one instant: a full answer there cannot be split further. */
export const SMALLEST_WINDOW_SECONDS = 1e-6;

export interface TimeWindow {
	/** epoch seconds */
	from: number;
	/** epoch seconds */
	to: number;
	/** rows to ask for */
	limit: number;
}

export interface TimeWindowOptions<T> {
	/** epoch seconds, the start of the period */
	from: number;
	/** epoch seconds, the end of the period */
	to: number;
	/** rows per request: the endpoint's maximum `limit` (1000 for Quatrix) */
	pageSize: number;
	/** the unique id of a row */
	idOf: (row: T) => string;
	/** the row's time in epoch seconds, the one Quatrix filters `from`/`to` on */
	timeOf: (row: T) => number;
	/** stop once this many rows are certain; default: every row of the period */
	maxRows?: number;
	/** which end of the period to return first (and to keep, with maxRows); default 'oldest' */
	order?: 'oldest' | 'newest';
}

/** More rows than one page share a single instant: no `from`/`to` can tell them apart. */
export class TimeWindowOverflowError extends Error {
	constructor(
		readonly timestamp: number,
		readonly pageSize: number,
	) {
		super(
			`More than ${pageSize} rows share the time ${new Date(timestamp * 1000).toISOString()}; Quatrix's API has no offset to read past them`,
		);
		this.name = 'TimeWindowOverflowError';
	}
}

/**
 * Where to split a full window: the time of its middle row when that lies strictly inside the window (the
 * answer is a sample of the window, so this halves the rows whatever order Quatrix returns them in), else
 * the middle of the window. Either way both halves are smaller than the window, so the reading ends.
 */
function splitPoint(times: number[], from: number, to: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	return median > from && median < to ? median : from + (to - from) / 2;
}

/**
 * Every row of the period exactly once, sorted by time (ties by id), oldest or newest first.
 * `fetchPage` asks Quatrix for one window; it is called with windows inside [from, to] only.
 * Throws TimeWindowOverflowError when more than `pageSize` rows carry one timestamp.
 */
export async function collectTimeWindow<T>(
	fetchPage: (window: TimeWindow) => Promise<T[]>,
	options: TimeWindowOptions<T>,
): Promise<T[]> {
	const { pageSize, idOf, timeOf, maxRows } = options;
	const newestFirst = options.order === 'newest';
	const rows = new Map<string, T>();
	const enough = () => maxRows !== undefined && rows.size >= maxRows;

	const read = async (from: number, to: number): Promise<void> => {
		const page = await fetchPage({ from, to, limit: pageSize });
		if (page.length < pageSize) {
			for (const row of page) if (!rows.has(idOf(row))) rows.set(idOf(row), row);
			return;
		}
		if (to - from <= SMALLEST_WINDOW_SECONDS) throw new TimeWindowOverflowError(from, pageSize);
		const middle = splitPoint(page.map(timeOf), from, to);
		const halves: Array<[number, number]> = newestFirst
			? [
					[middle, to],
					[from, middle],
				]
			: [
					[from, middle],
					[middle, to],
				];
		for (const [start, end] of halves) {
			if (enough()) return;
			await read(start, end);
		}
	};

	if (options.to >= options.from) await read(options.from, options.to);
	const sorted = [...rows.values()].sort((a, b) => timeOf(a) - timeOf(b) || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
	if (newestFirst) sorted.reverse();
	return maxRows === undefined ? sorted : sorted.slice(0, maxRows);
}
