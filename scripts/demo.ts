/**
 * npm run demo: runs the example workflows through n8n's engine (n8n-core's WorkflowExecute) with the built
 * nodes, against the embedded Quatrix sandbox, checks that every step did what it says, and prints a report.
 * Exit code 0 only if every check passed.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { runWorkflow, type RunResult } from '../test/harness';
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

async function main() {
	const started = Date.now();
	const sandbox = await startSandbox();
	console.log(`Quatrix sandbox at ${sandbox.url} (user ${sandbox.admin.email})`);
	try {
		await scheduledTransfer(sandbox);
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
