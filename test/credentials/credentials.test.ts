/**
 * Both credentials, tested the way n8n's "Test" button does it, against the sandbox.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { testCredential } from '../harness';
import { startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox;
let mfaSandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
	mfaSandbox = await startSandbox({ users: [{ email: 'pin@sandbox.test', password: 'Pin-Passw0rd!', mfa: 'PIN', apiKey: 'qx_pin_key' }] });
});
afterAll(async () => {
	await sandbox.stop();
	await mfaSandbox.stop();
});

describe('Quatrix API (email and password)', () => {
	const data = (overrides: Record<string, unknown> = {}) => ({
		site: sandbox.url,
		email: sandbox.admin.email,
		password: sandbox.admin.password,
		allowUnauthorizedCerts: false,
		...overrides,
	});

	it('passes with the right email and password, and keeps the session it got', async () => {
		const result = await testCredential('quatrixApi', data());
		expect(result).toMatchObject({ status: 'OK' });
		expect(result.preAuthCalls).toBe(1);
		expect(result.data.sessionToken).toEqual(expect.any(String));
	});

	it('says the password was refused, without repeating it', async () => {
		const result = await testCredential('quatrixApi', data({ password: 'Wrong-Secret-123' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/refused the email or password/);
		expect(result.message).not.toContain('Wrong-Secret-123');
	});

	it('says the site is unreachable when nothing answers there', async () => {
		const result = await testCredential('quatrixApi', data({ site: 'http://127.0.0.1:9' }));
		expect(result.status).toBe('Error');
		// n8n words connection failures itself, before our message is used.
		expect(result.message).toMatch(/refused the connection|Could not reach the Quatrix site/);
	});

	it('says no Quatrix site answers when the address serves something else', async () => {
		// A web server that is not Quatrix: every path is an HTML 404 page.
		const other = createServer((_request, response) => {
			response.writeHead(404, { 'Content-Type': 'text/html' });
			response.end('<html><body>Not here</body></html>');
		});
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		const { port } = other.address() as AddressInfo;
		try {
			const result = await testCredential('quatrixApi', data({ site: `http://127.0.0.1:${port}` }));
			expect(result.status).toBe('Error');
			expect(result.message).toBe(
				`No Quatrix site answers at http://127.0.0.1:${port} (HTTP 404). Check the Site field: your site name, e.g. acme or acme.quatrix.it.`,
			);
		} finally {
			await new Promise((resolve) => other.close(resolve));
		}
	});

	it('points to API keys when the account needs a second factor (207)', async () => {
		const result = await testCredential('quatrixApi', {
			site: mfaSandbox.url,
			email: 'pin@sandbox.test',
			password: 'Pin-Passw0rd!',
			allowUnauthorizedCerts: false,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/second factor.*Quatrix API Key API/s);
	});
});

describe('Quatrix API Key API', () => {
	it('passes with the key', async () => {
		const result = await testCredential('quatrixApiKeyApi', { site: sandbox.url, apiKey: sandbox.admin.apiKey, allowUnauthorizedCerts: false });
		expect(result.status).toBe('OK');
		expect(result.preAuthCalls).toBe(0);
	});

	it('says the key was rejected, without repeating it', async () => {
		const result = await testCredential('quatrixApiKeyApi', { site: sandbox.url, apiKey: 'qx_wrong_key_42', allowUnauthorizedCerts: false });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected the API key/);
		expect(result.message).not.toContain('qx_wrong_key_42');
	});

	it('works for an account with a PIN, where the password credential cannot', async () => {
		const result = await testCredential('quatrixApiKeyApi', { site: mfaSandbox.url, apiKey: 'qx_pin_key', allowUnauthorizedCerts: false });
		expect(result.status).toBe('OK');
	});
});
