import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { quatrixRequest } from '../transport/request';
import { expectArray } from '../transport/shape';
import { collectTimeWindow, TimeWindowOverflowError } from './timeWindowPaging';
import { inputError, toEpochSeconds } from './validate';

/** Quatrix's largest `limit` on /tracking/activity and /inbox. */
export const MAX_PAGE_ROWS = 1000;

/** Room for a Quatrix clock that runs a little ahead of n8n's, when the period ends "now". */
const CLOCK_SLACK_SECONDS = 300;

/** The From/To period of a step, in epoch seconds; From defaults to the beginning, To to now. */
export function periodOf(ctx: IExecuteFunctions, itemIndex: number): { from: number; to: number } {
	const fromValue = ctx.getNodeParameter('from', itemIndex, '') as string;
	const toValue = ctx.getNodeParameter('to', itemIndex, '') as string;
	const from = fromValue ? toEpochSeconds(ctx, itemIndex, 'From', fromValue) : 0;
	const to = toValue ? toEpochSeconds(ctx, itemIndex, 'To', toValue) : Date.now() / 1000 + CLOCK_SLACK_SECONDS;
	if (to < from) throw inputError(ctx, itemIndex, 'To', 'is before From', 'Choose a To time after From.');
	return { from, to };
}

/** Explains a period that Quatrix's limit-only paging cannot read through. */
export function overflowError(ctx: IExecuteFunctions, itemIndex: number, error: unknown): unknown {
	if (!(error instanceof TimeWindowOverflowError)) return error;
	return new NodeOperationError(ctx.getNode(), error.message, {
		itemIndex,
		description: 'Quatrix can only narrow its answer by time. Filter by user, or read that moment with the CSV export.',
	});
}

/** A Quatrix list that has a `limit` but no offset, read by time window: /tracking/activity and /inbox. */
export interface TimeFeed {
	path: string;
	/** What is being read, in the user's words, for errors. */
	action: string;
	/** Filters sent with every window, e.g. `user_id`. */
	qs?: IDataObject;
	/** The row's time field: `timestamp` (activity) or `activates` (inbox). */
	timeField: string;
}

/** Every row of a time feed in [from, to], each once, newest or oldest first; `maxRows` may stop early. */
export async function readTimeFeed(
	ctx: IExecuteFunctions,
	itemIndex: number,
	feed: TimeFeed,
	period: { from: number; to: number; order?: 'newest' | 'oldest'; maxRows?: number },
): Promise<IDataObject[]> {
	try {
		return await collectTimeWindow<IDataObject>(
			async (window) =>
				expectArray(
					ctx,
					feed.action,
					await quatrixRequest.call(ctx, { method: 'GET', path: feed.path, qs: { ...window, ...feed.qs }, action: feed.action, itemIndex }),
					itemIndex,
				),
			{
				from: period.from,
				to: period.to,
				pageSize: MAX_PAGE_ROWS,
				idOf: (row) => String(row.id),
				timeOf: (row) => Number(row[feed.timeField]),
				order: period.order ?? 'newest',
				maxRows: period.maxRows,
			},
		);
	} catch (error) {
		throw overflowError(ctx, itemIndex, error);
	}
}
