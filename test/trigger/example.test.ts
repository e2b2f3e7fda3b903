/**
 * examples/new-upload-quicklink.json: the trigger's sample ("Fetch Test Event") feeds a quicklink step.
 */
import { join } from 'path';

import { loadWorkflow, PACKAGE_ROOT, runWorkflow } from '../harness';
import { credentialsFor } from '../helpers/workflows';
import { startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});

it('new upload in /Incoming → quicklink → message', async () => {
	const state = sandbox.state;
	const home = state.files.get(sandbox.admin.homeId)!;
	const incoming = state.newNode({ parent_id: home.id, name: 'Incoming', type: 'D', owner_id: home.owner_id });
	state.attach(home, incoming);
	const [fileId] = sandbox.seedFiles(incoming.id, 1, 'invoice-');
	const file = state.files.get(fileId)!;
	sandbox.seedActivity([
		{ event: 'file', action: 'upload', payload: { files: [{ id: file.id, name: file.name, parent_id: incoming.id, path: `/Incoming/${file.name}` }] } },
		{ event: 'file', action: 'upload', payload: { files: [{ id: 'elsewhere', name: 'other.txt', parent_id: home.id, path: '/other.txt' }] } },
	] as never);

	const result = await runWorkflow(loadWorkflow(join(PACKAGE_ROOT, 'examples/new-upload-quicklink.json')), { credentials: credentialsFor(sandbox) as never });
	expect(result.error).toBeUndefined();
	expect(result.output('Quatrix Trigger').map((item) => item.json.fileName)).toEqual([file.name]);
	const [message] = result.output('Compose Message');
	expect(message.json).toMatchObject({ fileId, message: `${sandbox.admin.email} uploaded /Incoming/${file.name} at ${result.output('Quatrix Trigger')[0].json.time}` });
	expect(typeof message.json.quicklinkId).toBe('string');
});
