import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const UUID = new RegExp(UUID_PATTERN);

export function isQuatrixId(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}

/**
 * A mistake in the node's input, caught before anything is sent: names the item and the field and says how to
 * fix it. n8n shows `itemIndex` as the item; the message names it too, so it survives in error outputs.
 */
export function inputError(ctx: Pick<IExecuteFunctions, 'getNode'>, itemIndex: number, field: string, problem: string, fix: string) {
	return new NodeOperationError(ctx.getNode(), `${field}: ${problem} (item ${itemIndex})`, {
		itemIndex,
		description: fix,
	});
}

export function requireQuatrixId(ctx: Pick<IExecuteFunctions, 'getNode'>, itemIndex: number, field: string, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : value;
	if (text === '' || text === undefined || text === null) {
		throw inputError(ctx, itemIndex, field, 'is empty', `Pick a ${field.toLowerCase()} from the list, or give its ID or path.`);
	}
	if (!isQuatrixId(text)) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${String(text).slice(0, 80)}" is not a Quatrix ID`,
			'Quatrix IDs look like 3f2b9c1e-8a4d-4e7f-9b21-0c5d6e7f8a9b. Pick from the list, or switch the field to "By Path".',
		);
	}
	return text as string;
}

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
export const MAX_NAME_LENGTH = 255;

/** A file or folder name Quatrix can store: not empty, no slash, no control characters, not . or .. */
export function requireItemName(ctx: Pick<IExecuteFunctions, 'getNode'>, itemIndex: number, field: string, value: unknown): string {
	const name = String(value ?? '').trim();
	const fix = 'Use a plain name such as "report.pdf": no "/", no control characters, at most 255 characters.';
	if (name === '') throw inputError(ctx, itemIndex, field, 'is empty', fix);
	if (name.includes('/') || name.includes('\\')) throw inputError(ctx, itemIndex, field, `"${name}" contains a slash`, fix);
	if (name === '.' || name === '..') throw inputError(ctx, itemIndex, field, `"${name}" is not a name`, fix);
	if (CONTROL_CHARACTERS.test(name)) throw inputError(ctx, itemIndex, field, 'contains control characters', fix);
	if (name.length > MAX_NAME_LENGTH) throw inputError(ctx, itemIndex, field, `is ${name.length} characters long`, fix);
	return name;
}

/** Epoch seconds from what n8n users pass: ISO text, a date, epoch seconds or milliseconds. */
export function toEpochSeconds(ctx: Pick<IExecuteFunctions, 'getNode'>, itemIndex: number, field: string, value: unknown): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value > 1e11 ? value / 1000 : value;
	const text = String(value ?? '').trim();
	if (/^\d+(\.\d+)?$/.test(text)) return toEpochSeconds(ctx, itemIndex, field, Number(text));
	const parsed = Date.parse(text);
	if (text === '' || !Number.isFinite(parsed)) {
		throw inputError(ctx, itemIndex, field, `"${text.slice(0, 60)}" is not a date`, 'Use an ISO date such as 2026-12-03T10:00:00Z, or epoch seconds.');
	}
	return parsed / 1000;
}
