/**
 * Transport cases against a mocked Quatrix at its real host name (nock): HTTPS is used for a bare site name,
 * the session id is also read from the X-Auth-Token header, a Retry-After date is honoured, and a proxy's
 * HTML error page becomes a readable error.
 */
import nock from 'nock';

import { runWorkflow } from '../harness';
import { byPath, quatrixStep, workflowOf } from '../helpers/workflows';

const SITE = 'https://acme.quatrix.it';
const HOME = { id: '11111111-1111-4111-8111-111111111111', parent_id: '00000000-0000-0000-0000-000000000000', name: 'Home', type: 'D', content: [] };

const credentials = () => ({
	quatrixApi: { site: 'acme', email: 'robot@acme.test', password: 'Very-Secret-1', allowUnauthorizedCerts: false },
	quatrixApiKeyApi: { site: 'acme.quatrix.it', apiKey: 'qx_live_key', allowUnauthorizedCerts: false },
});
const listHome = (auth: 'password' | 'apiKey' = 'password') =>
	workflowOf(quatrixStep({ resource: 'folder', operation: 'list', folder: byPath('/'), kind: 'all', returnAll: true }, { auth }));

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

it('signs in over HTTPS at <name>.quatrix.it and reads the session from the X-Auth-Token header when the body has none', async () => {
	const quatrix = nock(SITE)
		.get('/api/1.0/session/login')
		.basicAuth({ user: 'robot@acme.test', pass: 'Very-Secret-1' })
		.reply(200, {}, { 'X-Auth-Token': 'session-from-header' })
		.get('/api/1.0/file/metadata')
		.query({ content: '1' })
		.matchHeader('x-auth-token', 'session-from-header')
		.reply(200, HOME);
	const result = await runWorkflow(listHome(), { credentials: credentials() });
	expect(result.error).toBeUndefined();
	expect(quatrix.isDone()).toBe(true);
});

it('sends the API key as a Bearer token and never logs in', async () => {
	const quatrix = nock(SITE).get('/api/1.0/file/metadata').query(true).matchHeader('authorization', 'Bearer qx_live_key').reply(200, HOME);
	const result = await runWorkflow(listHome('apiKey'), { credentials: credentials() });
	expect(result.error).toBeUndefined();
	expect(quatrix.isDone()).toBe(true);
});

it('waits until the date in Retry-After before trying again', async () => {
	const retryAt = new Date(Date.now() + 1500).toUTCString();
	const quatrix = nock(SITE)
		.get('/api/1.0/file/metadata')
		.query(true)
		.reply(503, 'busy', { 'Retry-After': retryAt })
		.get('/api/1.0/file/metadata')
		.query(true)
		.reply(200, HOME);
	const started = Date.now();
	const result = await runWorkflow(listHome('apiKey'), { credentials: credentials() });
	expect(result.error).toBeUndefined();
	expect(Date.now() - started).toBeGreaterThan(400);
	expect(quatrix.isDone()).toBe(true);
});

it("turns a proxy's HTML error page into a readable error that names what failed", async () => {
	nock(SITE).get('/api/1.0/file/metadata').query(true).times(10).reply(403, '<html><body><h1>Forbidden</h1></body></html>', { 'Content-Type': 'text/html' });
	const result = await runWorkflow(listHome('apiKey'), { credentials: credentials() });
	expect(result.status).toBe('error');
	expect(result.error?.message).toBe('Quatrix: open the home folder failed: HTTP 403');
	expect((result.error as { description?: string }).description).toMatch(/not allowed.*HTML page instead of JSON/s);
});

it('gives the code, the meaning and a hint for a Quatrix error body', async () => {
	nock(SITE).get('/api/1.0/file/metadata').query(true).reply(400, { msg: 'Your IP is not allowed', code: 77 });
	const result = await runWorkflow(listHome('apiKey'), { credentials: credentials() });
	expect(result.error?.message).toBe('Quatrix: open the home folder failed: Your IP is not allowed [Quatrix code 77: Current IP not in the allowed IP masks]');
	expect((result.error as { description?: string }).description).toMatch(/allow list/);
});
