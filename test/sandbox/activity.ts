/**
 * Recording of activity-log rows (`GET /tracking/activity`, CATALOGUE §4.2) and of per-folder changes
 * (`GET /file/diff/{id}`).
 */
import { randomUUID } from 'crypto';
import type { ActivityEvent, FileNode, SandboxState, User } from './state';

export function fileRef(state: SandboxState, f: FileNode): Record<string, unknown> {
	return { id: f.id, name: f.name, parent_id: f.parent_id, type: f.type, size: f.size, path: state.pathOf(f) };
}

/** Adds one activity row, timestamped with the sandbox clock. */
export function recordActivity(
	state: SandboxState,
	user: User,
	action: string,
	payload: Record<string, unknown>,
	opts: { event?: string; duration?: number } = {},
): ActivityEvent {
	const ev: ActivityEvent = {
		id: randomUUID(),
		timestamp: state.now(),
		event: opts.event ?? 'file',
		action,
		user_id: user.id,
		user_name: user.name,
		email: user.email,
		user_status: user.status,
		protocol: 'web',
		payload,
		// unknown: the value for non-share events; the spec's enum has the literal string "null"
		share_status: 'null',
		duration: opts.duration ?? 0,
	};
	state.activity.push(ev);
	return ev;
}

/** Completes partial rows given by tests (`seedActivity`). */
export function completeEvent(state: SandboxState, p: Partial<ActivityEvent>): ActivityEvent {
	const admin = [...state.users.values()][0];
	const ev: ActivityEvent = {
		id: p.id ?? randomUUID(),
		timestamp: p.timestamp ?? state.now(),
		event: p.event ?? 'file',
		action: p.action ?? 'upload',
		user_id: p.user_id ?? admin?.id ?? '',
		user_name: p.user_name ?? admin?.name ?? '',
		email: p.email ?? admin?.email ?? '',
		user_status: p.user_status ?? 'A',
		protocol: p.protocol ?? 'web',
		payload: p.payload ?? {},
		share_status: p.share_status ?? 'null',
		duration: p.duration ?? 0,
	};
	state.activity.push(ev);
	return ev;
}

/** The wire shape (`TrackingActivityRespItems`): the internal `user_id` is left out. */
export function activityResp(ev: ActivityEvent): Record<string, unknown> {
	const { user_id: _omit, ...rest } = ev;
	return rest;
}

/**
 * Records a change of `f` for the folder diff feed. `extraAncestors` adds the folders it was under
 * before a move. Action names are the sandbox's own: create, modify, rename, move, delete, purge
 * (unknown: the real vocabulary is not enumerated).
 */
export function recordChange(state: SandboxState, f: FileNode, action: string, extraAncestors: string[] = []): void {
	const anc = state.ancestors(f).map((a) => a.id);
	for (const a of extraAncestors) if (!anc.includes(a)) anc.push(a);
	state.changes.push({
		ts: state.now(),
		ancestors: anc,
		action,
		snapshot: {
			id: f.id,
			parent_id: f.parent_id,
			name: f.name,
			type: f.type,
			size: f.size,
			modified: f.modified,
			operations: f.operations,
			metadata: f.metadata,
		},
	});
}
