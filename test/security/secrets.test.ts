/**
 * Secrets: the password, the session token and the API key never appear in error messages, descriptions,
 * stacks, serialized errors, output items, run data or logs. Every failure scenario below is run with both
 * credentials where it applies, everything it produced is collected, and the whole lot is scanned at the end.
 * Also: TLS verification is on unless the credential opts out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as https from 'node:https';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LoggerProxy } from 'n8n-workflow';

import { runWorkflow, testCredential, type RunResult } from '../harness';
import { byId, byPath, filesStep, quatrixStep, workflowOf, type Auth } from '../helpers/workflows';
import { startSandbox, type Sandbox } from '../sandbox';
import { captureOutput, fastRetry, findSecrets, restoreRetry } from '../reliability/support';

jest.setTimeout(60_000);

let sandbox: Sandbox;
/** A web server that is not Quatrix: 404 with an HTML page for everything. */
let notQuatrixServer: http.Server;
let notQuatrix: string;
let folderId: string;
let fileId: string;
const material: Record<string, unknown> = {};
const logLines: string[] = [];
/** Every session token the sandbox handed out during this file. */
const tokens = () => [...sandbox.state.sessions.keys()];

beforeAll(async () => {
	sandbox = await startSandbox();
	fastRetry();
	notQuatrixServer = http.createServer((_req, res) => {
		res.writeHead(404, { 'Content-Type': 'text/html' });
		res.end('<html><body>Not found</body></html>');
	});
	await new Promise<void>((done) => notQuatrixServer.listen(0, '127.0.0.1', () => done()));
	notQuatrix = `http://127.0.0.1:${(notQuatrixServer.address() as { port: number }).port}`;
	const state = sandbox.state;
	const home = state.files.get(sandbox.admin.homeId)!;
	const folder = state.newNode({ parent_id: home.id, name: 'secrets', type: 'D', owner_id: home.owner_id });
	state.attach(home, folder);
	folderId = folder.id;
	[fileId] = sandbox.seedFiles(folderId, 1);
	// n8n's own logger, at debug level, into our list (after a first run: n8n's Logger sets itself up then)
	await runWorkflow(workflowOf(get('apiKey')), { credentials: credentials('apiKey') });
	const record = (level: string) => (message: string, meta?: object) => logLines.push(`${level} ${message} ${JSON.stringify(meta ?? {})}`);
	LoggerProxy.init({ error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') } as never);
});
afterAll(async () => {
	restoreRetry();
	await sandbox.stop();
	await new Promise<void>((done) => notQuatrixServer.close(() => done()));
});

/** One store per credential type, kept across runs like n8n's credentials table. */
const stores: Record<Auth, Record<string, Record<string, unknown>>> = { password: {}, apiKey: {} };
function credentials(auth: Auth) {
	if (!stores[auth].quatrixApi) {
		stores[auth] = {
			quatrixApi: { site: sandbox.url, email: sandbox.admin.email, password: sandbox.admin.password, allowUnauthorizedCerts: false },
			quatrixApiKeyApi: { site: sandbox.url, apiKey: sandbox.admin.apiKey, allowUnauthorizedCerts: false },
		};
	}
	return stores[auth];
}

/** Runs a scenario, keeping everything it produced for the scan. */
async function scenario(name: string, auth: Auth, steps: Parameters<typeof workflowOf>, store = credentials(auth)): Promise<RunResult> {
	const { result, output } = await captureOutput(async () => await runWorkflow(workflowOf(...steps), { credentials: store }));
	const error = result.error as (Error & Record<string, unknown>) | undefined;
	material[`${name} [${auth}]: error`] = error;
	material[`${name} [${auth}]: error fields`] = error ? { message: error.message, description: error.description, stack: error.stack } : undefined;
	material[`${name} [${auth}]: output`] = Object.fromEntries(Object.keys(result.runData).map((node) => [node, result.output(node)]));
	material[`${name} [${auth}]: run data`] = result.run.data;
	material[`${name} [${auth}]: console`] = output;
	return result;
}

const secrets = () => [sandbox.admin.password, sandbox.admin.apiKey, ...tokens()];

const get = (auth: Auth, onError?: 'continueRegularOutput') =>
	quatrixStep({ resource: 'file', operation: 'get', item: byId(fileId) }, { auth, ...(onError ? { onError } : {}) });

describe.each<Auth>(['password', 'apiKey'])('failures with the %s credential', (auth) => {
	beforeEach(() => {
		sandbox.faults.reset();
	});

	it('a server that echoes the token or key in its error message', async () => {
		const echo = auth === 'password' ? () => tokens().at(-1) ?? 'none' : () => sandbox.admin.apiKey;
		await scenario('warm-up', auth, [get(auth)]);
		sandbox.faults.failNext({ status: 400, body: { msg: `Bad token ${echo()}`, code: 10 }, path: '/file/metadata/{id}' });
		const stopped = await scenario('echo in msg', auth, [get(auth)]);
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toMatch(/Bad token \*\*\*/);
		sandbox.faults.failNext({ status: 502, count: 10, body: `<html><body>Upstream failed. Request headers: X-Auth-Token: ${echo()} Authorization: Bearer ${sandbox.admin.apiKey}</body></html>`, contentType: 'text/html', path: '/file/metadata/{id}' });
		await scenario('echo in an HTML page', auth, [get(auth, 'continueRegularOutput')]);
		sandbox.faults.failNext({ status: 500, body: `plain text with ${echo()} inside`, path: '/file/metadata/{id}' });
		await scenario('echo in plain text', auth, [get(auth, 'continueRegularOutput')]);
	});

	it('rejected credentials, expired sessions, rate limits, server errors, malformed answers, timeouts', async () => {
		sandbox.faults.failNext({ status: 401, count: 3, path: '/file/metadata/{id}' });
		await scenario('401 twice', auth, [get(auth)]);
		sandbox.faults.expireSessionsEvery(2);
		await scenario('session expiry', auth, [filesStep(4, 100), quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byId(folderId), conflict: 'rename', options: {} }, { auth })]);
		sandbox.faults.expireSessionsEvery(0);
		sandbox.faults.failNext({ status: 429, retryAfter: 600, path: '/file/metadata/{id}' });
		await scenario('429', auth, [get(auth)]);
		sandbox.faults.failNext({ status: 503, count: 10, path: '/file/metadata/{id}' });
		await scenario('503 burst', auth, [get(auth)]);
		for (const kind of ['html', 'empty', 'truncated-json', 'wrong-types', 'error-in-200'] as const) {
			sandbox.faults.malformNext({ kind, path: '/file/metadata/{id}' });
			await scenario(`malformed ${kind}`, auth, [get(auth, 'continueRegularOutput')]);
		}
		sandbox.faults.delay({ ms: 1500, path: '/file/download/{id}', count: 5 });
		await scenario('timeout', auth, [quatrixStep({ resource: 'file', operation: 'download', item: byId(fileId), binaryPropertyName: 'data', options: { timeout: 1 } }, { auth })]);
		await scenario('bad input', auth, [quatrixStep({ resource: 'folder', operation: 'create', name: 'a/b', folder: byPath('/'), conflict: 'rename' }, { auth })]);
		await scenario('unknown path', auth, [quatrixStep({ resource: 'file', operation: 'get', item: byPath('/secrets/nothing-here') }, { auth, onError: 'continueRegularOutput' })]);
	});

	it('a wrong password or API key, an unknown site, a site that refuses connections', async () => {
		const wrong = auth === 'password' ? { password: `${sandbox.admin.password}-wrong` } : { apiKey: `${sandbox.admin.apiKey}-wrong` };
		const type = auth === 'password' ? 'quatrixApi' : 'quatrixApiKeyApi';
		const store = { [type]: { ...credentials(auth)[type], ...wrong } };
		await scenario('wrong secret', auth, [get(auth)], store);
		const unknownSite = { [type]: { ...credentials(auth)[type], site: notQuatrix } };
		await scenario('unknown site', auth, [get(auth)], unknownSite);
		const refused = { [type]: { ...credentials(auth)[type], site: 'http://127.0.0.1:9' } };
		await scenario('connection refused', auth, [get(auth)], refused);
		const checks = await captureOutput(async () => [
			await testCredential(type, credentials(auth)[type]),
			await testCredential(type, { ...credentials(auth)[type], ...wrong }),
		]);
		// what n8n shows of a credential test: its status and message (`data` is the harness's own copy of the credential)
		material[`credential test [${auth}]`] = { output: checks.output, results: checks.result.map(({ status, message }) => ({ status, message })) };
	});
});

describe('the scan', () => {
	it('found the secrets nowhere in what the failures produced, nor in n8n\'s logs', () => {
		expect(Object.keys(material).length).toBeGreaterThan(40);
		expect(tokens().length).toBeGreaterThan(0);
		expect(logLines.length).toBeGreaterThan(0);
		material['n8n logs'] = logLines.join('\n');
		expect(findSecrets(secrets(), material)).toEqual([]);
		// the scan does find a secret where there is one
		expect(findSecrets([sandbox.admin.apiKey], { probe: { headers: { Authorization: `Bearer ${sandbox.admin.apiKey}` } } })).toHaveLength(1);
	});

	it('the node and credential descriptions hold no secret', () => {
		const dist = (path: string) => readFileSync(join(__dirname, '..', '..', 'dist', path), 'utf8');
		const files = ['nodes/Quatrix/Quatrix.node.js', 'credentials/QuatrixApi.credentials.js', 'credentials/QuatrixApiKeyApi.credentials.js'];
		expect(findSecrets(secrets(), Object.fromEntries(files.map((file) => [file, dist(file)])))).toEqual([]);
	});
});

describe('TLS', () => {
	let dir: string;
	let server: https.Server;
	let site: string;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'quatrix-tls-'));
		execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
		// a self-signed HTTPS front of the sandbox
		server = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
			const upstream = http.request(`${sandbox.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			});
			req.pipe(upstream);
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
		site = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
	});
	afterAll(async () => {
		await new Promise<void>((done) => {
			server.close(() => done());
			server.closeAllConnections();
		});
		rmSync(dir, { recursive: true, force: true });
	});

	it.each<Auth>(['password', 'apiKey'])('refuses a self-signed certificate by default, and accepts it when the credential opts out (%s)', async (auth) => {
		const type = auth === 'password' ? 'quatrixApi' : 'quatrixApiKeyApi';
		const strict = { [type]: { ...credentials(auth)[type], site, allowUnauthorizedCerts: false } };
		const refused = await scenario('self-signed', auth, [get(auth)], strict);
		expect(refused.status).toBe('error');
		expect(`${refused.error?.message} ${(refused.error as Error & { description?: string }).description}`).toMatch(/certificate|self[- ]signed|TLS|SSL/i);
		const relaxed = { [type]: { ...credentials(auth)[type], site, allowUnauthorizedCerts: true } };
		const accepted = await scenario('self-signed, opted out', auth, [get(auth)], relaxed);
		expect(accepted.error).toBeUndefined();
		expect(accepted.output('Quatrix')[0].json.id).toBe(fileId);
	});

	it('the credential test refuses the self-signed certificate too, unless opted out', async () => {
		const strict = await testCredential('quatrixApiKeyApi', { ...credentials('apiKey').quatrixApiKeyApi, site, allowUnauthorizedCerts: false });
		expect(strict.status).toBe('Error');
		const relaxed = await testCredential('quatrixApiKeyApi', { ...credentials('apiKey').quatrixApiKeyApi, site, allowUnauthorizedCerts: true });
		expect(relaxed.status).toBe('OK');
	});
});
