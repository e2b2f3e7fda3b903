/**
 * The PGP Key resource against the sandbox, through real workflows. Convention for the coverage test: every
 * node operation run here is named in a `describe('pgpKey.<operation>')` block.
 */
import { startSandbox, type Sandbox } from '../sandbox';
import { PRIVATE_KEY, PUBLIC_KEY, ok, requestsTo, step } from './directory.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.stop());

const store = async () => (await ok(sandbox, { resource: 'pgpKey', operation: 'create', name: 'mine', public: PUBLIC_KEY, private: PRIVATE_KEY }))[0];

describe('pgpKey.create', () => {
	it('stores a key pair', async () => {
		expect(await store()).toMatchObject({ name: 'mine', public: PUBLIC_KEY, private: PRIVATE_KEY, email: sandbox.admin.email });
	});

	it('names the item and field of a key that is not armoured, and sends nothing', async () => {
		sandbox.resetLog();
		const result = await step(sandbox, { resource: 'pgpKey', operation: 'create', name: 'x', public: 'abc', private: '' });
		expect(result.error?.message).toBe('Public Key: is not an ASCII-armoured PGP public key (item 0)');
		expect(requestsTo(sandbox, 'POST /pgp-key/create')).toBe(0);
	});
});

describe('pgpKey.get', () => {
	it('reads a stored key', async () => {
		const key = await store();
		expect((await ok(sandbox, { resource: 'pgpKey', operation: 'get', keyId: key.id }))[0]).toMatchObject({ id: key.id, name: 'mine' });
	});
});

describe('pgpKey.update', () => {
	it('renames a key', async () => {
		const key = await store();
		expect((await ok(sandbox, { resource: 'pgpKey', operation: 'update', keyId: key.id, updateFields: { name: 'renamed' } }))[0]).toMatchObject({ name: 'renamed' });
	});
});

describe('pgpKey.getRecipientKeys', () => {
	it('returns the public keys of recipients that have one', async () => {
		await store();
		const rows = await ok(sandbox, { resource: 'pgpKey', operation: 'getRecipientKeys', recipientIds: sandbox.admin.id });
		expect(rows).toEqual([expect.objectContaining({ recipient_id: sandbox.admin.id, public: PUBLIC_KEY })]);
		expect(rows[0].private).toBeUndefined();
	});
});

describe('pgpKey.requestKey', () => {
	it('asks a contact for a key, which they answer', async () => {
		const [contact] = await ok(sandbox, { resource: 'contact', operation: 'create', email: 'keyless@acme.test', name: 'Keyless', ifExists: 'returnExisting', additionalFields: {} });
		const [requested] = await ok(sandbox, { resource: 'pgpKey', operation: 'requestKey', recipientId: contact.id });
		expect(requested).toMatchObject({ recipientId: contact.id, requested: true, status: 'accepted', jobId: expect.any(String) });
	});
});

describe('pgpKey.getKeyRequest', () => {
	it('reads a key request', async () => {
		const [contact] = await ok(sandbox, { resource: 'contact', operation: 'create', email: 'asked@acme.test', name: 'Asked', ifExists: 'returnExisting', additionalFields: {} });
		await ok(sandbox, { resource: 'pgpKey', operation: 'requestKey', recipientId: contact.id });
		const requestId = [...(sandbox.state.ext.admin as { keyRequests: Map<string, { recipientId: string }> }).keyRequests.entries()].find(([, r]) => r.recipientId === contact.id)![0];
		expect((await ok(sandbox, { resource: 'pgpKey', operation: 'getKeyRequest', requestId }))[0]).toMatchObject({ id: requestId, user_email: 'asked@acme.test', is_contact: true, sender_email: sandbox.admin.email });
	});
});

describe('pgpKey.respondToKeyRequest', () => {
	it('answers a key request with keys', async () => {
		const [contact] = await ok(sandbox, { resource: 'contact', operation: 'create', email: 'answers@acme.test', name: 'Answers', ifExists: 'returnExisting', additionalFields: {} });
		await ok(sandbox, { resource: 'pgpKey', operation: 'requestKey', recipientId: contact.id });
		const requestId = [...(sandbox.state.ext.admin as { keyRequests: Map<string, { recipientId: string }> }).keyRequests.entries()].find(([, r]) => r.recipientId === contact.id)![0];
		const [answer] = await ok(sandbox, { resource: 'pgpKey', operation: 'respondToKeyRequest', requestId, name: 'their key', public: PUBLIC_KEY, private: '' });
		expect(answer).toMatchObject({ requestId, answered: true, status: 'accepted' });
		const [key] = await ok(sandbox, { resource: 'pgpKey', operation: 'getRecipientKeys', recipientIds: contact.id });
		expect(key).toMatchObject({ recipient_id: contact.id, name: 'their key' });
	});
});

describe('pgpKey.delete', () => {
	it('deletes a key; deleting it again is a readable error', async () => {
		const key = await store();
		expect((await ok(sandbox, { resource: 'pgpKey', operation: 'delete', keyId: key.id }))[0]).toEqual({ id: key.id, deleted: true });
		const again = await step(sandbox, { resource: 'pgpKey', operation: 'delete', keyId: key.id });
		expect(again.error?.message).toMatch(/delete the PGP key failed: PGP key not found \[Quatrix code 20/);
	});
});
