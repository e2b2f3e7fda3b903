/**
 * The Inbox resource against the sandbox (inbox.<operation>): shares Bob received, read as Bob.
 */
import { randomUUID } from 'node:crypto';

import type { Sandbox } from '../sandbox';
import { byId, quatrixStep, runSteps } from '../helpers/workflows';
import { folderWithFiles, recipientCredentials, recipientOf, startSharingSandbox } from './sharing.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSharingSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const asBob = async (parameters: Record<string, unknown>) =>
	await runSteps(sandbox, [quatrixStep({ resource: 'inbox', operation: 'getMany', filters: {}, options: {}, ...parameters }, { auth: 'apiKey' })], {
		credentials: recipientCredentials(sandbox),
	});

/** Shares received by Bob, put straight into the sandbox's records. */
function receivedShares(times: number[]): string[] {
	const bob = recipientOf(sandbox);
	return times.map((activates, n) => {
		const id = randomUUID();
		sandbox.state.shares.set(id, {
			id, kind: 'share', owner_id: sandbox.admin.id, folder_id: sandbox.admin.homeId, files: [], recipients: [bob.id], subject: `seeded ${n}`, message: '',
			created: activates, activates, expires: 0, share_type: 'T', notify: false, send_email: false, return_files: false, pgp_encrypted: false,
			return_pgp_encrypted: false, message_signature: '', status: 'A', replied_by: [], downloads: [],
		});
		return id;
	});
}

describe('inbox.getMany', () => {
	it('lists a share sent through the node, newest first', async () => {
		const { fileIds } = folderWithFiles(sandbox, 'for-bob', 1);
		const share = await runSteps(sandbox, [quatrixStep({ resource: 'share', operation: 'create', file: byId(fileIds[0]), recipients: 'bob@sandbox.test', subject: 'For Bob', options: { pin: '9' } })]);
		const result = await asBob({ returnAll: false, limit: 1 });
		expect(result.output('Quatrix')[0].json).toMatchObject({
			id: share.output('Quatrix')[0].json.id,
			subject: 'For Bob',
			sender_name: 'Sandbox Admin',
			type: 'T',
			shareTypeName: 'tracked',
			file_request: false,
			protected: true,
		});
	});

	it('Return All reads past the 1000-row limit by time window: 1500 shares, 300 in one second at the boundary, each once', async () => {
		const T0 = Math.floor(Date.now() / 1000) - 90 * 86400;
		const ids = receivedShares([
			...Array.from({ length: 900 }, (_, k) => T0 + k),
			...Array.from({ length: 300 }, () => T0 + 900),
			...Array.from({ length: 300 }, (_, k) => T0 + 901 + k),
		]);
		sandbox.resetLog();
		const result = await asBob({ from: iso(T0), to: iso(T0 + 5000), returnAll: true, options: { order: 'oldest' } });
		const got = result.output('Quatrix').map((item) => String(item.json.id));
		expect(got).toHaveLength(1500);
		expect([...got].sort()).toEqual([...ids].sort());
		expect(sandbox.requests.filter((request) => request.route === '/inbox').length).toBeGreaterThan(1);
	});

	it('names the field when From is not a date, before any request', async () => {
		sandbox.resetLog();
		const result = await asBob({ from: '={{ "last tuesday" }}', returnAll: true });
		expect(result.error?.message).toMatch(/^From: "last tuesday" is not a date \(item 0\)$/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
