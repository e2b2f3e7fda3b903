import type { IDataObject } from 'n8n-workflow';

/** Where an event comes from: the activity log, the folder change feed or the inbox. */
export type EventSource = 'activity' | 'folder' | 'inbox';

export interface TriggerEvent {
	/** the value in the node's Events list */
	value: string;
	name: string;
	description: string;
	source: EventSource;
	/** activity-log rows of this event (CATALOGUE §4.2: `event` and `action` of TrackingActivityRespItems) */
	matches?: (row: { event?: unknown; action?: unknown }) => boolean;
}

const activity = (event: string | undefined, action: string | undefined) => (row: { event?: unknown; action?: unknown }) =>
	(event === undefined || row.event === event) && (action === undefined || row.action === action);

/** The one table of the trigger's events. */
export const TRIGGER_EVENTS: TriggerEvent[] = [
	{ value: 'fileUploaded', name: 'File Uploaded', description: 'Someone uploaded a file (web or SFTP)', source: 'activity', matches: activity('file', 'upload') },
	{ value: 'fileDownloaded', name: 'File Downloaded', description: 'Someone downloaded a file, also through a share', source: 'activity', matches: activity(undefined, 'download') },
	{ value: 'fileDeleted', name: 'File Deleted', description: 'A file or folder was moved to the trash or purged', source: 'activity', matches: activity('file', 'delete') },
	{ value: 'folderCreated', name: 'Folder Created', description: 'A folder was created', source: 'activity', matches: activity('file', 'makedir') },
	{ value: 'fileMovedOrRenamed', name: 'File Moved or Renamed', description: 'A file or folder was moved or renamed', source: 'activity', matches: activity('file', 'move-rename') },
	{ value: 'shareCreated', name: 'Share Created', description: 'A share was sent to recipients', source: 'activity', matches: activity('share', 'create') },
	{ value: 'shareRevoked', name: 'Share Revoked', description: 'A share or quicklink was revoked', source: 'activity', matches: activity('share', 'revoke') },
	{ value: 'quicklinkCreated', name: 'Quicklink Created', description: 'A public quicklink was created', source: 'activity', matches: activity('share', 'created-link') },
	{ value: 'filesReturned', name: 'Files Returned by a Recipient', description: 'A recipient returned files through a share', source: 'activity', matches: activity('files-return', undefined) },
	{ value: 'fileRequestAnswered', name: 'File Request Answered', description: 'A recipient answered a file request', source: 'activity', matches: activity('share', 'replied') },
	{ value: 'shareReceived', name: 'Share Received (Inbox)', description: 'A share arrived in the inbox of the signed-in user', source: 'inbox' },
	{
		value: 'folderFileChanged',
		name: 'New or Changed File in a Folder',
		description: 'A file was added to or changed in the chosen folder or its subfolders',
		source: 'folder',
	},
];

export const EVENT_BY_VALUE = new Map(TRIGGER_EVENTS.map((event) => [event.value, event]));

/** The event of an activity row among those chosen, if any. */
export function activityEventOf(row: IDataObject, chosen: TriggerEvent[]): TriggerEvent | undefined {
	return chosen.find((event) => event.source === 'activity' && event.matches?.(row));
}
