/**
 * The File Request resource against the sandbox (fileRequest.<operation>).
 */
import type { Sandbox } from '../sandbox';
import { byId, quatrixStep, runSteps } from '../helpers/workflows';
import { folderWithFiles, recipientCredentials, recipientOf, requestsTo, startSharingSandbox } from './sharing.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSharingSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});

describe('fileRequest.create', () => {
	it('asks a recipient for files into a chosen folder; the request reaches their inbox', async () => {
		const { folderId } = folderWithFiles(sandbox, 'requested', 0);
		const bob = recipientOf(sandbox);
		sandbox.resetLog();
		const result = await runSteps(sandbox, [
			quatrixStep({ resource: 'fileRequest', operation: 'create', recipients: `BOB@sandbox.test, ${bob.id}`, folder: byId(folderId), message: 'Your invoices, please', sendEmail: true, options: {} }),
		]);
		const request = result.output('Quatrix')[0].json;
		expect(request).toMatchObject({ folderId, emailSent: true, recipients: [{ id: bob.id }] });
		expect(String(request.url)).toContain(String(request.id));
		expect(typeof request.job_id).toBe('string');
		expect(sandbox.requests.find((r) => r.route === '/share/request')!.body).toEqual({ ids: [bob.id], folder_id: folderId, message: 'Your invoices, please', send_email: true });

		const inbox = await runSteps(sandbox, [quatrixStep({ resource: 'inbox', operation: 'getMany', returnAll: true, filters: { kind: 'fileRequest' }, options: {} }, { auth: 'apiKey' })], {
			credentials: recipientCredentials(sandbox),
		});
		expect(inbox.output('Quatrix').map((item) => item.json.id)).toContain(request.id);
	});

	it('names the item and field of a recipient that is neither email nor ID, before any request', async () => {
		sandbox.resetLog();
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'fileRequest', operation: 'create', recipients: 'bob@sandbox.test, Bob', folder: byId(sandbox.admin.homeId), options: {} })]);
		expect(result.error?.message).toMatch(/^Recipients: "Bob" is neither an email address nor a Quatrix ID \(item 0\)$/);
		expect(requestsTo(sandbox, 'POST /share/request') + requestsTo(sandbox, 'GET /share/recipients')).toBe(0);
	});
});
