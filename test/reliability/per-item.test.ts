/**
 * Per-item behaviour: 100 items of which 10 fail (some refused locally, some by Quatrix). With Continue On Fail
 * every good item comes out and every bad one becomes an error item paired with its input; without it the run
 * stops at the first failure, names that item, and touches no item after it.
 */
import { byId, inputStep, quatrixStep, runSteps } from '../helpers/workflows';
import { startSandbox, type Sandbox } from '../sandbox';
import { onRoute } from './support';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let ids: string[];
beforeAll(async () => {
	sandbox = await startSandbox();
	const state = sandbox.state;
	const home = state.files.get(sandbox.admin.homeId)!;
	const folder = state.newNode({ parent_id: home.id, name: 'per-item', type: 'D', owner_id: home.owner_id });
	state.attach(home, folder);
	ids = sandbox.seedFiles(folder.id, 100);
});
afterAll(async () => {
	await sandbox.stop();
});

/** Items 7, 17 … 97 are bad: odd tens a malformed ID (refused locally), even tens an unknown one (Quatrix says 404). */
const FAILING = Array.from({ length: 10 }, (_, k) => 10 * k + 7);
const UNKNOWN = (k: number) => `0f0e0d0c-0b0a-4909-8807-${String(k).padStart(12, '0')}`;
function inputs() {
	return ids.map((id, n) => {
		if (!FAILING.includes(n)) return { id, n };
		const k = (n - 7) / 10;
		return { id: k % 2 ? `bad-id-${n}` : UNKNOWN(n), n };
	});
}
const getStep = (onError?: 'continueRegularOutput' | 'continueErrorOutput') =>
	quatrixStep({ resource: 'file', operation: 'get', item: byId('={{ $json.id }}') }, onError ? { onError } : {});

it('Continue On Fail (regular output): 100 items out, 90 files and 10 errors, each paired with its input', async () => {
	const result = await runSteps(sandbox, [inputStep(inputs()), getStep('continueRegularOutput')]);
	expect(result.status).toBe('success');
	const out = result.output('Quatrix');
	expect(out).toHaveLength(100);
	expect(out.map((item) => item.pairedItem)).toEqual(Array.from({ length: 100 }, (_, item) => ({ item })));
	const errors = out.filter((item) => 'error' in item.json);
	expect(errors.map((item) => item.json.item)).toEqual(FAILING);
	for (const item of errors) {
		expect(item.json.error).toMatch(/^(File or Folder: .* \(item \d+\)|Quatrix: .* failed: .*Not found)/);
		expect(typeof item.json.description).toBe('string');
	}
	const files = out.filter((item) => !('error' in item.json));
	expect(files).toHaveLength(90);
	for (const item of files) expect(item.json.id).toBe(ids[(item.pairedItem as { item: number }).item]);
});

it('Continue On Fail (error output): 90 on the success output, 10 on the error output, each paired with its input', async () => {
	const result = await runSteps(sandbox, [inputStep(inputs()), getStep('continueErrorOutput')]);
	expect(result.status).toBe('success');
	const good = result.output('Quatrix', 0);
	const bad = result.output('Quatrix', 1);
	expect(good).toHaveLength(90);
	expect(bad).toHaveLength(10);
	expect(bad.map((item) => item.pairedItem)).toEqual(FAILING.map((item) => ({ item })));
	expect(good.every((item) => item.json.id === ids[(item.pairedItem as { item: number }).item])).toBe(true);
	expect(good.some((item) => FAILING.includes((item.pairedItem as { item: number }).item))).toBe(false);
	// on the error output n8n adds the input item's fields to the error
	for (const [k, item] of bad.entries()) {
		expect(item.json).toMatchObject({ n: FAILING[k], id: inputs()[FAILING[k]].id });
		expect(item.json.error).toMatch(/^(File or Folder: .* \(item \d+\)|Quatrix: .* failed: .*Not found)/);
		expect(item.json.details).toMatchObject({ item: FAILING[k], description: expect.stringMatching(/\w/) });
	}
});

it('without Continue On Fail: the run stops at the first failure, names its item, and touches no later item', async () => {
	sandbox.resetLog();
	const result = await runSteps(sandbox, [inputStep(inputs()), getStep()]);
	expect(result.status).toBe('error');
	expect((result.error as Error & { context?: { itemIndex?: number } }).context?.itemIndex).toBe(7);
	// item 7 has an unknown ID: Quatrix was asked for items 0 … 7 and nothing after
	const asked = onRoute(sandbox.requests, '/file/metadata/{id}').map((request) => request.path.split('/').pop());
	expect(asked).toEqual([...ids.slice(0, 7), UNKNOWN(7)]);
	expect(result.output('Quatrix')).toEqual([]);
});

it('without Continue On Fail, a local mistake first: stops at that item with its index in the message', async () => {
	sandbox.resetLog();
	const items = inputs().map((item, n) => (n === 3 ? { id: 'nonsense', n } : item));
	const result = await runSteps(sandbox, [inputStep(items), getStep()]);
	expect(result.status).toBe('error');
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toBe('File or Folder: "nonsense" is not a Quatrix ID (item 3)');
	expect((result.error as Error & { context?: { itemIndex?: number } }).context?.itemIndex).toBe(3);
	expect(onRoute(sandbox.requests, '/file/metadata/{id}')).toHaveLength(3);
});
