import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { siteBaseUrl } from '../../../credentials/site';
import { isTimeoutCode, quatrixApiError } from './errors';

export type QuatrixContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export const API_PREFIX = '/api/1.0';

/** The two ways to sign in; the node's `authentication` parameter picks one. */
export const CREDENTIAL_TYPES = { password: 'quatrixApi', apiKey: 'quatrixApiKeyApi' } as const;
export type Authentication = keyof typeof CREDENTIAL_TYPES;

export interface RetrySettings {
	/** Attempts in all, the first one included. */
	attempts: number;
	/** Wait before the second attempt; doubled after each retry. */
	firstDelayMs: number;
	/** Longest single wait (Retry-After included). */
	maxDelayMs: number;
	/** How long a request may keep retrying in all. */
	totalBudgetMs: number;
}

/**
 * Retries: how often, how long to wait, and how long a request may keep retrying in all. Read at every
 * request, so a host (or a test that must not wait for real) can tune the numbers in one place.
 */
export const RETRY: RetrySettings = {
	attempts: 5,
	firstDelayMs: 500,
	maxDelayMs: 30_000,
	totalBudgetMs: 90_000,
};

export interface QuatrixRequest {
	method: IHttpRequestMethods;
	/** Path under /api/1.0 (e.g. `/file/metadata/{id}`), or under the site root when `siteRoot` is set. */
	path: string;
	siteRoot?: boolean;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | Buffer;
	headers?: Record<string, string>;
	/** What is being done, in the user's words, for error messages: "list the folder". */
	action: string;
	/**
	 * Safe to send again after a timeout, cut connection or 502/504? GETs that only read are; POSTs that create
	 * (share, upload link, copy, user) are not, so they are retried only when Quatrix certainly did not act
	 * (429, 503, connection refused). Default: true for GET, false otherwise.
	 */
	idempotent?: boolean;
	/** `stream` for downloads; default JSON. */
	encoding?: 'stream' | 'text' | 'arraybuffer';
	returnFullResponse?: boolean;
	itemIndex?: number;
	/** Per-request timeout in milliseconds (default: the node's Timeout option, else n8n's). */
	timeoutMs?: number;
}

/** A response body streamed from Quatrix: Node's Readable, named without importing Node's stream module. */
export type ByteStream = Exclude<Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0], Buffer>;

export interface FullResponse<T = unknown> {
	body: T;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

interface FailureFacts {
	status?: number;
	body?: unknown;
	headers?: Record<string, unknown>;
	networkCode?: string;
	/** A sign-in failure raised by the credential itself (wrong password, MFA …): its message is already readable. */
	signInMessage?: string;
}

const NETWORK_CODES_SAFE_TO_REPEAT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const NETWORK_CODES = new Set([
	...NETWORK_CODES_SAFE_TO_REPEAT,
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
	'ERR_BAD_RESPONSE',
]);

export function authenticationOf(ctx: QuatrixContext): Authentication {
	const value = ctx.getNodeParameter('authentication', 0, 'password') as string;
	return value === 'apiKey' ? 'apiKey' : 'password';
}

export function credentialTypeOf(ctx: QuatrixContext): string {
	return CREDENTIAL_TYPES[authenticationOf(ctx)];
}

/** Base URL and TLS choice of the credential, read once per node run. */
const connectionCache = new WeakMap<object, { baseUrl: string; insecure: boolean }>();

export async function connectionOf(ctx: QuatrixContext) {
	const cached = connectionCache.get(ctx);
	if (cached) return cached;
	const credentials = await ctx.getCredentials(credentialTypeOf(ctx));
	const connection = {
		baseUrl: siteBaseUrl(credentials.site),
		insecure: credentials.allowUnauthorizedCerts === true,
	};
	connectionCache.set(ctx, connection);
	return connection;
}

function timeoutOf(ctx: QuatrixContext, request: QuatrixRequest): number | undefined {
	if (request.timeoutMs !== undefined) return request.timeoutMs;
	try {
		const seconds = ctx.getNodeParameter('options.timeout', request.itemIndex ?? 0, 0) as number;
		return seconds > 0 ? seconds * 1000 : undefined;
	} catch {
		return undefined; // this operation has no Timeout option
	}
}

/** The credential's secrets, read when an error is built (the session token changes), to blank them out of it. */
async function secretsOf(ctx: QuatrixContext): Promise<string[]> {
	try {
		const credentials = await ctx.getCredentials(credentialTypeOf(ctx));
		return ['password', 'sessionToken', 'apiKey']
			.map((key) => credentials[key])
			.filter((value): value is string => typeof value === 'string' && value !== '');
	} catch {
		return [];
	}
}

/** Finds the HTTP answer or network error inside whatever n8n-core threw (NodeApiError → AxiosError). */
function factsOf(error: unknown): FailureFacts {
	let current = error as Record<string, unknown> | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		const response = current.response as { status?: number; data?: unknown; headers?: Record<string, unknown> } | undefined;
		if (response?.status) return { status: response.status, body: response.data, headers: response.headers };
		const code = current.code;
		if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('E'))) return { networkCode: code };
		current = current.cause as Record<string, unknown> | undefined;
	}
	const message = String((error as Error)?.message ?? '');
	const inner = (error as { cause?: Error })?.cause;
	if (/socket hang up|aborted|timeout/i.test(message)) return { networkCode: /timeout/i.test(message) ? 'ETIMEDOUT' : 'ECONNRESET' };
	return { signInMessage: inner?.message ?? message };
}

function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
	const value = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (value === undefined) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function shouldRetry(facts: FailureFacts, idempotent: boolean): boolean {
	if (facts.status === 429 || facts.status === 503) return true; // Quatrix did not act on the request
	if (facts.status === 502 || facts.status === 504) return idempotent;
	if (facts.networkCode) return idempotent || NETWORK_CODES_SAFE_TO_REPEAT.has(facts.networkCode);
	return false;
}

/** Reads Quatrix's `{msg, code}` out of an error body, which may be JSON, text, a Buffer or a stream. */
async function errorBodyOf(body: unknown): Promise<{ code?: number; msg?: string; raw?: string }> {
	let value = body;
	if (value && typeof (value as { pipe?: unknown }).pipe === 'function') {
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of value as AsyncIterable<Buffer>) {
			chunks.push(Buffer.from(chunk));
			size += chunk.length;
			if (size > 65536) break;
		}
		value = Buffer.concat(chunks).toString('utf8');
	}
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value === 'string') {
		const text = value;
		try {
			value = JSON.parse(text);
		} catch {
			return { raw: text.slice(0, 200) };
		}
	}
	if (value && typeof value === 'object') {
		const { code, msg } = value as { code?: unknown; msg?: unknown };
		return {
			code: typeof code === 'number' ? code : undefined,
			msg: typeof msg === 'string' ? msg : undefined,
		};
	}
	return {};
}

/** A 2xx body that is really an error (`{msg, code}` and nothing else). */
function isErrorShaped(body: unknown): body is { msg: string; code: number } {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
	const keys = Object.keys(body);
	return (
		typeof (body as { code?: unknown }).code === 'number' &&
		typeof (body as { msg?: unknown }).msg === 'string' &&
		keys.every((key) => ['msg', 'code', 'details'].includes(key))
	);
}

/**
 * The only way this package talks to Quatrix: base URL from the credential, session or API-key auth through
 * n8n (which logs in again once after a 401), JSON in and out, retries with exponential backoff and
 * Retry-After, and Quatrix's error model turned into a NodeApiError that says what failed and what to do.
 */
export async function quatrixRequest(this: QuatrixContext, request: QuatrixRequest): Promise<IDataObject> {
	const { baseUrl, insecure } = await connectionOf(this);
	const method = request.method;
	const idempotent = request.idempotent ?? method === 'GET';
	const isJson = request.encoding === undefined;
	const options: IHttpRequestOptions = {
		method,
		url: `${baseUrl}${request.siteRoot ? '' : API_PREFIX}${request.path}`,
		qs: request.qs,
		headers: { ...request.headers },
		skipSslCertificateValidation: insecure,
		returnFullResponse: true,
		timeout: timeoutOf(this, request),
	};
	if (request.body !== undefined) options.body = request.body as IDataObject;
	if (isJson) {
		options.json = true;
		if (!Buffer.isBuffer(request.body)) options.headers!['Content-Type'] = 'application/json';
	} else {
		options.encoding = request.encoding;
	}

	const startedAt = Date.now();
	let delay = RETRY.firstDelayMs;
	const credentialType = credentialTypeOf(this);
	for (let attempt = 1; ; attempt++) {
		let response: FullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
				...options,
				headers: { ...options.headers },
			})) as FullResponse;
		} catch (error) {
			const facts = factsOf(error);
			// Coming back before the Retry-After that Quatrix asked for would only be refused again.
			const askedWait = retryAfterMs(facts.headers);
			const wait = askedWait ?? Math.min(delay, RETRY.maxDelayMs);
			const withinBudget = wait <= RETRY.maxDelayMs && Date.now() - startedAt + wait <= RETRY.totalBudgetMs;
			const retryable = shouldRetry(facts, idempotent);
			if (attempt < RETRY.attempts && withinBudget && retryable) {
				await sleep(wait);
				delay = Math.min(delay * 2, RETRY.maxDelayMs);
				continue;
			}
			if (facts.signInMessage !== undefined && facts.status === undefined) {
				throw quatrixApiError(this.getNode(), {
					action: request.action,
					serverMessage: facts.signInMessage,
					itemIndex: request.itemIndex,
					secrets: await secretsOf(this),
				});
			}
			const parsed = await errorBodyOf(facts.body);
			const retried = attempt > 1 ? `Tried ${attempt} times over ${Math.round((Date.now() - startedAt) / 100) / 10} s.` : undefined;
			throw quatrixApiError(this.getNode(), {
				action: request.action,
				status: facts.status,
				code: parsed.code,
				serverMessage: parsed.msg ?? (parsed.raw && !/^\s*</.test(parsed.raw) ? parsed.raw : undefined),
				networkCode: facts.networkCode,
				note: [
					retried,
					retryable && askedWait !== undefined && !withinBudget
						? `Quatrix asked to wait ${Math.ceil(askedWait / 1000)} s before trying again, longer than this node waits.`
						: undefined,
					isTimeoutCode(facts.networkCode) && options.timeout ? `No answer within ${options.timeout / 1000} s (the Timeout option).` : undefined,
					!retryable && !idempotent && (facts.networkCode || facts.status === 502 || facts.status === 504)
						? 'It was not sent again, because Quatrix may have done it already: check before running the step again.'
						: undefined,
					parsed.raw && /^\s*</.test(parsed.raw) ? 'Quatrix answered with an HTML page instead of JSON.' : undefined,
				]
					.filter(Boolean)
					.join(' ') || undefined,
				itemIndex: request.itemIndex,
				secrets: await secretsOf(this),
			});
		}
		return (await checkedBody(this, request, response, isJson)) as IDataObject;
	}
}

async function checkedBody(ctx: QuatrixContext, request: QuatrixRequest, response: FullResponse, isJson: boolean) {
	if (!isJson) return request.returnFullResponse ? response : response.body;
	let body = response.body;
	if (typeof body === 'string') {
		const text = body.trim();
		if (text === '') body = {};
		else {
			try {
				body = JSON.parse(text);
			} catch {
				throw quatrixApiError(ctx.getNode(), {
					action: request.action,
					status: response.statusCode,
					serverMessage: /^</.test(text)
						? 'Quatrix answered with an HTML page instead of JSON'
						: 'Quatrix answered with a body that is not valid JSON',
					itemIndex: request.itemIndex,
					secrets: await secretsOf(ctx),
				});
			}
		}
	}
	if (body === undefined || body === null) body = {};
	if (isErrorShaped(body)) {
		throw quatrixApiError(ctx.getNode(), {
			action: request.action,
			status: response.statusCode,
			code: body.code,
			serverMessage: body.msg,
			itemIndex: request.itemIndex,
			secrets: await secretsOf(ctx),
		});
	}
	const problem = emptyRead(request, response.body) ?? notAnObjectOrList(body) ?? wrongFieldType(body);
	if (problem) {
		throw quatrixApiError(ctx.getNode(), {
			action: request.action,
			status: response.statusCode,
			serverMessage: `Quatrix answered with ${problem}`,
			itemIndex: request.itemIndex,
			secrets: await secretsOf(ctx),
		});
	}
	return request.returnFullResponse ? { ...response, body } : body;
}

/** Every read in Quatrix's API answers with an object or a list; an empty answer to one is a broken answer. */
function emptyRead(request: QuatrixRequest, raw: unknown): string | undefined {
	if (request.method !== 'GET') return undefined;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return 'an empty body';
	return undefined;
}

/** Every JSON answer of Quatrix's API is an object or a list; a bare number, string or boolean is not one. */
function notAnObjectOrList(body: unknown): string | undefined {
	return typeof body === 'object' && body !== null ? undefined : `${kindOf(body)} where an object or a list was expected`;
}

/** Fields whose type is the same in every answer of Quatrix's API (ids are UUID strings, times are numbers …). */
const FIELD_KINDS: Record<string, 'string' | 'number' | 'array'> = {
	id: 'string',
	parent_id: 'string',
	name: 'string',
	size: 'number',
	created: 'number',
	modified: 'number',
	content: 'array',
};

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'array';
	return value === null ? 'null' : typeof value;
}

/** The first field of a known name with the wrong type: at the top, in each entry of a list, in a folder's content. */
function wrongFieldType(body: unknown): string | undefined {
	const entries = Array.isArray(body) ? body : [body];
	for (const entry of entries) {
		const problem = wrongFieldOf(entry, true);
		if (problem) return problem;
	}
	return undefined;
}

function wrongFieldOf(entry: unknown, withContent: boolean): string | undefined {
	if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
	for (const [field, kind] of Object.entries(FIELD_KINDS)) {
		const value = (entry as IDataObject)[field];
		if (value === undefined || value === null) continue;
		if (kindOf(value) !== kind) return `"${field}" as ${kindOf(value)} where ${kind} was expected`;
	}
	const content = (entry as IDataObject).content;
	if (!withContent || !Array.isArray(content)) return undefined;
	for (const child of content) {
		const problem = wrongFieldOf(child, false);
		if (problem) return `${problem} in the folder content`;
	}
	return undefined;
}
