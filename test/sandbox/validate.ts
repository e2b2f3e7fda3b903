/**
 * Validation of JSON bodies and query strings. Missing required field → 400 code 11; wrong type,
 * malformed uuid or bad value → 400 code 10. Types are strict (no "1" for 1, no 1 for true), which
 * catches client bugs early; whether the real service coerces is unknown.
 */
import { ApiError, ErrorCode, badParam, missingParam } from './errors';

export type FieldType =
	| 'string'
	| 'uuid'
	| 'number'
	| 'integer'
	| 'boolean'
	| 'object'
	| 'array'
	| 'uuid[]'
	| 'string[]'
	| 'any';

export interface BodySchema {
	required?: Record<string, FieldType>;
	optional?: Record<string, FieldType>;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_RE.test(v);

function checkType(name: string, v: unknown, t: FieldType): void {
	const bad = (what: string) => badParam(`Bad parameter value: ${name} must be ${what}`, { name });
	switch (t) {
		case 'string':
			if (typeof v !== 'string') throw bad('a string');
			return;
		case 'uuid':
			if (!isUuid(v)) throw bad('a uuid');
			return;
		case 'number':
			if (typeof v !== 'number' || !Number.isFinite(v)) throw bad('a number');
			return;
		case 'integer':
			if (typeof v !== 'number' || !Number.isInteger(v)) throw bad('an integer');
			return;
		case 'boolean':
			if (typeof v !== 'boolean') throw bad('a boolean');
			return;
		case 'object':
			if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad('an object');
			return;
		case 'array':
			if (!Array.isArray(v)) throw bad('an array');
			return;
		case 'uuid[]':
			if (!Array.isArray(v) || !v.every(isUuid)) throw bad('an array of uuids');
			return;
		case 'string[]':
			if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw bad('an array of strings');
			return;
		case 'any':
			return;
	}
}

/** Validates a parsed JSON body against a schema and returns it typed. `null` counts as missing. */
export function validateBody<T = Record<string, any>>(body: unknown, schema: BodySchema): T {
	if (body === undefined) body = {};
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw badParam('Bad parameter value: the body must be a JSON object');
	}
	const b = body as Record<string, unknown>;
	for (const [name, t] of Object.entries(schema.required ?? {})) {
		if (b[name] === undefined || b[name] === null) throw missingParam(name);
		checkType(name, b[name], t);
	}
	for (const [name, t] of Object.entries(schema.optional ?? {})) {
		if (b[name] === undefined || b[name] === null) continue;
		checkType(name, b[name], t);
	}
	return b as T;
}

/** File and folder names: non-empty, no slash, not "." or "..", at most 255 characters.
 * unknown: Quatrix's exact name rules; these are the POSIX-ish minimum. */
export function checkName(name: string, field = 'name'): string {
	if (name.length === 0) throw missingParam(field);
	if (name.length > 255 || name.includes('/') || name.includes('\0') || name === '.' || name === '..') {
		throw badParam(`Bad parameter value: ${field} is not a valid file name`, { name: field });
	}
	return name;
}

export function queryNumber(q: Record<string, string>, name: string, required = false): number | undefined {
	const raw = q[name];
	if (raw === undefined || raw === '') {
		if (required) throw missingParam(name);
		return undefined;
	}
	const n = Number(raw);
	if (!Number.isFinite(n)) throw badParam(`Bad parameter value: ${name} must be a number`, { name });
	return n;
}

export function queryUuid(q: Record<string, string>, name: string): string | undefined {
	const raw = q[name];
	if (raw === undefined || raw === '') return undefined;
	if (!isUuid(raw)) throw badParam(`Bad parameter value: ${name} must be a uuid`, { name });
	return raw;
}

/** A path parameter that the spec types as uuid. */
export function pathUuid(params: Record<string, string>, name = 'id'): string {
	const v = params[name];
	if (!isUuid(v)) throw new ApiError(400, ErrorCode.BAD_PARAMETER, `Bad parameter value: ${name} must be a uuid`, { name });
	return v.toLowerCase();
}
