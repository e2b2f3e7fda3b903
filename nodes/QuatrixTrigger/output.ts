import type { IDataObject } from 'n8n-workflow';

/** A file named by an event, as far as Quatrix says. */
export interface EventFile extends IDataObject {
	id: string | null;
	name: string | null;
	path: string | null;
	parentId: string | null;
	type: string | null;
	size: number | null;
}

/**
 * One output item. Every key is always present (null when Quatrix did not say), so that expressions in the
 * following nodes never meet `undefined`: `{{ $json.fileId }}` is the first file the event names.
 */
export interface EventItem extends IDataObject {
	event: string;
	action: string;
	id: string;
	time: string;
	timestamp: number;
	userName: string | null;
	userEmail: string | null;
	fileId: string | null;
	fileName: string | null;
	filePath: string | null;
	folderId: string | null;
	files: EventFile[];
	shareId: string | null;
	shareSubject: string | null;
	raw: IDataObject;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function toFile(value: IDataObject): EventFile {
	return {
		id: text(value.id) ?? text(value.file_id),
		name: text(value.name),
		path: text(value.path),
		parentId: text(value.parent_id),
		type: text(value.type),
		size: number(value.size),
	};
}

/**
 * The files an activity row names. Quatrix types `payload` only as "other information (share id, files, etc)";
 * the shapes read here are `payload.files[]`, `payload.file` and a payload that is itself a file.
 */
export function filesOf(payload: unknown): EventFile[] {
	if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return [];
	const p = payload as IDataObject;
	if (Array.isArray(p.files)) return (p.files as unknown[]).filter((f) => f && typeof f === 'object').map((f) => toFile(f as IDataObject));
	if (p.file && typeof p.file === 'object') return [toFile(p.file as IDataObject)];
	if (typeof p.name === 'string' && (typeof p.id === 'string' || typeof p.file_id === 'string')) return [toFile(p)];
	return [];
}

export function isoTime(epochSeconds: number): string {
	return new Date(Math.round(epochSeconds * 1000)).toISOString();
}

interface ItemFields {
	event: string;
	action: string;
	id: string;
	timestamp: number;
	userName: string | null;
	userEmail: string | null;
	files: EventFile[];
	shareId: string | null;
	shareSubject: string | null;
	raw: IDataObject;
}

function item(fields: ItemFields): EventItem {
	const first = fields.files[0];
	return {
		event: fields.event,
		action: fields.action,
		id: fields.id,
		time: isoTime(fields.timestamp),
		timestamp: fields.timestamp,
		userName: fields.userName,
		userEmail: fields.userEmail,
		fileId: first?.id ?? null,
		fileName: first?.name ?? null,
		filePath: first?.path ?? null,
		folderId: first?.parentId ?? null,
		files: fields.files,
		shareId: fields.shareId,
		shareSubject: fields.shareSubject,
		raw: fields.raw,
	};
}

/** An activity-log row (`TrackingActivityRespItems`). */
export function activityItem(event: string, row: IDataObject): EventItem {
	const payload = (row.payload && typeof row.payload === 'object' ? row.payload : {}) as IDataObject;
	const isShare = row.event === 'share' || row.event === 'files-return';
	return item({
		event,
		action: String(row.action ?? ''),
		id: String(row.id),
		timestamp: Number(row.timestamp),
		userName: text(row.user_name),
		userEmail: text(row.email),
		files: filesOf(payload),
		shareId: text(payload.share_id) ?? (isShare ? text(payload.id) : null),
		shareSubject: text(payload.subject),
		raw: row,
	});
}

/** An entry of `GET /file/diff/{id}` (`FileDiffResp_data`). */
export function folderChangeItem(event: string, key: string, entry: IDataObject, seenAt: number): EventItem {
	return item({
		event,
		action: String(entry.action ?? ''),
		id: key,
		timestamp: number(entry.modified) ?? seenAt,
		userName: null,
		userEmail: null,
		files: [toFile(entry)],
		shareId: null,
		shareSubject: null,
		raw: entry,
	});
}

/** An entry of `GET /inbox` (`InboxRespItems`). */
export function inboxItem(event: string, entry: IDataObject): EventItem {
	return item({
		event,
		action: entry.file_request === true ? 'file-request' : 'share',
		id: String(entry.id),
		timestamp: Number(entry.activates),
		userName: text(entry.sender_name),
		userEmail: null,
		files: [],
		shareId: text(entry.id),
		shareSubject: text(entry.subject),
		raw: entry,
	});
}
