import type { IDataObject } from 'n8n-workflow';

import { quatrixApiError } from './errors';
import type { QuatrixContext } from './request';

type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array';

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'array';
	if (value === null) return 'null';
	return typeof value;
}

/**
 * Checks that Quatrix answered with the fields an operation relies on, so that a wrong answer becomes a clear
 * error instead of `undefined` further down the workflow.
 */
export function expectShape<T extends IDataObject>(
	ctx: QuatrixContext,
	action: string,
	body: unknown,
	fields: Record<string, Kind>,
	itemIndex?: number,
): T {
	const problem = (what: string) =>
		quatrixApiError(ctx.getNode(), {
			action,
			serverMessage: `Quatrix answered with ${what}`,
			itemIndex,
		});
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw problem(`${kindOf(body)} where an object was expected`);
	for (const [name, kind] of Object.entries(fields)) {
		const actual = kindOf((body as IDataObject)[name]);
		if (actual === 'undefined') throw problem(`no "${name}" (${kind} expected)`);
		if (actual !== kind) throw problem(`"${name}" as ${actual} where ${kind} was expected`);
	}
	return body as T;
}

export function expectArray<T = IDataObject>(ctx: QuatrixContext, action: string, body: unknown, itemIndex?: number): T[] {
	if (!Array.isArray(body)) {
		throw quatrixApiError(ctx.getNode(), {
			action,
			serverMessage: `Quatrix answered with ${kindOf(body)} where a list was expected`,
			itemIndex,
		});
	}
	return body as T[];
}
