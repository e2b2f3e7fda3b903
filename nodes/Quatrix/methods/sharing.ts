import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listTracking, trackingKindOf } from '../helpers/sharing';
import { quatrixRequest } from '../transport/request';

const KIND_NAMES = { share: 'Share', quicklink: 'Quicklink', fileRequest: 'File request' };
const PICKER_ROWS = 200;

const day = (seconds: unknown) => (Number(seconds) > 0 ? new Date(Number(seconds) * 1000).toISOString().slice(0, 10) : '');
const matches = (filter: string | undefined, ...texts: unknown[]) => {
	const wanted = (filter ?? '').trim().toLowerCase();
	return wanted === '' || texts.some((text) => String(text ?? '').toLowerCase().includes(wanted));
};

/** Shares, quicklinks and requests you made or manage, newest first: "Share · Q3 report · 2026-03-01 → anna@…". */
export async function searchShares(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const rows = (await listTracking(this, undefined)).sort((a, b) => Number(b.created ?? 0) - Number(a.created ?? 0));
	const results = rows
		.filter((row) => matches(filter, row.subject, row.email, ...((row.emails as string[]) ?? []), row.id))
		.slice(0, PICKER_ROWS)
		.map((row) => {
			const to = ((row.emails as string[] | undefined) ?? []).join(', ') || String(row.email ?? '');
			const subject = String(row.subject ?? '') || '(no subject)';
			return { name: `${KIND_NAMES[trackingKindOf(row)]} · ${subject} · ${day(row.created)}${to ? ` → ${to}` : ''}`, value: String(row.id) };
		});
	return { results };
}

/** Shares and file requests you received (the inbox), newest first. */
export async function searchReceivedShares(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const answer = (await quatrixRequest.call(this, {
		method: 'GET',
		path: '/inbox',
		qs: { limit: 1000 },
		action: 'read the inbox',
	})) as unknown;
	const rows = (Array.isArray(answer) ? (answer as IDataObject[]) : []).sort((a, b) => Number(b.activates ?? 0) - Number(a.activates ?? 0));
	const results = rows
		.filter((row) => matches(filter, row.subject, row.sender_name, row.id))
		.slice(0, PICKER_ROWS)
		.map((row) => ({
			name: `${row.file_request ? 'File request' : 'Share'} · ${String(row.subject ?? '') || '(no subject)'} · from ${String(row.sender_name ?? '?')} · ${day(row.activates)}`,
			value: String(row.id),
		}));
	return { results };
}
