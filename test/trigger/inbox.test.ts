/**
 * "Share Received (Inbox)": a share sent to the signed-in user starts the workflow once, and only shares that
 * arrived after activation do.
 */
import { byId, quatrixStep, runSteps } from '../helpers/workflows';
import { folderWithFiles, recipientCredentials, recipientOf, startSharingSandbox } from '../operations/sharing.fixtures';
import type { Sandbox } from '../sandbox';
import { poll, triggerWorkflow } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSharingSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});

async function shareWithBob(folder: string, subject: string) {
	const { fileIds } = folderWithFiles(sandbox, folder, 1);
	const result = await runSteps(sandbox, [
		quatrixStep({ resource: 'share', operation: 'create', file: byId(fileIds[0]), recipients: recipientOf(sandbox).email, subject, options: {} }),
	]);
	expect(result.error).toBeUndefined();
	return String(result.output('Quatrix')[0].json.id);
}

it('emits each share that arrives in the inbox once, and none from before activation', async () => {
	await shareWithBob('before-activation', 'Old news');
	const workflow = triggerWorkflow({ events: ['shareReceived'], folder: { __rl: true, mode: 'path', value: '/' }, includeSubfolders: true, options: {} }, 'apiKey');
	const credentials = recipientCredentials(sandbox) as unknown as Record<string, Record<string, unknown>>;

	const activation = await poll(workflow, credentials, {});
	expect(activation.error).toBeUndefined();
	expect(activation.events).toEqual([]);

	const first = await shareWithBob('first-share', 'Contract draft');
	const second = await shareWithBob('second-share', 'Invoices');
	const next = await poll(workflow, credentials, activation.staticData);
	expect(next.error).toBeUndefined();
	expect(next.events.map((event) => [event.event, event.shareId, event.shareSubject])).toEqual([
		['shareReceived', first, 'Contract draft'],
		['shareReceived', second, 'Invoices'],
	]);

	sandbox.resetLog();
	const idle = await poll(workflow, credentials, next.staticData);
	expect(idle.events).toEqual([]);
	expect(sandbox.requests.map((request) => `${request.method} ${request.route}`)).toEqual(['GET /inbox']);
});
