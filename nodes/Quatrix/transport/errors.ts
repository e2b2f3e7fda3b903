import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * Quatrix's application error codes (the `code` of its `{msg, code, details}` error body), each with what it
 * means and what the user can do. The vendor's API reference is the source; 80, 81, 95, 122 and 159 are seen
 * only in Quatrix's own clients and are kept so that they read well too.
 */
export const QUATRIX_ERROR_CODES: Record<number, { meaning: string; hint: string }> = {
	[-1]: { meaning: 'Unknown error', hint: 'Quatrix could not say what went wrong. Try again; if it persists, contact Quatrix support.' },
	10: { meaning: 'Bad parameter value', hint: 'A field has a value Quatrix does not accept. Check IDs, names and dates in the node.' },
	11: { meaning: 'Missing parameter', hint: 'A required field is empty. Fill in every required field of the node.' },
	12: { meaning: 'Bad host name', hint: 'This address is not a registered Quatrix site. Check the Site field of the credential.' },
	20: { meaning: 'Not found', hint: 'The file, folder, user or share does not exist, or this user cannot see it. Check the ID or path.' },
	21: { meaning: 'Not supported', hint: 'Quatrix does not support this operation for this object.' },
	30: { meaning: 'Object exists', hint: 'Something with this name already exists there. Choose another name or let Quatrix rename automatically.' },
	31: { meaning: 'User exists', hint: 'A user with this email already exists. Look the user up instead of creating one.' },
	32: { meaning: 'Contact exists', hint: 'A contact with this email already exists. Look the contact up instead of creating one.' },
	40: { meaning: 'Operation not supported', hint: 'Quatrix does not support this operation here.' },
	50: { meaning: 'Restriction error', hint: 'This user is not allowed to do that (permissions or account restrictions). Ask a Quatrix administrator.' },
	51: { meaning: 'PGP disabled', hint: 'PGP is disabled for this account. An administrator can enable it in the site settings.' },
	60: { meaning: 'Expired', hint: 'The link, share or upload key has expired. Run the step again to get a new one.' },
	61: { meaning: 'Not allowed without setting up 2FA', hint: 'This user must set up two-factor authentication in Quatrix first; use an API key credential for automation.' },
	70: { meaning: 'Not allowed', hint: 'Quatrix does not allow this (for example a suspended account).' },
	71: { meaning: 'Not allowed without 2FA', hint: 'This sign-in needs a 2FA code, which n8n cannot type. Use the Quatrix API Key credential.' },
	72: { meaning: 'Not allowed without password', hint: 'This action needs the user password.' },
	73: { meaning: 'Not allowed without PIN', hint: 'This sign-in needs a PIN, which n8n cannot type. Use the Quatrix API Key credential.' },
	74: { meaning: 'Not allowed without CAPTCHA', hint: 'Too many failed sign-ins: Quatrix now asks for a CAPTCHA. Sign in once in a browser, then check the password.' },
	75: { meaning: 'Not allowed without Basic Auth', hint: 'This action needs email and password sign-in. Use the Quatrix API credential.' },
	76: { meaning: 'Not allowed: IP restriction', hint: 'The account only accepts requests from allowed IP addresses. Ask an administrator to allow the n8n server.' },
	77: { meaning: 'Current IP not in the allowed IP masks', hint: 'The n8n server\'s IP address is not in the account\'s allow list. Ask an administrator to add it.' },
	78: { meaning: 'Widget CAPTCHA required', hint: 'The upload widget asks for a CAPTCHA.' },
	79: { meaning: 'Widget file limit', hint: 'The upload widget\'s file limit is reached.' },
	80: { meaning: 'Deactivated', hint: 'The user or object is deactivated. An administrator can reactivate it.' },
	81: { meaning: 'Inactive', hint: 'The user or object is inactive.' },
	82: { meaning: 'Deactivated role', hint: 'This user\'s role is deactivated. An administrator can reactivate it.' },
	83: { meaning: 'Failed 2FA', hint: 'The 2FA code was wrong.' },
	84: { meaning: 'Failed PIN', hint: 'The PIN was wrong.' },
	90: { meaning: 'No data', hint: 'Quatrix has no data for this request. Check the ID.' },
	91: { meaning: 'Widget does not exist', hint: 'Check the widget ID.' },
	95: { meaning: 'Parent folder not set', hint: 'Choose a parent folder.' },
	122: { meaning: 'Quota exceeded', hint: 'The user or account storage quota is full. Free space or ask an administrator for more.' },
	159: { meaning: 'Zero size not allowed', hint: 'Quatrix does not accept an empty file here.' },
};

/** What to say for an HTTP status when Quatrix gave no error body of its own. */
const STATUS_HINTS: Record<number, string> = {
	400: 'Quatrix did not accept the request. Check the node\'s fields.',
	401: 'Quatrix did not accept the credential. Check it, or create an API key.',
	403: 'This Quatrix user is not allowed to do that.',
	404: 'Not found: check the ID or path, and the Site field of the credential.',
	408: 'Quatrix took too long to answer. Try again, or raise the timeout in the node options.',
	413: 'The request is too large for Quatrix.',
	429: 'Quatrix is limiting the request rate. n8n retried; try again later or slow the workflow down.',
	500: 'Quatrix had an internal error. Try again later.',
	502: 'Quatrix (or a proxy in front of it) is unavailable. n8n retried; try again later.',
	503: 'Quatrix is temporarily unavailable. n8n retried; try again later.',
	504: 'Quatrix (or a proxy in front of it) timed out. n8n retried; try again later.',
};

/**
 * Network failures in words. The raw code (ECONNRESET …) must not be in the message: n8n replaces a message
 * that contains one with its own generic sentence, which would lose what was being done.
 */
const TIMED_OUT = 'Quatrix did not answer in time';
const CUT = 'the connection was cut before Quatrix answered';
export const NETWORK_FAILURES: Record<string, string> = {
	ETIMEDOUT: TIMED_OUT,
	ECONNABORTED: TIMED_OUT,
	ESOCKETTIMEDOUT: TIMED_OUT,
	ERR_SOCKET_CONNECTION_TIMEOUT: TIMED_OUT,
	ECONNRESET: CUT,
	EPIPE: CUT,
	UND_ERR_SOCKET: CUT,
	ERR_BAD_RESPONSE: 'Quatrix sent an answer that could not be read',
	ECONNREFUSED: 'the Quatrix site refused the connection',
	ENOTFOUND: 'the host name of the Quatrix site was not found',
	EAI_AGAIN: 'the host name of the Quatrix site could not be looked up',
};

export function isTimeoutCode(code: string | undefined): boolean {
	return code !== undefined && NETWORK_FAILURES[code] === TIMED_OUT;
}

export interface QuatrixErrorInfo {
	/** What was asked, in the user's words: "list folder", "upload chunk 3 of 10". */
	action: string;
	status?: number;
	/** Quatrix's own error code from the body, if any. */
	code?: number;
	/** Quatrix's own message from the body, if any. */
	serverMessage?: string;
	/** A network-level failure (ECONNRESET, ETIMEDOUT …) when there was no HTTP answer. */
	networkCode?: string;
	/** Extra sentence, e.g. how often it was retried. */
	note?: string;
	itemIndex?: number;
	/** The credential's secrets (password, session token, API key): blanked out wherever the server echoed them. */
	secrets?: string[];
}

/** `text` with every secret, also base64- or URL-encoded, replaced by `***`. */
export function redact(text: string, secrets: string[] = []): string {
	let result = text;
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < 4) continue;
		for (const form of new Set([secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)])) {
			result = result.split(form).join('***');
		}
	}
	return result;
}

/**
 * Builds the NodeApiError a user sees. It never receives headers, and blanks out the credential's secrets
 * where Quatrix (or a proxy) echoed them in its answer.
 */
export function quatrixApiError(node: INode, info: QuatrixErrorInfo): NodeApiError {
	const known = info.code !== undefined ? QUATRIX_ERROR_CODES[info.code] : undefined;
	const parts: string[] = [];
	// A message of only spaces (or with spaces around it) would leave the reason blank or ragged.
	const serverMessage = info.serverMessage?.trim();
	if (serverMessage) parts.push(serverMessage);
	else if (known) parts.push(known.meaning);
	else if (info.networkCode) parts.push(`no answer from Quatrix: ${NETWORK_FAILURES[info.networkCode] ?? 'the connection failed'}`);
	else if (info.status) parts.push(`HTTP ${info.status}`);
	const codeText = info.code !== undefined ? ` [Quatrix code ${info.code}${known ? `: ${known.meaning}` : ''}]` : '';
	const message = redact(`Quatrix: ${info.action} failed: ${parts.join('; ') || 'unexpected answer'}${codeText}`, info.secrets);
	// Code -1 ("unknown error") says less than the HTTP status it came with (503: try again later …).
	const statusHint = info.status !== undefined ? STATUS_HINTS[info.status] : undefined;
	const hint =
		(info.code === -1 ? statusHint : undefined) ??
		known?.hint ??
		statusHint ??
		(isTimeoutCode(info.networkCode) ? STATUS_HINTS[408] : undefined) ??
		(info.networkCode ? `The connection to Quatrix failed (${info.networkCode}). Check the Site field and the network, then try again.` : undefined) ??
		'Quatrix answered in a way this node did not expect.';
	const description = redact(info.note ? `${hint} ${info.note}` : hint, info.secrets);
	const payload: JsonObject = { message, description };
	if (info.status !== undefined) payload.httpCode = String(info.status);
	if (info.code !== undefined) payload.quatrixCode = info.code;
	const error = new NodeApiError(node, payload, {
		message,
		description,
		httpCode: info.status !== undefined ? String(info.status) : null,
		itemIndex: info.itemIndex,
	} as never);
	// n8n swaps a message that mentions a network code (ECONNRESET …) for a generic one; ours says more.
	error.message = message;
	return Object.assign(error, { quatrixCode: info.code });
}

/** Quatrix's error code carried by an error from `quatrixApiError`, if any. */
export function quatrixCodeOf(error: unknown): number | undefined {
	const code = (error as { quatrixCode?: unknown } | undefined)?.quatrixCode;
	return typeof code === 'number' ? code : undefined;
}
