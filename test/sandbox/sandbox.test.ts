import { createHash, randomBytes } from 'crypto';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { Router, startSandbox, type Sandbox } from './index';

let sb: Sandbox;

interface Res {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

async function call(
	method: string,
	p: string,
	opts: { token?: string; apiKey?: string; body?: unknown; raw?: string | Buffer; headers?: Record<string, string>; root?: boolean } = {},
): Promise<Res> {
	const headers: Record<string, string> = { ...(opts.headers ?? {}) };
	if (opts.token) headers['X-Auth-Token'] = opts.token;
	if (opts.apiKey) headers.Authorization = `Bearer ${opts.apiKey}`;
	let body: string | Buffer | undefined = opts.raw;
	if (opts.body !== undefined) {
		body = JSON.stringify(opts.body);
		headers['Content-Type'] = 'application/json';
	}
	const r = await fetch(`${sb.url}${opts.root ? '' : '/api/1.0'}${p}`, { method, headers, body });
	const text = await r.text();
	let json: any;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: r.status, headers: r.headers, text, json };
}

async function login(email = sb.admin.email, password = sb.admin.password): Promise<string> {
	const r = await call('GET', '/session/login', { headers: { Authorization: 'Basic ' + Buffer.from(`${email}:${password}`).toString('base64') } });
	expect(r.status).toBe(200);
	return r.json.session_id;
}

const isErrorModel = (j: any) => typeof j?.msg === 'string' && Number.isInteger(j?.code);

async function makedir(token: string, target: string, name: string, resolve?: boolean): Promise<Res> {
	return call('POST', '/file/makedir', { token, body: { target, name, ...(resolve === undefined ? {} : { resolve }) } });
}

async function upload(token: string, parentId: string, name: string, data: Buffer, chunks = 3): Promise<{ id: string; key: string }> {
	const link = await call('POST', '/upload/link', { token, body: { name, parent_id: parentId, file_size: data.length } });
	expect(link.status).toBe(200);
	const key = link.json.upload_key;
	const size = Math.ceil(data.length / chunks);
	for (let first = 0; first < data.length; first += size) {
		const last = Math.min(first + size, data.length) - 1;
		const r = await call('POST', `/upload/chunked/${key}`, {
			root: true,
			token,
			raw: data.subarray(first, last + 1),
			headers: { 'Content-Range': `bytes ${first}-${last}/${data.length}`, 'Content-Type': 'application/octet-stream' },
		});
		expect(r.status).toBe(200);
	}
	const fin = await call('GET', `/upload/finalize/${key}`, { token });
	expect(fin.status).toBe(200);
	return { id: fin.json.id, key };
}

async function downloadBytes(token: string, ids: string[]): Promise<{ status: number; headers: Headers; data: Buffer }> {
	const link = await call('POST', '/file/download-link', { token, body: { ids } });
	expect(link.status).toBe(200);
	const r = await fetch(`${sb.url}/api/1.0/file/download/${link.json.id}`, { headers: { 'X-Auth-Token': token } });
	return { status: r.status, headers: r.headers, data: Buffer.from(await r.arrayBuffer()) };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
	sb = await startSandbox();
});

afterAll(async () => {
	await sb.stop();
});

afterEach(() => {
	sb.faults.reset();
	sb.clock.useRealTime();
});

describe('auth', () => {
	test('Basic login gives session_id in body and X-Auth-Token header, counted in stats', async () => {
		const before = sb.stats().logins;
		const r = await call('GET', '/session/login', {
			headers: { Authorization: 'Basic ' + Buffer.from(`${sb.admin.email}:${sb.admin.password}`).toString('base64') },
		});
		expect(r.status).toBe(200);
		expect(r.json.session_id).toMatch(/^[0-9a-f-]{36}$/);
		expect(r.headers.get('x-auth-token')).toBe(r.json.session_id);
		expect(sb.stats().logins).toBe(before + 1);
		const p = await call('GET', '/profile', { token: r.json.session_id });
		expect(p.status).toBe(200);
		expect(p.json.home_id).toBe(sb.admin.homeId);
		expect(p.json.email).toBe(sb.admin.email);
	});

	test('wrong password, missing and unknown tokens → 401 ErrorModel', async () => {
		const bad = await call('GET', '/session/login', { headers: { Authorization: 'Basic ' + Buffer.from(`${sb.admin.email}:nope`).toString('base64') } });
		expect(bad.status).toBe(401);
		expect(isErrorModel(bad.json)).toBe(true);
		expect(bad.headers.get('content-type')).toMatch(/application\/json/);
		const none = await call('GET', '/file/metadata');
		expect(none.status).toBe(401);
		expect(isErrorModel(none.json)).toBe(true);
		const unknown = await call('GET', '/file/metadata', { token: '00000000-0000-4000-8000-000000000000' });
		expect(unknown.status).toBe(401);
		expect(isErrorModel(unknown.json)).toBe(true);
	});

	test('anonymous account metadata', async () => {
		const r = await call('GET', '/account/metadata');
		expect(r.status).toBe(200);
		expect(r.json.status).toBe('A');
	});

	test('API key as Bearer; a bad key is 401', async () => {
		expect((await call('GET', '/profile', { apiKey: sb.admin.apiKey })).status).toBe(200);
		expect((await call('GET', '/profile', { apiKey: 'nope' })).status).toBe(401);
	});

	test('idle expiry follows the sandbox clock; any call refreshes; logout is idempotent', async () => {
		sb.clock.set(1_800_000_000);
		const token = await login();
		sb.clock.advance(800);
		expect((await call('GET', '/session/keepalive', { token })).status).toBe(200);
		sb.clock.advance(800);
		expect((await call('GET', '/file/metadata', { token })).status).toBe(200);
		sb.clock.advance(901);
		const dead = await call('GET', '/file/metadata', { token });
		expect(dead.status).toBe(401);
		expect(isErrorModel(dead.json)).toBe(true);
		const t2 = await login();
		expect((await call('GET', '/session/logout', { token: t2 })).status).toBe(200);
		expect((await call('GET', '/session/logout', { token: t2 })).status).toBe(200);
		expect((await call('GET', '/profile', { token: t2 })).status).toBe(401);
	});

	test('MFA: 207 + Mfa-Code, partial session only for POST /session/login', async () => {
		const other = await startSandbox({
			users: [
				{ email: 'admin@sandbox.test', password: 'pw' },
				{ email: 'pin@sandbox.test', password: 'pw', mfa: 'PIN' },
				{ email: 'totp@sandbox.test', password: 'pw', mfa: '2FA' },
			],
		});
		const main = sb;
		sb = other;
		try {
			const basic = (e: string) => ({ Authorization: 'Basic ' + Buffer.from(`${e}:pw`).toString('base64') });
			const r = await call('GET', '/session/login', { headers: basic('pin@sandbox.test') });
			expect(r.status).toBe(207);
			expect(r.headers.get('mfa-code')).toBe('73');
			const partial = r.json.session_id;
			expect((await call('GET', '/profile', { token: partial })).status).toBe(401);
			const wrong = await call('POST', '/session/login', { token: partial, body: { auth_type: 'PIN', code: '00000' } });
			expect(wrong.status).toBe(401);
			expect(wrong.json.code).toBe(84);
			const ok = await call('POST', '/session/login', {
				token: partial,
				body: { auth_type: 'PIN', value: { pin: Buffer.from('12345').toString('base64') } },
			});
			expect(ok.status).toBe(200);
			expect((await call('GET', '/profile', { token: ok.json.session_id })).status).toBe(200);
			const t = await call('GET', '/session/login', { headers: basic('totp@sandbox.test') });
			expect(t.status).toBe(207);
			expect(t.headers.get('mfa-code')).toBe('71');
			const ok2 = await call('POST', '/session/login', { token: t.json.session_id, body: { auth_type: '2FA', code: '123456' } });
			expect(ok2.status).toBe(200);
		} finally {
			sb = main;
			await other.stop();
		}
	});
});

describe('files', () => {
	let token: string;
	beforeAll(async () => {
		token = await login();
	});

	test('home listing has the system folders and TRASH', async () => {
		const r = await call('GET', '/file/metadata?content=1.0', { token });
		expect(r.status).toBe(200);
		expect(r.json.id).toBe(sb.admin.homeId);
		const subtypes = r.json.content.map((c: any) => c.sub_type).filter(Boolean).sort();
		expect(subtypes).toEqual(['incoming', 'outgoing', 'projects']);
		expect(r.json.content.some((c: any) => c.type === 'T')).toBe(true);
		const no = await call('GET', `/file/metadata/${sb.admin.homeId}?content=0`, { token });
		expect(no.json.content).toBeUndefined();
	});

	test('makedir: 201, resolve default true → name(1), resolve false → 400 code 30, validation', async () => {
		const a = await makedir(token, sb.admin.homeId, 'Reports');
		expect(a.status).toBe(201);
		expect(a.json).toMatchObject({ name: 'Reports', type: 'D', parent_id: sb.admin.homeId });
		for (const k of ['id', 'created', 'modified', 'modified_ms', 'operations', 'size']) expect(a.json).toHaveProperty(k);
		const b = await makedir(token, sb.admin.homeId, 'Reports');
		expect(b.json.name).toBe('Reports(1)');
		const c = await makedir(token, sb.admin.homeId, 'Reports', false);
		expect(c.status).toBe(400);
		expect(c.json.code).toBe(30);
		const missing = await call('POST', '/file/makedir', { token, body: { target: sb.admin.homeId } });
		expect(missing.status).toBe(400);
		expect(missing.json.code).toBe(11);
		const badUuid = await makedir(token, 'not-a-uuid', 'x');
		expect(badUuid.status).toBe(400);
		expect(badUuid.json.code).toBe(10);
		const notJson = await call('POST', '/file/makedir', { token, raw: '{nope', headers: { 'Content-Type': 'application/json' } });
		expect(notJson.status).toBe(400);
		expect(notJson.json.code).toBe(10);
		const unknown = await call('GET', '/file/metadata/00000000-0000-4000-8000-000000000000', { token });
		expect(unknown.status).toBe(404);
		expect(unknown.json.code).toBe(20);
		const noRoute = await call('GET', '/no/such/route', { token });
		expect(noRoute.status).toBe(404);
		expect(isErrorModel(noRoute.json)).toBe(true);
	});

	test('rename, copy (always 202, recursive with content), move', async () => {
		const src = (await makedir(token, sb.admin.homeId, 'CopySrc')).json;
		const dst = (await makedir(token, sb.admin.homeId, 'CopyDst')).json;
		const data = randomBytes(1000);
		const f = await upload(token, src.id, 'a.bin', data, 1);
		const ren = await call('POST', `/file/rename/${f.id}`, { token, body: { name: 'b.bin' } });
		expect(ren.json).toMatchObject({ id: f.id, name: 'b.bin', old_name: 'a.bin' });
		const cp = await call('POST', '/file/copy', { token, body: { ids: [src.id], target: dst.id } });
		expect(cp.status).toBe(202);
		expect(cp.json.job_id).toMatch(/^[0-9a-f-]{36}$/);
		const listing = await call('GET', `/file/metadata/${dst.id}`, { token });
		const copied = listing.json.content.find((c: any) => c.name === 'CopySrc');
		expect(copied).toBeDefined();
		const inner = await call('GET', `/file/metadata/${copied.id}`, { token });
		expect(inner.json.content).toHaveLength(1);
		const copyId = inner.json.content[0].id;
		expect(copyId).not.toBe(f.id);
		expect(fs.readFileSync(sb.fileContentPath(copyId)).equals(data)).toBe(true);
		const size = await call('GET', `/file/size/${dst.id}`, { token });
		expect(size.json.size).toBe(1000);
		const mv = await call('POST', '/file/move', { token, body: { ids: [f.id], target: dst.id } });
		expect(mv.status).toBe(200);
		expect(mv.json.ids).toEqual([f.id]);
		const info = await call('GET', `/file/info/${f.id}`, { token });
		expect(info.json.paths.path).toBe('/CopyDst/b.bin');
	});

	test('delete → TRASH (200 for ≤10, 202 for more); delete in TRASH purges', async () => {
		const dir = (await makedir(token, sb.admin.homeId, 'ToDelete')).json;
		const d = await call('POST', '/file/delete', { token, body: { ids: [dir.id] } });
		expect(d.status).toBe(200);
		expect(d.json.ids).toEqual([dir.id]);
		const m = await call('GET', `/file/metadata/${dir.id}`, { token });
		expect(sb.state.files.get(m.json.parent_id)?.type).toBe('T');
		const p = await call('POST', '/file/delete', { token, body: { ids: [dir.id] } });
		expect(p.status).toBe(200);
		expect((await call('GET', `/file/metadata/${dir.id}`, { token })).status).toBe(404);
		const many = (await makedir(token, sb.admin.homeId, 'Many')).json;
		const ids = sb.seedFiles(many.id, 11);
		const big = await call('POST', '/file/delete', { token, body: { ids } });
		expect(big.status).toBe(202);
		expect(big.json.job_id).toBeDefined();
		expect((await call('GET', `/file/metadata/${many.id}`, { token })).json.content).toHaveLength(0);
	});

	test('seedFiles: 10,000 files fast, listed in one call', async () => {
		const dir = (await makedir(token, sb.admin.homeId, 'Big')).json;
		const t0 = Date.now();
		const ids = sb.seedFiles(dir.id, 10_000);
		expect(Date.now() - t0).toBeLessThan(1000);
		expect(new Set(ids).size).toBe(10_000);
		const t1 = Date.now();
		const r = await call('GET', `/file/metadata/${dir.id}`, { token });
		expect(Date.now() - t1).toBeLessThan(2000);
		expect(r.json.content).toHaveLength(10_000);
		const s = await call('POST', '/file/search', { token, body: { _and: [{ name: { _and: ['file-09999'] } }] } });
		expect(s.json.map((x: any) => x.name)).toEqual(['file-09999.txt']);
	});

	test('diff and csv', async () => {
		const dir = (await makedir(token, sb.admin.homeId, 'Watched')).json;
		const t0 = sb.clock.now() - 1;
		await makedir(token, dir.id, 'Sub');
		await upload(token, dir.id, 'x.txt', Buffer.from('hello'), 1);
		const d = await call('GET', `/file/diff/${dir.id}?from=${t0}`, { token });
		expect(d.status).toBe(200);
		expect(d.json.data.map((x: any) => x.name).sort()).toEqual(['Sub', 'x.txt']);
		expect(d.json.data[0]).toHaveProperty('action');
		const csv = await call('GET', `/file/csv/${dir.id}`, { token });
		expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
		expect(csv.text.split('\r\n')[0]).toBe('Path,Name,Size,Type,Created,Modified,Content_modified,Created_by,Owner');
		expect(csv.text).toContain('x.txt,5,F');
	});
});

describe('upload and download', () => {
	let token: string;
	beforeAll(async () => {
		token = await login();
	});

	test('chunked upload in 3 chunks + finalize, not listed before; download has the same sha256', async () => {
		const data = randomBytes(5 * 1024 * 1024 + 123);
		const link = await call('POST', '/upload/link', { token, body: { name: 'big.bin', parent_id: sb.admin.homeId, file_size: data.length } });
		const key = link.json.upload_key;
		expect(link.json).toMatchObject({ name: 'big.bin', parent_id: sb.admin.homeId });
		const size = Math.ceil(data.length / 3);
		for (let first = 0; first < data.length; first += size) {
			const last = Math.min(first + size, data.length) - 1;
			const r = await call('POST', `/upload/chunked/${key}`, {
				root: true,
				raw: data.subarray(first, last + 1),
				headers: { 'Content-Range': `bytes ${first}-${last}/${data.length}` },
			});
			expect(r.status).toBe(200);
			if (first === 0) {
				const home = await call('GET', '/file/metadata', { token });
				expect(home.json.content.some((c: any) => c.name === 'big.bin')).toBe(false);
			}
		}
		const fin = await call('GET', `/upload/finalize/${key}?mtime=1700000000`, { token });
		expect(fin.status).toBe(200);
		expect(fin.json).toMatchObject({ id: link.json.file_id, parent_id: sb.admin.homeId, size: data.length, modified: 1700000000 });
		const again = await call('GET', `/upload/finalize/${key}`, { token });
		expect(again.status).toBeGreaterThanOrEqual(400);
		expect(again.json.code).toBe(60);
		const dl = await downloadBytes(token, [fin.json.id]);
		expect(dl.status).toBe(200);
		expect(dl.headers.get('content-length')).toBe(String(data.length));
		expect(dl.headers.get('content-disposition')).toContain("filename*=UTF-8''big.bin");
		expect(sha(dl.data)).toBe(sha(data));
		expect(sb.requests.some((q) => q.route === '/upload/chunked/{key}')).toBe(true);
		expect(sb.requests.some((q) => q.route === '/upload/finalize/{id}')).toBe(true);
	});

	test('download ids are single-use', async () => {
		const f = await upload(token, sb.admin.homeId, 'once.txt', Buffer.from('once'), 1);
		const link = await call('POST', '/file/download-link', { token, body: { ids: [f.id] } });
		expect((await call('GET', `/file/download/${link.json.id}`, { token })).text).toBe('once');
		expect((await call('GET', `/file/download/${link.json.id}`, { token })).status).toBeGreaterThanOrEqual(400);
	});

	test('zero-byte upload: no chunk, then finalize', async () => {
		const link = await call('POST', '/upload/link', { token, body: { name: 'empty.txt', parent_id: sb.admin.homeId, file_size: 0 } });
		const fin = await call('GET', `/upload/finalize/${link.json.upload_key}`, { token });
		expect(fin.status).toBe(200);
		expect(fin.json.size).toBe(0);
		const dl = await downloadBytes(token, [fin.json.id]);
		expect(dl.data.length).toBe(0);
	});

	test('bad Content-Range, changed total and early finalize are rejected; re-sent last chunk is accepted', async () => {
		const data = randomBytes(3000);
		const link = await call('POST', '/upload/link', { token, body: { name: 'r.bin', parent_id: sb.admin.homeId, file_size: 3000 } });
		const key = link.json.upload_key;
		const put = (first: number, last: number, total = 3000, body = data.subarray(first, last + 1)) =>
			call('POST', `/upload/chunked/${key}`, { root: true, raw: body, headers: { 'Content-Range': `bytes ${first}-${last}/${total}` } });
		expect((await put(1000, 1999)).status).toBe(400);
		expect((await call('POST', `/upload/chunked/${key}`, { root: true, raw: data, headers: { 'Content-Range': 'nonsense' } })).status).toBe(400);
		expect((await put(0, 999)).status).toBe(200);
		expect((await put(1000, 1999, 4000, data.subarray(1000, 2000))).status).toBe(400);
		expect((await put(0, 999)).status).toBe(200); // same range again: idempotent
		expect((await put(1000, 1999)).status).toBe(200);
		const early = await call('GET', `/upload/finalize/${key}`, { token });
		expect(early.status).toBe(400);
		expect((await put(2000, 2999)).status).toBe(200);
		const fin = await call('GET', `/upload/finalize/${key}`, { token });
		expect(fin.json.size).toBe(3000);
		expect(sha(fs.readFileSync(sb.fileContentPath(fin.json.id)))).toBe(sha(data));
	});

	test('file/modify replaces the content of the same id', async () => {
		const f = await upload(token, sb.admin.homeId, 'm.txt', Buffer.from('old'), 1);
		const mod = await call('POST', '/file/modify', { token, body: { id: f.id, truncate: 3 } });
		expect(mod.json.file_id).toBe(f.id);
		await call('POST', `/upload/chunked/${mod.json.upload_key}`, { root: true, raw: 'new', headers: { 'Content-Range': 'bytes 0-2/3' } });
		const fin = await call('GET', `/upload/finalize/${mod.json.upload_key}`, { token });
		expect(fin.json.id).toBe(f.id);
		expect(fs.readFileSync(sb.fileContentPath(f.id), 'utf8')).toBe('new');
	});

	test('multipart upload', async () => {
		const link = await call('POST', '/upload/link', { token, body: { name: 'mp.txt', parent_id: sb.admin.homeId } });
		const form = new FormData();
		form.append('file', new Blob(['multipart body']), 'mp.txt');
		const r = await fetch(`${sb.url}/upload/multipart/${link.json.upload_key}`, { method: 'POST', body: form });
		expect(r.status).toBe(200);
		const j: any = await r.json();
		expect(fs.readFileSync(sb.fileContentPath(j.id), 'utf8')).toBe('multipart body');
	});

	test('a folder downloads as a valid ZIP', async () => {
		const dir = (await makedir(token, sb.admin.homeId, 'Zipped')).json;
		const sub = (await makedir(token, dir.id, 'inner')).json;
		const a = randomBytes(70_000);
		await upload(token, dir.id, 'a.bin', a, 2);
		await upload(token, sub.id, 'ü.txt', Buffer.from('unicode'), 1);
		const dl = await downloadBytes(token, [dir.id]);
		expect(dl.status).toBe(200);
		expect(dl.headers.get('content-type')).toBe('application/zip');
		expect(dl.headers.get('content-disposition')).toContain('Zipped.zip');
		expect(dl.headers.get('content-length')).toBe(String(dl.data.length));
		const files = unzipSync(new Uint8Array(dl.data));
		expect(Object.keys(files).sort()).toEqual(['Zipped/', 'Zipped/a.bin', 'Zipped/inner/', 'Zipped/inner/ü.txt']);
		expect(sha(Buffer.from(files['Zipped/a.bin']))).toBe(sha(a));
		expect(Buffer.from(files['Zipped/inner/ü.txt']).toString()).toBe('unicode');
		if (fs.existsSync('/usr/bin/unzip')) {
			const tmp = path.join(os.tmpdir(), `sandbox-test-${process.pid}.zip`);
			fs.writeFileSync(tmp, dl.data);
			try {
				const out = execFileSync('unzip', ['-t', tmp]).toString();
				expect(out).toContain('No errors detected');
			} finally {
				fs.rmSync(tmp, { force: true });
			}
		}
	});
});

describe('activity', () => {
	test('window [from, to] inclusive, oldest `limit` rows, ascending', async () => {
		const token = await login();
		sb.seedActivity([103, 100, 104, 101, 102].map((timestamp) => ({ timestamp, action: 'upload', user_id: sb.admin.id })));
		const w = await call('GET', '/tracking/activity?from=101&to=103', { token });
		expect(w.status).toBe(200);
		expect(w.json.map((e: any) => e.timestamp)).toEqual([101, 102, 103]);
		const l = await call('GET', '/tracking/activity?from=100&to=104&limit=2', { token });
		expect(l.json.map((e: any) => e.timestamp)).toEqual([100, 101]);
		expect((await call('GET', '/tracking/activity?limit=0', { token })).status).toBe(400);
		expect((await call('GET', '/tracking/activity?limit=1001', { token })).status).toBe(400);
		const csv = await call('GET', '/tracking/csv?from=100&to=104', { token });
		expect(csv.text.trim().split('\r\n')).toHaveLength(6);
	});

	test('makedir and upload are recorded with the sandbox clock', async () => {
		sb.clock.set(1_900_000_000.25);
		const token = await login();
		const dir = (await makedir(token, sb.admin.homeId, 'Logged')).json;
		await upload(token, dir.id, 'l.txt', Buffer.from('x'), 1);
		const r = await call('GET', '/tracking/activity?from=1900000000&to=1900000001', { token });
		expect(r.json.map((e: any) => e.action)).toEqual(['makedir', 'upload']);
		expect(r.json[0]).toMatchObject({ event: 'file', timestamp: 1_900_000_000.25, email: sb.admin.email, protocol: 'web' });
	});
});

describe('faults', () => {
	test('failNext with Retry-After, path-specific, count', async () => {
		const token = await login();
		sb.faults.failNext({ status: 503, retryAfter: 7, path: '/file/metadata', count: 2 });
		const other = await call('GET', '/profile', { token });
		expect(other.status).toBe(200);
		const a = await call('GET', '/file/metadata', { token });
		expect(a.status).toBe(503);
		expect(a.headers.get('retry-after')).toBe('7');
		expect((await call('GET', '/file/metadata', { token })).status).toBe(503);
		expect((await call('GET', '/file/metadata', { token })).status).toBe(200);
		sb.faults.failNext({ status: 429, path: /\/file\/metadata\//, body: 'slow down', contentType: 'text/plain' });
		const t = await call('GET', `/file/metadata/${sb.admin.homeId}`, { token });
		expect(t.status).toBe(429);
		expect(t.text).toBe('slow down');
	});

	test('cutNextChunk drops the connection and keeps the last acknowledged chunk', async () => {
		const token = await login();
		const data = randomBytes(300_000);
		const link = await call('POST', '/upload/link', { token, body: { name: 'cut.bin', parent_id: sb.admin.homeId, file_size: data.length } });
		const key = link.json.upload_key;
		const put = (first: number, last: number) =>
			call('POST', `/upload/chunked/${key}`, { root: true, raw: data.subarray(first, last + 1), headers: { 'Content-Range': `bytes ${first}-${last}/${data.length}` } });
		expect((await put(0, 99_999)).status).toBe(200);
		sb.faults.cutNextChunk({ afterBytes: 50_000 });
		await expect(put(100_000, 199_999)).rejects.toThrow();
		await new Promise((r) => setTimeout(r, 50));
		expect(sb.state.uploads.get(key)?.received).toBe(100_000);
		expect((await put(100_000, 199_999)).status).toBe(200);
		expect((await put(200_000, 299_999)).status).toBe(200);
		const fin = await call('GET', `/upload/finalize/${key}`, { token });
		expect(sha(fs.readFileSync(sb.fileContentPath(fin.json.id)))).toBe(sha(data));
	});

	test('expireSessionsEvery(n) and expireAllSessions', async () => {
		const token = await login();
		sb.faults.expireSessionsEvery(3);
		expect((await call('GET', '/profile', { token })).status).toBe(200);
		expect((await call('GET', '/profile', { token })).status).toBe(200);
		expect((await call('GET', '/profile', { token })).status).toBe(401);
		expect((await call('GET', '/profile', { token })).status).toBe(401);
		sb.faults.expireSessionsEvery(0);
		const t2 = await login();
		expect((await call('GET', '/profile', { token: t2 })).status).toBe(200);
		sb.faults.expireAllSessions();
		expect((await call('GET', '/profile', { token: t2 })).status).toBe(401);
	});

	test('malformNext kinds', async () => {
		const token = await login();
		sb.faults.malformNext({ kind: 'html', path: '/profile' });
		const h = await call('GET', '/profile', { token });
		expect(h.headers.get('content-type')).toMatch(/text\/html/);
		expect(h.json).toBeUndefined();
		sb.faults.malformNext({ kind: 'truncated-json' });
		const t = await call('GET', '/profile', { token });
		expect(t.text.length).toBeGreaterThan(0);
		expect(t.json).toBeUndefined();
		sb.faults.malformNext({ kind: 'error-in-200' });
		const e = await call('GET', '/profile', { token });
		expect(e.status).toBe(200);
		expect(isErrorModel(e.json)).toBe(true);
		sb.faults.malformNext({ kind: 'wrong-types' });
		const w = await call('GET', '/profile', { token });
		expect(typeof w.json.id).toBe('number');
		sb.faults.malformNext({ kind: 'empty' });
		expect((await call('GET', '/profile', { token })).text).toBe('');
		expect((await call('GET', '/profile', { token })).json.id).toBe(sb.admin.id);
	});

	test('expired upload keys answer code 60 and leave nothing behind', async () => {
		const token = await login();
		const link = await call('POST', '/upload/link', { token, body: { name: 'gone.bin', parent_id: sb.admin.homeId, file_size: 10 } });
		sb.faults.expireUploadKeys();
		const r = await call('POST', `/upload/chunked/${link.json.upload_key}`, { root: true, raw: '0123456789', headers: { 'Content-Range': 'bytes 0-9/10' } });
		expect(r.json.code).toBe(60);
		const home = await call('GET', '/file/metadata', { token });
		expect(home.json.content.some((c: any) => c.name === 'gone.bin')).toBe(false);
	});

	test('HTTP control surface is not recorded', async () => {
		sb.resetLog();
		const r = await fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ op: 'failNext', status: 502, path: '/profile' }) });
		expect(r.status).toBe(200);
		const token = await login();
		expect((await call('GET', '/profile', { token })).status).toBe(502);
		const stats: any = await (await fetch(`${sb.url}/__sandbox/stats`)).json();
		expect(stats.logins).toBe(1);
		expect(stats.byRoute['GET /profile']).toBe(1);
		const reqs: any = await (await fetch(`${sb.url}/__sandbox/requests`)).json();
		expect(reqs.map((q: any) => q.route)).toEqual(['/session/login', '/profile']);
		expect(reqs.every((q: any) => !q.path.startsWith('/__sandbox'))).toBe(true);
		const clock: any = await (await fetch(`${sb.url}/__sandbox/clock`, { method: 'POST', body: JSON.stringify({ op: 'set', epochSeconds: 42 }) })).json();
		expect(clock.now).toBe(42);
	});
});

describe('router', () => {
	test('literal segments before params, trailing slash optional, per method', () => {
		const r = new Router();
		const h = () => undefined;
		r.get('/tracking/{id}', h).get('/tracking/activity', h).get('/tracking/', h).post('/automation/edit/', h);
		const m = (method: string, p: string) => {
			const x = r.match(method, p, false);
			return x.kind === 'route' ? x.route.template : x.kind;
		};
		expect(m('GET', '/tracking/activity')).toBe('/tracking/activity');
		expect(m('GET', '/tracking/activity/')).toBe('/tracking/activity');
		expect(m('GET', '/tracking/abc')).toBe('/tracking/{id}');
		expect(m('GET', '/tracking')).toBe('/tracking/');
		expect(m('POST', '/automation/edit')).toBe('/automation/edit/');
		expect(m('GET', '/automation/edit')).toBe('method');
		expect(m('GET', '/nothing')).toBe('none');
	});

	test('delay fault and recorded route templates', async () => {
		const token = await login();
		sb.resetLog();
		sb.faults.delay({ ms: 150, path: '/file/metadata/{id}' });
		const t0 = Date.now();
		await call('GET', `/file/metadata/${sb.admin.homeId}/`, { token });
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		expect(sb.requests[0]).toMatchObject({ method: 'GET', route: '/file/metadata/{id}', status: 200 });
		expect(sb.stats().byRoute['GET /file/metadata/{id}']).toBe(1);
	});
});
