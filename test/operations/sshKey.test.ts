/**
 * The SSH Key resource against the sandbox, through real workflows. Convention for the coverage test: every
 * node operation run here is named in a `describe('sshKey.<operation>')` block.
 */
import { startSandbox, type Sandbox } from '../sandbox';
import { SSH_KEY, ok, requestsTo, step } from './directory.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.stop());

const add = async (caption: string) => (await ok(sandbox, { resource: 'sshKey', operation: 'create', caption, key: SSH_KEY, expires: '' }))[0];

describe('sshKey.create', () => {
	it('registers a public key', async () => {
		expect(await add('laptop')).toMatchObject({ caption: 'laptop', status: 'A', fingerprint: expect.stringMatching(/^SHA256:/) });
	});

	it('names the item and field of something that is not a public key, and sends nothing', async () => {
		sandbox.resetLog();
		const result = await step(sandbox, { resource: 'sshKey', operation: 'create', caption: 'x', key: 'hello', expires: '' });
		expect(result.error?.message).toBe('Public Key: is not an OpenSSH public key (item 0)');
		expect(requestsTo(sandbox, 'POST /ssh-key/create')).toBe(0);
	});
});

describe('sshKey.list', () => {
	it('lists keys', async () => {
		await add('desktop');
		expect((await ok(sandbox, { resource: 'sshKey', operation: 'list', returnAll: true })).map((k) => k.caption)).toContain('desktop');
	});
});

describe('sshKey.get', () => {
	it('reads one key', async () => {
		const key = await add('server');
		expect((await ok(sandbox, { resource: 'sshKey', operation: 'get', keyId: key.id }))[0]).toMatchObject({ id: key.id, caption: 'server' });
	});
});

describe('sshKey.update', () => {
	it('disables a key', async () => {
		const key = await add('old');
		expect((await ok(sandbox, { resource: 'sshKey', operation: 'update', keyId: key.id, updateFields: { status: 'D', caption: 'old (off)' } }))[0]).toMatchObject({ status: 'D', caption: 'old (off)' });
	});
});

describe('sshKey.delete', () => {
	it('removes a key; a second removal is a readable error', async () => {
		const key = await add('gone');
		expect((await ok(sandbox, { resource: 'sshKey', operation: 'delete', keyId: key.id }))[0]).toEqual({ id: key.id, deleted: true });
		const again = await step(sandbox, { resource: 'sshKey', operation: 'delete', keyId: key.id });
		expect(again.error?.message).toMatch(/remove the SSH key failed: SSH key not found \[Quatrix code 20/);
	});
});
