/**
 * Part 1: the packed package installed as a community package, credentials and workflows imported
 * with the n8n CLI, run with `n8n execute`, and the results checked in the sandbox.
 */
import { basename } from 'node:path';

import {
	CREDENTIAL_IDS,
	exampleWorkflowFiles,
	expectedE2eFile,
	loadWorkflow,
	nodeOutput,
	parseExecuteOutput,
	sandboxCredentials,
	type E2eContext,
	type WorkflowJson,
} from '../lib/context';
import { N8n } from '../lib/n8n';
import { installIntoUserFolder } from '../lib/package';
import { tail } from '../lib/proc';
import { sha256 } from '../lib/sandbox';

function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

export async function executeWorkflow(n8n: N8n, id: string) {
	const result = await n8n.cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs: 180_000 });
	let execution;
	try {
		execution = parseExecuteOutput(result.stdout);
	} catch {
		throw new Error(`n8n execute --id=${id} printed no execution (exit ${result.code}):\n${tail(result.stdout + result.stderr, 60)}`);
	}
	const error = execution.data.resultData.error;
	if (error || execution.status !== 'success') {
		throw new Error(`workflow ${id} ended "${execution.status}": ${error?.message ?? '(no message)'}\n${tail(result.stdout + result.stderr, 30)}`);
	}
	return { execution, ms: result.ms };
}

export async function runCliPart(ctx: E2eContext) {
	const { sandbox } = ctx;
	const n8n = new N8n(ctx.runtime, {
		name: 'cli',
		workDir: ctx.workDir,
		env: { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto' },
	});
	const packageDir = await installIntoUserFolder(ctx.pkg, n8n.userFolder);
	console.log(`  ${ctx.pkg.name}@${ctx.pkg.version} installed as a community package: ${packageDir}`);

	await n8n.importJson('credentials', 'credentials', sandboxCredentials(sandbox));
	console.log('  imported credentials quatrixApi + quatrixApiKeyApi (site: the sandbox)');

	// Our own round trip, checked byte for byte.
	const roundTrip = loadWorkflow('cli-roundtrip.json');
	await n8n.importJson('workflow', 'cli-roundtrip', roundTrip);
	const { execution, ms } = await executeWorkflow(n8n, roundTrip.id!);
	const expected = expectedE2eFile();
	const expectedSha = sha256(expected);
	const folder = nodeOutput(execution, 'Create Folder')[0];
	check(folder?.name === 'e2e-cli', `Create Folder returned ${JSON.stringify(folder)}`);
	const listed = nodeOutput(execution, 'List');
	check(listed.some((f) => f.name === 'e2e-data.bin'), `List did not show e2e-data.bin: ${JSON.stringify(listed)}`);
	const downloaded = nodeOutput(execution, 'Checksum').find((f) => f.name === 'e2e-data.bin');
	check(downloaded?.sha256 === expectedSha, `downloaded file in n8n: sha256 ${downloaded?.sha256}, expected ${expectedSha}`);
	const inSandbox = await sandbox.api.findPath('/e2e-cli/e2e-data.bin');
	check(inSandbox, 'the sandbox has no /e2e-cli/e2e-data.bin');
	check(inSandbox.size === expected.length, `sandbox file size ${inSandbox.size}, expected ${expected.length}`);
	const sandboxSha = await sandbox.api.sha256(inSandbox.id);
	check(sandboxSha === expectedSha, `sandbox file sha256 ${sandboxSha}, expected ${expectedSha}`);
	console.log(`  n8n execute "${roundTrip.name}": success in ${(ms / 1000).toFixed(1)} s; ${expected.length} bytes, sha256 equal in n8n and in the sandbox`);

	// The example workflows users import (examples/*.json). A schedule trigger is swapped for a manual
	// trigger of the same name (connections and $('…') references stay valid) so `n8n execute` can start it.
	for (const file of exampleWorkflowFiles()) {
		const workflow: WorkflowJson = loadWorkflow(file);
		const id = (workflow.id ?? `e2eEx${basename(file, '.json').replace(/[^A-Za-z0-9]/g, '')}`).slice(0, 21);
		let runnable = true;
		for (const node of workflow.nodes) {
			if (node.credentials?.quatrixApi) node.credentials.quatrixApi = { id: CREDENTIAL_IDS.password, name: 'Quatrix sandbox (email and password)' };
			if (node.credentials?.quatrixApiKeyApi) node.credentials.quatrixApiKeyApi = { id: CREDENTIAL_IDS.apiKey, name: 'Quatrix sandbox (API key)' };
			if (node.type === 'n8n-nodes-base.scheduleTrigger') {
				Object.assign(node, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
			} else if (/trigger$/i.test(node.type) && node.type !== 'n8n-nodes-base.manualTrigger') {
				runnable = false;
			}
		}
		await n8n.importJson('workflow', `example-${basename(file, '.json')}`, { ...workflow, id, active: false });
		if (!runnable) {
			console.log(`  example ${basename(file)}: imported (its trigger cannot be started from the CLI)`);
			continue;
		}
		const run = await executeWorkflow(n8n, id);
		const ran = Object.keys(run.execution.data.resultData.runData);
		console.log(`  example ${basename(file)}: n8n execute success in ${(run.ms / 1000).toFixed(1)} s (${ran.length} nodes ran)`);
	}
}
