import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EVENT_BY_VALUE, TRIGGER_EVENTS, activityEventOf } from './events';
import type { TriggerEvent } from './events';
import type { FolderChoice } from './folder';
import { folderChoiceOf, folderIdOf, folderMatcher } from './folder';
import type { EventItem } from './output';
import { activityItem, folderChangeItem, inboxItem, isoTime } from './output';
import type { ActivityCursor, FolderCursor, InboxCursor } from './sources';
import {
	DAY,
	latestActivity,
	latestFolderChanges,
	latestInbox,
	newActivity,
	newFolderChanges,
	newInbox,
} from './sources';

/** What "Fetch Test Event" returns at most, and how far back it looks, step by step. */
const SAMPLE_SIZE = 10;
const SAMPLE_LOOKBACKS = [DAY, 7 * DAY, 30 * DAY, 365 * DAY];

/** The trigger's state in the workflow's static data (per node). */
interface TriggerState extends IDataObject {
	activity?: ActivityCursor;
	inbox?: InboxCursor;
	folder?: FolderCursor;
	/** the watched folder's ID, looked up once from its path */
	folderRef?: { key: string; id: string };
}

interface Settings {
	events: TriggerEvent[];
	userEmails: Set<string>;
	startFrom?: number;
	folder: FolderChoice;
}

/** Polls of one trigger node that are running now: n8n may start a poll before the previous one ended. */
const running = new Set<string>();

function settingsOf(ctx: IPollFunctions): Settings {
	const values = ctx.getNodeParameter('events', []) as string[];
	const events = TRIGGER_EVENTS.filter((event) => values.includes(event.value));
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Events: choose at least one event to watch', {
			description: 'Pick one or more events in the "Events" field of the Quatrix Trigger.',
		});
	}
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const userEmails = new Set(
		String(options.userEmails ?? '')
			.split(/[,;\s]+/)
			.map((email) => email.trim().toLowerCase())
			.filter(Boolean),
	);
	let startFrom: number | undefined;
	if (options.startFrom !== undefined && options.startFrom !== '') {
		const parsed = Date.parse(String(options.startFrom));
		if (!Number.isFinite(parsed)) {
			throw new NodeOperationError(ctx.getNode(), `Start From: "${String(options.startFrom)}" is not a date`, {
				description: 'Give a date and time such as 2026-01-31T09:00:00Z, or remove the option to start from now.',
			});
		}
		startFrom = parsed / 1000;
	}
	return { events, userEmails, startFrom, folder: folderChoiceOf(ctx) };
}

const usesSource = (settings: Settings, source: TriggerEvent['source']) => settings.events.some((event) => event.source === source);

/** Activity rows the user asked for (event, user, folder), shaped as items. */
async function activityItems(ctx: IPollFunctions, settings: Settings, rows: IDataObject[], state: TriggerState) {
	const matcher = folderMatcher(ctx, settings.folder, state.folderRef);
	const items: EventItem[] = [];
	for (const row of rows) {
		const event = activityEventOf(row, settings.events);
		if (!event) continue;
		if (settings.userEmails.size > 0 && !settings.userEmails.has(String(row.email ?? '').toLowerCase())) continue;
		const item = activityItem(event.value, row);
		if (!settings.folder.everything && item.files.length > 0) {
			let inFolder = false;
			for (const file of item.files) if ((inFolder = await matcher.matches(file))) break;
			if (!inFolder) continue;
		}
		items.push(item);
	}
	return { items, folderId: matcher.resolvedId };
}

function byTime(items: EventItem[]): EventItem[] {
	return items.map((item, index) => ({ item, index })).sort((a, b) => a.item.timestamp - b.item.timestamp || a.index - b.index).map(({ item }) => item);
}

function toOutput(ctx: IPollFunctions, items: EventItem[]): INodeExecutionData[][] | null {
	return items.length === 0 ? null : [ctx.helpers.returnJsonArray(items)];
}

/**
 * An active workflow's poll: everything new since the cursors, in time order. The cursors are changed in the
 * static data only after every request of the poll succeeded, so a failed poll is simply repeated.
 */
async function pollForNew(ctx: IPollFunctions, settings: Settings): Promise<INodeExecutionData[][] | null> {
	const staticData = ctx.getWorkflowStaticData('node') as TriggerState;
	const now = Date.now() / 1000;
	const start = settings.startFrom ?? now;
	const next: TriggerState = {};
	const items: EventItem[] = [];
	const folderEvent = EVENT_BY_VALUE.get('folderFileChanged')!;

	if (usesSource(settings, 'activity')) {
		if (!staticData.activity && settings.startFrom === undefined) {
			next.activity = { ts: now, ids: [] };
		} else {
			const found = await newActivity(ctx, staticData.activity ?? { ts: start, ids: [] }, now);
			next.activity = found.cursor;
			const { items: matching, folderId } = await activityItems(ctx, settings, found.rows, staticData);
			items.push(...matching);
			if (folderId && !settings.folder.id) next.folderRef = { key: settings.folder.key, id: folderId };
		}
	}

	if (usesSource(settings, 'folder')) {
		const folderId = await folderIdOf(ctx, settings.folder, next.folderRef ?? staticData.folderRef);
		if (!settings.folder.id) next.folderRef = { key: settings.folder.key, id: folderId };
		const previous = staticData.folder?.folderId === folderId ? staticData.folder : undefined;
		if (!previous && settings.startFrom === undefined) {
			next.folder = { folderId, to: now, keys: [] };
		} else {
			const found = await newFolderChanges(ctx, previous ?? { folderId, to: start, keys: [] });
			next.folder = found.cursor;
			items.push(...found.changes.map((change) => folderChangeItem(folderEvent.value, change.key, change.entry, found.cursor.to)));
		}
	}

	if (usesSource(settings, 'inbox')) {
		if (!staticData.inbox && settings.startFrom === undefined) {
			next.inbox = { from: now, ids: [] };
		} else {
			const found = await newInbox(ctx, staticData.inbox ?? { from: start, ids: [] }, now);
			next.inbox = found.cursor;
			items.push(...found.rows.map((row) => inboxItem('shareReceived', row)));
		}
	}

	// Every request succeeded: only now do the cursors move.
	Object.assign(staticData, next);
	return toOutput(ctx, byTime(items));
}

function describeFilters(settings: Settings): string {
	const parts = [`events: ${settings.events.map((event) => event.name).join(', ')}`];
	if (settings.userEmails.size > 0) parts.push(`users: ${[...settings.userEmails].join(', ')}`);
	if (!settings.folder.everything) {
		parts.push(`folder: ${settings.folder.path !== undefined ? settings.folder.path || '/' : settings.folder.id}${settings.folder.includeSubfolders ? ' and its subfolders' : ''}`);
	}
	return parts.join('; ');
}

/**
 * "Fetch Test Event": the latest matching events, looking back a day, then a week, a month and a year.
 * Reads only: the cursors of the active workflow stay where they are.
 */
async function pollForSample(ctx: IPollFunctions, settings: Settings): Promise<INodeExecutionData[][]> {
	const staticData = ctx.getWorkflowStaticData('node') as TriggerState;
	const now = Date.now() / 1000;
	let items: EventItem[] = [];
	let folderId: string | undefined;
	let lookedBack = 0;
	for (const lookback of SAMPLE_LOOKBACKS) {
		lookedBack = lookback;
		items = [];
		if (usesSource(settings, 'activity')) {
			const rows = await latestActivity(ctx, now, lookback);
			items.push(...(await activityItems(ctx, settings, rows, staticData)).items.slice(0, SAMPLE_SIZE));
		}
		if (usesSource(settings, 'folder')) {
			folderId ??= await folderIdOf(ctx, settings.folder, staticData.folderRef);
			const changes = await latestFolderChanges(ctx, folderId, now, lookback);
			items.push(...changes.slice(0, SAMPLE_SIZE).map((change) => folderChangeItem('folderFileChanged', change.key, change.entry, now)));
		}
		if (usesSource(settings, 'inbox')) {
			items.push(...(await latestInbox(ctx, now, lookback)).slice(0, SAMPLE_SIZE).map((row) => inboxItem('shareReceived', row)));
		}
		if (items.length > 0) break;
	}
	if (items.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `No Quatrix event in the last ${Math.round(lookedBack / DAY)} days matches this trigger`, {
			description: `Nothing happened in Quatrix that matches ${describeFilters(settings)} (looked back to ${isoTime(now - lookedBack)}). Do one of these things in Quatrix, or widen the filters, then fetch again.`,
			level: 'warning',
		});
	}
	return [ctx.helpers.returnJsonArray(byTime(items).slice(-SAMPLE_SIZE))];
}

export async function pollQuatrix(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = settingsOf(ctx);
	if (ctx.getMode() === 'manual') return await pollForSample(ctx, settings);
	const key = `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
	if (running.has(key)) {
		ctx.logger.debug('Quatrix Trigger: the previous poll is still running; this one is skipped');
		return null;
	}
	running.add(key);
	try {
		return await pollForNew(ctx, settings);
	} finally {
		running.delete(key);
	}
}
