import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { quatrixCodeOf } from '../transport/errors';
import type { QuatrixContext } from '../transport/request';
import { quatrixRequest } from '../transport/request';
import { expectArray, expectShape } from '../transport/shape';
import { resolveItemId } from './locators';
import { inputError, isQuatrixId, requireQuatrixId } from './validate';

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const CONTACT_EXISTS = 32;

/** Splits "a, b; c" into its non-empty parts. */
export function splitList(text: unknown): string[] {
	return String(text ?? '')
		.split(/[,;\s]+/)
		.map((part) => part.trim())
		.filter(Boolean);
}

/** What the user typed in Recipients, checked before any request: each part an email or a Quatrix ID. */
export interface RecipientInput {
	ids: string[];
	emails: string[];
}

export function parseRecipients(ctx: Pick<IExecuteFunctions, 'getNode'>, itemIndex: number, field: string, text: unknown): RecipientInput {
	const parts = splitList(text);
	if (parts.length === 0) {
		throw inputError(ctx, itemIndex, field, 'is empty', 'Give at least one email address or contact/user ID, separated by commas.');
	}
	const ids = new Set<string>();
	const emails = new Map<string, string>();
	for (const part of parts) {
		if (isQuatrixId(part as unknown)) ids.add(part.toLowerCase());
		else if (EMAIL.test(part)) emails.set(part.toLowerCase(), part);
		else {
			throw inputError(
				ctx,
				itemIndex,
				field,
				`"${part.slice(0, 80)}" is neither an email address nor a Quatrix ID`,
				'Separate recipients with commas: anna@example.com, 3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b.',
			);
		}
	}
	return { ids: [...ids], emails: [...emails.values()] };
}

export interface Recipient extends IDataObject {
	id: string;
	email?: string;
	name?: string;
	/** true when this step added the contact */
	created?: boolean;
}

/** Quatrix documents a list but its schema says one object: accept both. */
function recipientRows(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object' && typeof (body as IDataObject).id === 'string') return [body as IDataObject];
	return [];
}

export async function findRecipientByEmail(ctx: QuatrixContext, email: string, itemIndex?: number): Promise<IDataObject | undefined> {
	const answer = await quatrixRequest.call(ctx, {
		method: 'GET',
		path: '/share/recipients',
		qs: { email },
		action: `look up the recipient ${email}`,
		itemIndex,
	});
	return recipientRows(answer).find((row) => String(row.email ?? '').toLowerCase() === email.toLowerCase());
}

/**
 * Turns emails into contact/user IDs (`GET /share/recipients?email=`). Emails that are nobody's are added as
 * contacts when `createMissing` is on; otherwise the step stops before anything is created.
 */
export async function resolveRecipients(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	input: RecipientInput,
	createMissing: boolean,
): Promise<Recipient[]> {
	const found: Recipient[] = input.ids.map((id) => ({ id }));
	const missing: string[] = [];
	for (const email of input.emails) {
		const row = await findRecipientByEmail(ctx, email, itemIndex);
		if (row) found.push({ id: String(row.id), email: String(row.email ?? email), name: row.name as string | undefined });
		else missing.push(email);
	}
	if (missing.length && !createMissing) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`no Quatrix contact or user has the email ${missing.join(', ')}`,
			'Turn on "Create Missing Contacts" to add them as contacts, or check the spelling.',
		);
	}
	for (const email of missing) {
		try {
			const contact = await quatrixRequest.call(ctx, {
				method: 'POST',
				path: '/contact/create',
				body: { email, name: email.split('@')[0] },
				idempotent: false,
				action: `add ${email} as a contact`,
				itemIndex,
			});
			const { id } = expectShape<{ id: string }>(ctx, 'add a contact', contact, { id: 'string' }, itemIndex);
			found.push({ id, email, name: contact.name as string | undefined, created: true });
		} catch (error) {
			// Someone added it meanwhile (or a retry already did): use that contact.
			const existing = quatrixCodeOf(error) === CONTACT_EXISTS ? await findRecipientByEmail(ctx, email, itemIndex) : undefined;
			if (!existing) throw new NodeApiError(ctx.getNode(), error as JsonObject);
			found.push({ id: String(existing.id), email, name: existing.name as string | undefined });
		}
	}
	const unique = new Map(found.map((recipient) => [recipient.id.toLowerCase(), recipient]));
	return [...unique.values()];
}

/** The IDs of a "File" locator plus "More File IDs", without duplicates. */
export async function resolveFileIds(ctx: IExecuteFunctions, itemIndex: number, moreIds: unknown): Promise<string[]> {
	const more = splitList(moreIds).map((value) => requireQuatrixId(ctx, itemIndex, 'More File IDs', value).toLowerCase());
	const first = (await resolveItemId(ctx, itemIndex, 'file', 'File')).toLowerCase();
	return [...new Set([first, ...more])];
}

/** Checks "More File IDs" before any request (the locator itself may need a request to resolve a path). */
export function checkMoreFileIds(ctx: Pick<IExecuteFunctions, 'getNode'>, itemIndex: number, moreIds: unknown): void {
	for (const value of splitList(moreIds)) requireQuatrixId(ctx, itemIndex, 'More File IDs', value);
}

/**
 * The folder that holds all the files, which `share/create` requires: read from each file's metadata.
 * Files from several folders cannot go into one share.
 */
export async function folderOfFiles(ctx: IExecuteFunctions, itemIndex: number, fileIds: string[]): Promise<string> {
	const parents = new Map<string, string>();
	for (const id of fileIds) {
		const metadata = await quatrixRequest.call(ctx, {
			method: 'GET',
			path: `/file/metadata/${id}`,
			qs: { content: 0 },
			action: 'read a file to share',
			itemIndex,
		});
		const file = expectShape<{ parent_id: string; name: string }>(ctx, 'read a file to share', metadata, { parent_id: 'string' }, itemIndex);
		parents.set(file.parent_id, String(file.name ?? id));
	}
	if (parents.size > 1) {
		throw inputError(
			ctx,
			itemIndex,
			'Files',
			`the files are in ${parents.size} different folders`,
			'A share holds files of one folder. Share each folder\'s files in its own step, or move the files together first.',
		);
	}
	return [...parents.keys()][0];
}

/** The ID behind a share locator. */
export function shareIdOf(ctx: IExecuteFunctions, itemIndex: number, parameter = 'share', field = 'Share'): string {
	const locator = ctx.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string;
	const value = typeof locator === 'object' ? locator.value : locator;
	return requireQuatrixId(ctx, itemIndex, field, value).toLowerCase();
}

/** Quatrix wants the PIN base64-encoded; the user types it as text. */
export function encodePin(ctx: Pick<IExecuteFunctions, 'getNode'>, itemIndex: number, pin: unknown): string | undefined {
	const text = String(pin ?? '');
	if (text === '') return undefined;
	if (text.trim() !== text || text.length > 64) {
		throw inputError(ctx, itemIndex, 'PIN', 'has spaces at its ends or is longer than 64 characters', 'Type the PIN without leading or trailing spaces.');
	}
	return Buffer.from(text, 'utf8').toString('base64');
}

/** The share types, in the user's words. */
export const SHARE_TYPE_OPTIONS = [
	{ name: 'Public', value: 'P', description: 'Anyone with the link can download; only IP addresses are tracked' },
	{ name: 'Restricted', value: 'C', description: 'Only the named recipients can download, after signing in' },
	{ name: 'Tracked', value: 'T', description: 'Any registered recipient can download after signing in; every download is tracked' },
];

export const SHARE_TYPE_NAMES: Record<string, string> = { P: 'public', T: 'tracked', C: 'restricted' };

export type TrackingKind = 'share' | 'quicklink' | 'fileRequest';

/**
 * What a tracking row is. Quatrix leaves the values of `type` undocumented, so a row is a file request when
 * `is_request` says so, a quicklink when its type says so or when it has no recipients (a quicklink never
 * has any), and a share otherwise.
 */
export function trackingKindOf(row: IDataObject): TrackingKind {
	if (row.is_request === true) return 'fileRequest';
	const type = String(row.type ?? '').toLowerCase();
	if (type.includes('quick')) return 'quicklink';
	if (type.includes('request')) return 'fileRequest';
	const hasRecipients = (Array.isArray(row.emails) && row.emails.length > 0) || (typeof row.email === 'string' && row.email !== '');
	return hasRecipients ? 'share' : 'quicklink';
}

/** Revoked shares carry status D (the activity log's share_status); an expired one is past its expire_date. */
export function trackingStateOf(row: IDataObject, nowSeconds: number): 'active' | 'revoked' | 'expired' {
	const status = String(row.status ?? '');
	if (status === 'D' || /revok|deactiv|disabl/i.test(status)) return 'revoked';
	const expires = Number(row.expire_date ?? 0);
	if (expires > 0 && expires <= nowSeconds) return 'expired';
	return 'active';
}

/** Shares, quicklinks and requests made by every user the caller manages, or by one user. */
export async function listTracking(ctx: QuatrixContext, userId: string | undefined, itemIndex?: number): Promise<IDataObject[]> {
	const answer = await quatrixRequest.call(ctx, {
		method: 'GET',
		path: userId ? `/tracking/${userId}` : '/tracking/',
		action: 'list the shares',
		itemIndex,
	});
	return expectArray(ctx, 'list the shares', answer, itemIndex);
}

const NOT_FOUND = 20;

/**
 * Types a share's PIN for this session, as a recipient does before opening a PIN-protected share or quicklink.
 * Quatrix has one call for shares and one for quicklinks; a quicklink id is unknown to the share call.
 */
export async function unlockShare(ctx: IExecuteFunctions, i: number, shareId: string, pinText: unknown): Promise<void> {
	const pin = encodePin(ctx, i, pinText);
	if (!pin) return;
	const unlock = async (kind: 'share' | 'quicklink') =>
		await quatrixRequest.call(ctx, {
			method: 'POST',
			path: `/${kind}/login-pin`,
			body: { id: shareId, pin },
			idempotent: true,
			action: `unlock the ${kind} with its PIN`,
			itemIndex: i,
		});
	try {
		await unlock('share');
	} catch (error) {
		if (quatrixCodeOf(error) !== NOT_FOUND) throw new NodeApiError(ctx.getNode(), error as JsonObject);
		await unlock('quicklink');
	}
}

/** A download id for all files of a share, or for some of them. */
export async function shareDownloadId(ctx: IExecuteFunctions, i: number, shareId: string, fileIds: string[]): Promise<string> {
	const answer = await quatrixRequest.call(ctx, {
		method: fileIds.length ? 'POST' : 'GET',
		path: `/share/download-link/${shareId}`,
		body: fileIds.length ? { files: fileIds } : undefined,
		// A spare download id costs nothing, so asking again after a lost answer is harmless.
		idempotent: true,
		action: 'prepare the share download',
		itemIndex: i,
	});
	return expectShape<{ id: string }>(ctx, 'prepare the share download', answer, { id: 'string' }, i).id;
}
