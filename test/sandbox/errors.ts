/**
 * Quatrix `ErrorModel` `{msg, code, details?}` and the vendor's application codes
 * (api-reference-overview.txt, "Error Detail" table; CATALOGUE §5.3).
 */
export const ErrorCode = {
	UNKNOWN: -1,
	BAD_PARAMETER: 10,
	MISSING_PARAMETER: 11,
	BAD_HOST: 12,
	NOT_FOUND: 20,
	NOT_SUPPORTED: 21,
	OBJECT_EXISTS: 30,
	USER_EXISTS: 31,
	CONTACT_EXISTS: 32,
	OPERATION_NOT_SUPPORTED: 40,
	RESTRICTION: 50,
	PGP_DISABLED: 51,
	EXPIRED: 60,
	NOT_ALLOWED_WITHOUT_2FA_SETUP: 61,
	NOT_ALLOWED: 70,
	NOT_ALLOWED_WITHOUT_2FA: 71,
	NOT_ALLOWED_WITHOUT_PASSWORD: 72,
	NOT_ALLOWED_WITHOUT_PIN: 73,
	NOT_ALLOWED_WITHOUT_CAPTCHA: 74,
	DEACTIVATED_ROLE: 82,
	FAILED_2FA: 83,
	FAILED_PIN: 84,
	NO_DATA: 90,
} as const;

export interface ErrorModel {
	msg: string;
	code: number;
	details?: Record<string, unknown>;
}

/** Thrown by handlers; the server turns it into a JSON ErrorModel response. */
export class ApiError extends Error {
	constructor(
		public status: number,
		public code: number,
		msg: string,
		public details?: Record<string, unknown>,
		public headers?: Record<string, string>,
	) {
		super(msg);
	}

	toModel(): ErrorModel {
		const m: ErrorModel = { msg: this.message, code: this.code };
		if (this.details) m.details = this.details;
		return m;
	}
}

export const badParam = (msg: string, details?: Record<string, unknown>) =>
	new ApiError(400, ErrorCode.BAD_PARAMETER, msg, details);
export const missingParam = (name: string) =>
	new ApiError(400, ErrorCode.MISSING_PARAMETER, `Missing parameter: ${name}`, { name });
/** unknown: what the real service answers for an unknown/inaccessible id (the spec declares no 404 for most
 * calls). The sandbox answers 404 with code 20 "Not found". */
export const notFound = (what: string, id?: string) =>
	new ApiError(404, ErrorCode.NOT_FOUND, `${what} not found`, id ? { id } : undefined);
export const exists = (msg: string, details?: Record<string, unknown>) =>
	new ApiError(400, ErrorCode.OBJECT_EXISTS, msg, details);
export const restricted = (msg: string, details?: Record<string, unknown>) =>
	new ApiError(400, ErrorCode.RESTRICTION, msg, details);
export const unauthorized = (code: number, msg: string) => new ApiError(401, code, msg);
