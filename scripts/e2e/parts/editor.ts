/**
 * Part 2: the n8n editor in a real browser (Debian's chromium through playwright-core).
 *
 * Sign in as the owner, add a Quatrix node from the node panel, create a credential there and let n8n
 * test it, pick resource and operation, open the folder picker (it lists the sandbox's folders), run
 * the step, then open an example workflow and run it from the editor. Screenshots go to
 * docs/screenshots/ (the README shows them); a failure leaves a screenshot in the run's temp folder.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { launchBrowser } from '../lib/browser';
import { CREDENTIAL_IDS, exampleWorkflowFiles, loadWorkflow, sandboxCredentials, type E2eContext, type WorkflowJson } from '../lib/context';
import { N8n, OWNER } from '../lib/n8n';
import { installIntoUserFolder, REPO } from '../lib/package';
import { waitFor } from '../lib/proc';

export const SCREENSHOTS = process.env.E2E_SCREENSHOTS_DIR ?? join(REPO, 'docs', 'screenshots');

const EDITOR_WORKFLOW_ID = 'e2eEditorExample';

function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

/** The workflow the editor runs: the first example (or our round trip), credentials pointed at the sandbox. */
function editorWorkflow(): WorkflowJson {
	// an example that the editor can run at once: started by a schedule or by hand
	const startable = exampleWorkflowFiles()
		.map((file) => ({ file, workflow: loadWorkflow(file) }))
		.filter(({ workflow }) => workflow.nodes.some((n) => ['n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.manualTrigger'].includes(n.type)));
	const preferred = startable.find(({ file }) => file.endsWith('/scheduled-transfer.json')) ?? startable[0];
	const workflow = preferred?.workflow ?? loadWorkflow('cli-roundtrip.json');
	for (const node of workflow.nodes) {
		if (node.credentials?.quatrixApi) node.credentials.quatrixApi = { id: CREDENTIAL_IDS.password, name: 'Quatrix sandbox (email and password)' };
		if (node.credentials?.quatrixApiKeyApi) node.credentials.quatrixApiKeyApi = { id: CREDENTIAL_IDS.apiKey, name: 'Quatrix sandbox (API key)' };
	}
	return { ...workflow, id: EDITOR_WORKFLOW_ID, active: false };
}

export async function runEditorPart(ctx: E2eContext) {
	const { sandbox } = ctx;
	mkdirSync(SCREENSHOTS, { recursive: true });

	// Folders for the picker to show, and a few files to list.
	const home = await sandbox.api.home();
	const existing = new Set((home.content ?? []).map((f) => f.name));
	for (const name of ['Contracts', 'Invoices', 'Reports 2026']) if (!existing.has(name)) await sandbox.api.makeFolder(home.id, name);
	const invoices = (await sandbox.api.findPath('/Invoices'))!;
	if (!invoices.content?.length) await sandbox.api.seedFiles(invoices.id, 3, 'invoice-2026-');

	const n8n = new N8n(ctx.runtime, { name: 'editor', workDir: ctx.workDir, env: { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto' } });
	await installIntoUserFolder(ctx.pkg, n8n.userFolder);
	await n8n.importJson('credentials', 'credentials', sandboxCredentials(sandbox));
	const workflow = editorWorkflow();
	await n8n.importJson('workflow', 'editor-workflow', workflow);
	await n8n.start();
	await n8n.setupOwner();
	console.log(`  n8n editor at ${n8n.baseUrl}, owner account set up`);

	const browser = await launchBrowser(ctx.workDir);
	ctx.cleanupPart = async () => {
		await browser.close();
		await n8n.stop();
	};
	const page = browser.context.pages()[0] ?? (await browser.context.newPage());
	page.setDefaultTimeout(20_000);
	const consoleErrors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') consoleErrors.push(m.text());
	});
	const shot = async (name: string) => {
		await page.waitForTimeout(400); // let transitions settle
		if (!/run|output|credential/.test(name)) await dismissToasts(page);
		await page.screenshot({ path: join(SCREENSHOTS, name) });
		console.log(`  screenshot docs/screenshots/${name}`);
	};

	try {
		await signIn(page, n8n.baseUrl);
		console.log('  signed in through the sign-in form');
		await runExampleWorkflow(page, n8n, ctx, workflow, shot);
		await addNodeAndPickFolder(page, n8n, ctx, shot);
	} catch (error) {
		const file = join(ctx.workDir, `editor-failure-${Date.now()}.png`);
		await page.screenshot({ path: file }).catch(() => undefined);
		const extra = consoleErrors.length ? `\nbrowser console errors:\n${consoleErrors.slice(-10).join('\n')}` : '';
		throw new Error(`${(error as Error).message}\nscreenshot of the failure: ${file}${extra}`);
	}
}

/** Closes n8n's notifications, so that they cover nothing in a screenshot. */
async function dismissToasts(page: Page) {
	const close = page.locator('.el-notification .el-notification__closeBtn');
	for (let i = await close.count(); i > 0; i--) await close.first().click({ timeout: 2000 }).catch(() => undefined);
	await page.locator('.el-notification').first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => undefined);
}

async function signIn(page: Page, baseUrl: string) {
	await page.goto(`${baseUrl}/signin`);
	await page.getByLabel('Email').fill(OWNER.email);
	await page.getByLabel('Password').fill(OWNER.password);
	await page.locator('[data-test-id="form-submit-button"]').click();
	await page.waitForURL((url) => !url.pathname.includes('signin'));
}

/** Picks an option (by its exact name, whatever description follows) in one of n8n's dropdown parameters. */
async function choose(page: Page, parameter: string, option: string, beforeClick?: () => Promise<void>) {
	const input = page.locator(`[data-test-id="parameter-input-${parameter}"]`);
	await input.click();
	const item = page.getByRole('option').filter({ has: page.getByText(option, { exact: true }) }).first();
	await item.waitFor();
	await beforeClick?.();
	// Closing a notification for a screenshot can close the dropdown too: open it again if so.
	if (!(await item.isVisible())) {
		await input.click();
		await item.waitFor();
	}
	await item.click();
	await page.getByRole('option').first().waitFor({ state: 'hidden' }).catch(() => undefined);
}

async function addNodeAndPickFolder(page: Page, n8n: N8n, ctx: E2eContext, shot: (name: string) => Promise<void>) {
	// In the example workflow (not saved afterwards): the node panel, search "Quatrix", its actions.
	// Nothing selected first, so the new node stands alone instead of being attached to the last node.
	await dismissToasts(page);
	await page.locator('[data-test-id="canvas-wrapper"]').click({ position: { x: 40, y: 40 } });
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	const creator = page.locator('[data-test-id="node-creator"]');
	await creator.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first().fill('Quatrix');
	await creator.locator('[data-test-id="item-iterator-item"]').filter({ hasText: 'Quatrix' }).first().click();
	// the node's actions, grouped by resource
	const action = page.locator('[data-test-id="item-iterator-item"]').filter({ has: page.getByText('List a folder', { exact: true }) });
	await page.locator('[data-test-id="item-iterator-item"]').filter({ has: page.getByText('Upload a file', { exact: true }) }).first().waitFor();
	await shot('node-actions.png');
	await action.first().click();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	console.log('  added a Quatrix node from the node panel ("List a folder")');

	// A new credential, created from the node and tested by n8n when saved.
	await page.locator('[data-test-id="node-credentials-select"]').click();
	await page.locator('[data-test-id="node-credentials-select-item-new"]').click();
	const modal = page.locator('[data-test-id="editCredential-modal"]');
	await modal.waitFor();
	// whichever credential type the node's authentication asks for: fill the fields it has
	const values: Record<string, string> = {
		site: ctx.sandbox.url,
		email: ctx.sandbox.email,
		password: ctx.sandbox.password,
		apiKey: ctx.sandbox.apiKey,
	};
	await modal.locator('[data-test-id="parameter-input-site"] input').waitFor();
	const filled: string[] = [];
	for (const [name, value] of Object.entries(values)) {
		const input = modal.locator(`[data-test-id="parameter-input-${name}"] input`);
		if (await input.count()) {
			await input.first().fill(value);
			filled.push(name);
		}
	}
	const credentialType = (await modal.locator('.el-dialog__header, [class*="header"]').first().innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
	await page.locator('[data-test-id="credential-save-button"]').click();
	// n8n tests the credential when it is saved; this n8n closes the dialog when the test passed, and
	// shows the result again when the credential is opened (it tests it once more).
	const tested = modal.getByText(/Connection tested successfully/i);
	const failed = modal.locator('text=/Couldn.t connect|could not|failed|refused/i');
	await waitFor('the credential to be saved and tested', async () => (await modal.isHidden()) || (await tested.isVisible()) || (await failed.first().isVisible()), { timeoutMs: 30_000 });
	if (await failed.first().isVisible()) throw new Error(`the credential test failed: ${await failed.first().innerText()}`);
	if (await modal.isHidden()) {
		await page.locator('[data-test-id="credential-edit-button"]').click();
		await modal.waitFor();
	}
	await tested.waitFor({ timeout: 30_000 });
	await shot('credential-test.png');
	console.log(`  created a credential in the editor (${credentialType.slice(0, 2).join(' / ')}; filled ${filled.join(', ')}); n8n tested it: "Connection tested successfully"`);
	await modal.locator('.el-dialog__headerbtn, button[aria-label="Close"], [data-test-id="close-button"]').first().click();
	await modal.waitFor({ state: 'hidden' });
	await page.locator('[data-test-id="ndv"]').waitFor();

	// Resource and operation, picked in their dropdowns.
	await choose(page, 'resource', 'File');
	await choose(page, 'operation', 'Search');
	await choose(page, 'resource', 'Folder', async () => await shot('resource-picker.png'));
	await choose(page, 'operation', 'List');
	await page.locator('[data-test-id="parameter-input-operation"] input').first().waitFor();
	const picked = await page.locator('[data-test-id="parameter-input-resource"] input').first().inputValue();
	check(picked === 'Folder', `Resource shows "${picked}" after picking Folder`);
	console.log('  picked Resource and Operation in their dropdowns (File → Search, then Folder → List)');

	// The folder picker: "From List" lists the sandbox's folders.
	await page.locator('[data-test-id="resource-locator-folder"] [data-test-id="rlc-mode-selector"]').click();
	await page.locator('[data-test-id="mode-list"]').click();
	await page.locator('[data-test-id="resource-locator-folder"] [data-test-id="rlc-input"]').click();
	// the list the picker shows (its rows carry the folder paths)
	const row = (path: string) => page.getByText(path, { exact: true }).last();
	await row('/Reports 2026').waitFor();
	const listed = (await row('/Contracts').locator('xpath=ancestor::*[contains(normalize-space(.), "/Reports 2026")][1]').innerText()).split('\n').map((t) => t.trim()).filter(Boolean);
	for (const name of ['/Contracts', '/Invoices', '/Reports 2026']) {
		check(listed.includes(name), `the folder picker did not list "${name}": ${JSON.stringify(listed)}`);
	}
	await shot('folder-picker.png');
	console.log(`  folder picker listed the sandbox's folders: ${listed.join(', ')}`);
	await row('/Invoices').click();

	// Run the step: the files of /Invoices come back.
	await page.locator('[data-test-id="node-execute-button"]').click();
	const output = page.locator('[data-test-id="output-panel"]');
	await output.getByText('invoice-2026-', { exact: false }).first().waitFor({ timeout: 30_000 });
	await shot('node-output.png');
	console.log('  "Execute step" listed /Invoices in the output panel');
	await page.locator('[data-test-id="ndv-close-button"]').click();
}

async function runExampleWorkflow(page: Page, n8n: N8n, ctx: E2eContext, workflow: WorkflowJson, shot: (name: string) => Promise<void>) {
	await page.goto(`${n8n.baseUrl}/workflow/${EDITOR_WORKFLOW_ID}`);
	const leave = page.getByRole('button', { name: /Leave without saving/i });
	if (await leave.isVisible().catch(() => false)) await leave.click();
	await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	await page.waitForTimeout(1000);
	await shot('workflow.png');

	const quatrixNode = workflow.nodes.find((n) => n.type === 'n8n-nodes-quatrix.quatrix' && n.parameters.operation === 'upload') ??
		workflow.nodes.find((n) => n.type === 'n8n-nodes-quatrix.quatrix')!;
	await page.locator('[data-test-id="canvas-node"]').filter({ hasText: quatrixNode.name }).dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor();
	await page.locator('[data-test-id="parameter-input-operation"]').waitFor();
	await shot('node-parameters.png');
	await page.locator('[data-test-id="ndv-close-button"]').click();

	const before = await n8n.rest<{ results?: unknown[]; count?: number }>('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: EDITOR_WORKFLOW_ID }))}`);
	const countBefore = before.count ?? before.results?.length ?? 0;
	await page.locator('[data-test-id="execute-workflow-button"]').click();
	type Execution = { id: string; status: string; mode: string };
	const execution = await waitFor(
		'the editor run to finish',
		async () => {
			const list = await n8n.rest<{ results: Execution[]; count: number }>(
				'GET',
				`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: EDITOR_WORKFLOW_ID }))}`,
			);
			const done = list.results.find((e) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting');
			return list.count > countBefore && done ? done : undefined;
		},
		{ timeoutMs: 90_000, intervalMs: 1000 },
	);
	check(execution.status === 'success', `the editor run ended "${execution.status}" (execution ${execution.id})`);
	check(execution.mode === 'manual', `the editor run had mode "${execution.mode}"`);
	await page.waitForTimeout(1500);
	await shot('workflow-run.png');
	console.log(`  ran "${workflow.name}" from the editor: execution ${execution.id} success (mode manual)`);
	void ctx;
}
