import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { PermissionPreset } from '../descriptions/directory';
import { PERMISSION_PRESETS } from '../descriptions/directory';
import type { QuatrixContext } from '../transport/request';
import { quatrixRequest } from '../transport/request';
import { expectArray } from '../transport/shape';
import { inputError, requireQuatrixId } from './validate';

/** The ID behind a user/contact/group/project-folder/rule picker, whatever mode the user chose. */
export function resolveRecordId(ctx: IExecuteFunctions, itemIndex: number, parameter: string, field: string): string {
	const locator = ctx.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string;
	const value = typeof locator === 'object' && locator !== null ? locator.value : locator;
	return requireQuatrixId(ctx, itemIndex, field, value);
}

/** Several Quatrix IDs given as a list or as comma/space-separated text. */
export function requireQuatrixIds(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string[] {
	const parts = (Array.isArray(value) ? value : String(value ?? '').split(/[\s,;]+/))
		.map((part) => String(part).trim())
		.filter((part) => part !== '');
	if (parts.length === 0) throw inputError(ctx, itemIndex, field, 'is empty', 'Give at least one ID.');
	return parts.map((part) => requireQuatrixId(ctx, itemIndex, field, part));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireEmail(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const email = String(value ?? '').trim();
	if (email === '') throw inputError(ctx, itemIndex, field, 'is empty', 'Give an email address such as name@example.com.');
	if (!EMAIL.test(email)) throw inputError(ctx, itemIndex, field, `"${email.slice(0, 80)}" is not an email address`, 'Give an email address such as name@example.com.');
	return email;
}

/** Email addresses given as a list or as comma/space/semicolon-separated text; [] when empty. */
export function emailList(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string[] {
	const parts = (Array.isArray(value) ? value : String(value ?? '').split(/[\s,;]+/))
		.map((part) => String(part).trim())
		.filter((part) => part !== '');
	return parts.map((part) => requireEmail(ctx, itemIndex, field, part));
}

export function requireText(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown, fix: string): string {
	const text = String(value ?? '').trim();
	if (text === '') throw inputError(ctx, itemIndex, field, 'is empty', fix);
	return text;
}

/** The bitmask for a permission preset (or the raw value the user typed). */
export function permissionValue(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	preset: unknown,
	raw: unknown,
): number {
	if (preset === 'raw') {
		const value = Number(raw);
		if (!Number.isInteger(value) || value < 0) {
			throw inputError(ctx, itemIndex, field, `"${String(raw)}" is not a permission value`, 'Give a whole number of 0 or more, or choose a preset.');
		}
		return value;
	}
	const value = PERMISSION_PRESETS[preset as PermissionPreset];
	if (value === undefined) throw inputError(ctx, itemIndex, field, `"${String(preset)}" is not a permission preset`, 'Choose a preset from the list.');
	return value;
}

/** Adds the preset name that matches a bitmask, so that outputs read well (`permission: "readAndWrite"`). */
export function withPermissionName<T extends IDataObject>(row: T): T & { permission?: string } {
	const operations = row.operations;
	if (typeof operations !== 'number') return row;
	const preset = (Object.keys(PERMISSION_PRESETS) as PermissionPreset[]).find((key) => PERMISSION_PRESETS[key] === operations);
	return { ...row, permission: preset ?? 'custom' };
}

/** Whole lists Quatrix returns without paging (users, contacts, groups …). */
export async function getList(ctx: QuatrixContext, path: string, action: string, itemIndex?: number): Promise<IDataObject[]> {
	const answer = await quatrixRequest.call(ctx, { method: 'GET', path, action, itemIndex });
	return expectArray<IDataObject>(ctx, action, answer, itemIndex);
}

/** Options for "Wait for Completion" on background jobs whose effect we can watch. */
export const WAIT_FOR_JOB = { pollMs: 500, defaultSeconds: 60 };

/** Polls `GET /user` until none of `ids` is listed; returns whether that happened before the deadline. */
export async function waitUntilUsersGone(ctx: IExecuteFunctions, ids: string[], seconds: number, itemIndex: number): Promise<boolean> {
	const deadline = Date.now() + seconds * 1000;
	const wanted = new Set(ids.map((id) => id.toLowerCase()));
	for (;;) {
		const users = await getList(ctx, '/user', 'check whether the user is deleted', itemIndex);
		if (!users.some((user) => wanted.has(String(user.id).toLowerCase()))) return true;
		if (Date.now() + WAIT_FOR_JOB.pollMs > deadline) return false;
		await sleep(WAIT_FOR_JOB.pollMs);
	}
}

/** A date field as epoch seconds, or undefined when left empty. */
export function optionalEpoch(value: unknown): unknown {
	return value === '' || value === undefined || value === null ? undefined : value;
}

/** Drops undefined values so that only what the user set is sent. */
export function compact(body: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
