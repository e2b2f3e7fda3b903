/** Auth (CATALOGUE §1): Basic login → session, 207 MFA two-step, keepalive, logout. */
import { randomUUID } from 'crypto';
import type { Router } from '../router';
import type { Ctx } from '../server';
import { ApiError, ErrorCode, unauthorized } from '../errors';
import { validateBody } from '../validate';
import type { Session, User } from '../state';

function newSession(ctx: Ctx, user: User, partial?: 'PIN' | '2FA'): Session {
	const t = ctx.state.now();
	const s: Session = { id: randomUUID(), userId: user.id, created: t, lastUsed: t, partial };
	ctx.state.sessions.set(s.id, s);
	return s;
}

function loginGet(ctx: Ctx): void {
	const h = ctx.req.headers.authorization;
	const m = typeof h === 'string' ? /^Basic\s+(.+)$/i.exec(h.trim()) : null;
	if (!m) throw unauthorized(ErrorCode.MISSING_PARAMETER, 'Missing Basic authorization');
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	const email = colon >= 0 ? decoded.slice(0, colon) : decoded;
	const password = colon >= 0 ? decoded.slice(colon + 1) : '';
	const user = ctx.state.userByEmail(email);
	// unknown: the code for bad credentials; the sandbox uses 70 "Not allowed"
	if (!user || user.password !== password) throw unauthorized(ErrorCode.NOT_ALLOWED, 'Wrong email or password');
	if (user.status !== 'A') throw unauthorized(ErrorCode.DEACTIVATED_ROLE, 'Deactivated role');
	if (user.mfa) {
		const s = newSession(ctx, user, user.mfa);
		const code = user.mfa === 'PIN' ? ErrorCode.NOT_ALLOWED_WITHOUT_PIN : ErrorCode.NOT_ALLOWED_WITHOUT_2FA;
		ctx.core.counters.logins++;
		ctx.send(207, { session_id: s.id }, { 'Mfa-Code': String(code), 'X-Auth-Token': s.id });
		return;
	}
	const s = newSession(ctx, user);
	user.lastLogin = ctx.state.now();
	ctx.core.counters.logins++;
	ctx.send(200, { session_id: s.id }, { 'X-Auth-Token': s.id });
}

/** Second step of an MFA login. Accepts both body shapes (spec `{auth_type, code}` and the C# client's
 * `{auth_type, value: {code} | {pin}}`); PINs may be plain or base64. */
function loginPost(ctx: Ctx): void {
	const b = validateBody<{ auth_type: string; code?: unknown; value?: { code?: unknown; pin?: unknown } }>(ctx.body, {
		required: { auth_type: 'string' },
		optional: { code: 'string', value: 'object' },
	});
	if (b.auth_type !== '2FA' && b.auth_type !== 'PIN') {
		throw new ApiError(400, ErrorCode.BAD_PARAMETER, 'Bad parameter value: auth_type must be 2FA or PIN', { name: 'auth_type' });
	}
	const given = b.code ?? b.value?.code ?? b.value?.pin;
	if (typeof given !== 'string') throw new ApiError(400, ErrorCode.MISSING_PARAMETER, 'Missing parameter: code', { name: 'code' });
	const s = ctx.session!;
	const user = ctx.user;
	const candidates = [given];
	try {
		candidates.push(Buffer.from(given, 'base64').toString('utf8'));
	} catch {
		/* not base64 */
	}
	if (b.auth_type !== s.partial || !candidates.includes(user.mfaCode)) {
		const code = b.auth_type === 'PIN' ? ErrorCode.FAILED_PIN : ErrorCode.FAILED_2FA;
		throw unauthorized(code, b.auth_type === 'PIN' ? 'Failed PIN' : 'Failed 2FA');
	}
	ctx.state.sessions.delete(s.id);
	const full = newSession(ctx, user);
	user.lastLogin = ctx.state.now();
	ctx.send(200, { session_id: full.id }, { 'X-Auth-Token': full.id });
}

function logout(ctx: Ctx): void {
	// idempotent: an unknown or expired token still gets 200 (CATALOGUE §1.2)
	if (ctx.session) ctx.state.sessions.delete(ctx.session.id);
	const t = ctx.req.headers['x-auth-token'];
	if (typeof t === 'string') ctx.state.sessions.delete(t.trim());
	ctx.send(200);
}

export function register(r: Router): void {
	r.get('/session/login', loginGet, { auth: 'none' });
	r.post('/session/login', loginPost, { auth: 'partial' });
	r.get('/session/keepalive', (ctx) => ctx.send(200));
	r.get('/session/logout', logout, { auth: 'optional' });
}
