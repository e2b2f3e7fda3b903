/**
 * npm run demo: runs the example workflows through n8n's engine (n8n-core's WorkflowExecute) with the built
 * nodes, against the embedded Quatrix sandbox, checks that every step did what it says, and prints a report.
 * Exit code 0 only if every check passed.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { loadWorkflow, runPoll, runWorkflow, type RunResult } from '../test/harness';
import { byPath, filesStep, quatrixStep, workflowOf } from '../test/helpers/workflows';
import { startSandbox, type Sandbox } from '../test/sandbox';

const examples = join(__dirname, '..', 'examples');
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface Check {
	what: string;
	ok: boolean;
	detail?: string;
}

const checks: Check[] = [];
function check(what: string, ok: boolean, detail?: string) {
	checks.push({ what, ok, detail });
	console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
}

function mustRun(result: RunResult, name: string) {
	check(`${name} ran without error`, result.status === 'success', result.error?.message);
}

async function scheduledTransfer(sandbox: Sandbox) {
	console.log('\nExample: scheduled transfer (examples/scheduled-transfer.json)');
	const credentials = {
		quatrixApi: { site: sandbox.url, email: sandbox.admin.email, password: sandbox.admin.password, allowUnauthorizedCerts: false },
	};
	const started = Date.now();
	const result = await runWorkflow(join(examples, 'scheduled-transfer.json'), { credentials });
	mustRun(result, 'the workflow');
	const folder = result.output('Create Dated Folder')[0]?.json;
	check('a dated folder exists', typeof folder?.id === 'string' && /^transfer-\d{4}-\d{2}-\d{2}$/.test(String(folder?.name)), String(folder?.name));

	const generated = result.output('Generate Report Files');
	const uploaded = result.output('Upload Reports');
	check('every generated file was uploaded', uploaded.length === generated.length && uploaded.length > 0, `${uploaded.length} of ${generated.length}`);
	const sums = new Map<string, string>();
	for (const item of generated) {
		const data = await result.readBinary(item as INodeExecutionData, 'data');
		sums.set(String(item.binary?.data?.fileName), sha256(data));
	}
	for (const [index, item] of uploaded.entries()) {
		const sent = await result.readBinary(generated[index], 'data');
		check(`uploaded ${String(item.json.name)}`, item.json.size === sent.length && item.json.parent_id === folder?.id, `${sent.length} bytes`);
	}

	const listed = result.output('List Dated Folder').map((item) => String(item.json.name));
	const expected = [...sums.keys()].sort();
	check('the folder lists exactly the uploaded files', JSON.stringify(listed.sort()) === JSON.stringify(expected), listed.join(', '));

	const download = result.output('Download First Report')[0];
	const bytes = download ? await result.readBinary(download, 'data') : Buffer.alloc(0);
	const name = String(download?.binary?.data?.fileName);
	check('the downloaded file has the checksum of the file sent', sums.get(name) === sha256(bytes), `${name}, sha256 ${sha256(bytes).slice(0, 16)}…`);

	const stats = sandbox.stats();
	check('one login for the whole run', result.preAuthCalls === 1 && stats.logins === 1, `${stats.logins} login, ${stats.requests} requests`);

	// Re-running must not duplicate anything: the folder is reused and files are replaced in place.
	const again = await runWorkflow(join(examples, 'scheduled-transfer.json'), { credentials });
	mustRun(again, 'a second run of the workflow');
	const listedAgain = again.output('List Dated Folder').map((item) => String(item.json.name));
	check('a second run reuses the folder and replaces the files', again.output('Create Dated Folder')[0]?.json.id === folder?.id && listedAgain.length === expected.length, `${listedAgain.length} files`);
	console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function newUploadQuicklink(sandbox: Sandbox) {
	console.log('\nExample: new upload in a folder → quicklink (examples/new-upload-quicklink.json)');
	const credentials = {
		quatrixApi: { site: sandbox.url, email: sandbox.admin.email, password: sandbox.admin.password, allowUnauthorizedCerts: false },
	};
	const workflow = loadWorkflow(join(examples, 'new-upload-quicklink.json'));
	const upload = (folder: string, count: number) =>
		runWorkflow(
			workflowOf(
				quatrixStep({ resource: 'folder', operation: 'create', name: folder.slice(1), folder: byPath('/'), conflict: 'useExisting' }, { name: 'Folder' }),
				filesStep(count, 2000),
				quatrixStep({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', folder: byPath(folder), conflict: 'rename', options: {} }),
			),
			{ credentials },
		);

	// Activation: the first poll only sets the starting point, so old uploads do not flood the workflow.
	await upload('/Incoming', 2);
	let staticData: Record<string, unknown> = {};
	const first = await runPoll(workflow, 'Quatrix Trigger', { credentials, staticData });
	staticData = first.staticData;
	check('activation emits no history', !first.error && (first.items?.[0]?.length ?? 0) === 0, first.error?.message);

	const fresh = await upload('/Incoming', 3);
	mustRun(fresh, 'three uploads to /Incoming');
	await upload('/Elsewhere', 1);
	const second = await runPoll(workflow, 'Quatrix Trigger', { credentials, staticData });
	staticData = second.staticData;
	const events = second.items?.[0] ?? [];
	const uploadedNames = fresh.output('Quatrix').map((item) => String(item.json.name)).sort();
	check(
		'the next poll emits each new upload in /Incoming once, and nothing from elsewhere',
		JSON.stringify(events.map((item) => String(item.json.fileName)).sort()) === JSON.stringify(uploadedNames),
		events.map((item) => item.json.fileName).join(', '),
	);

	sandbox.resetLog();
	const idle = await runPoll(workflow, 'Quatrix Trigger', { credentials, staticData });
	check('an idle poll emits nothing and costs one request', (idle.items?.[0]?.length ?? 0) === 0 && sandbox.stats().requests === 1, `${sandbox.stats().requests} request`);

	// The rest of the workflow runs on the events the trigger emitted.
	const run = await runWorkflow({ ...workflow, pinData: { 'Quatrix Trigger': events.map((item) => ({ json: item.json })) } }, { credentials });
	mustRun(run, 'the workflow on those events');
	const messages = run.output('Compose Message');
	check('a quicklink and a message for every upload', messages.length === events.length && messages.every((item) => typeof item.json.quicklinkId === 'string'), String(messages[0]?.json.message ?? ''));
}

async function main() {
	const started = Date.now();
	const sandbox = await startSandbox();
	console.log(`Quatrix sandbox at ${sandbox.url} (user ${sandbox.admin.email})`);
	try {
		await scheduledTransfer(sandbox);
		await newUploadQuicklink(sandbox);
	} finally {
		await sandbox.stop();
	}
	const failed = checks.filter((c) => !c.ok);
	console.log(`\n${checks.length - failed.length} of ${checks.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
	if (failed.length) {
		console.log('Failed:\n' + failed.map((c) => `  - ${c.what}${c.detail ? `: ${c.detail}` : ''}`).join('\n'));
		process.exitCode = 1;
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
