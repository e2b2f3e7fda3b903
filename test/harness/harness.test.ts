/**
 * Proves the harness itself, with fixture node + credential types against a local HTTP server.
 */
import {
	registerCredentialType,
	registerNodeType,
	runPoll,
	runWorkflow,
	testCredential,
	loadNodeTypes,
	type IWorkflowBase,
} from './index';
import { FakeSessionApi } from './fixtures/FakeSessionApi.credentials';
import { FakeService } from './fixtures/FakeService.node';
import { FakeTrigger } from './fixtures/FakeTrigger.node';
import { FAKE_USER, startFakeServer, type FakeServer } from './fixtures/fake-server';

let server: FakeServer;

beforeAll(async () => {
	registerCredentialType(new FakeSessionApi());
	registerNodeType('test.fakeService', new FakeService());
	registerNodeType('test.fakeTrigger', new FakeTrigger());
	server = await startFakeServer();
});

afterAll(async () => await server.close());

beforeEach(() => server.reset());

const credentials = () => ({
	fakeSessionApi: { site: server.url, email: FAKE_USER.email, password: FAKE_USER.password },
});

const fakeCredentialRef = { fakeSessionApi: { id: 'cred-1', name: 'Fake account' } };

/** manualTrigger → Code (given JS) → Fake Service (get item `={{ $json.id }}`) */
function workflow(jsCode: string, serviceNode: Record<string, unknown> = {}): IWorkflowBase {
	return {
		id: 'wf-harness',
		name: 'harness test',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'n1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'n2',
				name: 'Make items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode },
			},
			{
				id: 'n3',
				name: 'Fake Service',
				type: 'test.fakeService',
				typeVersion: 1,
				position: [400, 0],
				parameters: { operation: 'get', itemId: '={{ $json.id }}' },
				credentials: fakeCredentialRef,
				...serviceNode,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Make items', type: 'main', index: 0 }]] },
			'Make items': { main: [[{ node: 'Fake Service', type: 'main', index: 0 }]] },
		},
	} as unknown as IWorkflowBase;
}

const threeItems = `
return [
  { json: { id: 'a', year: $now.year } },
  { json: { id: 'b' } },
  { json: { id: 'c' }, binary: { data: { data: Buffer.from('hello harness').toString('base64'), mimeType: 'text/plain', fileName: 'hello.txt' } } },
];`;

const manyItems = (n: number) => `return Array.from({ length: ${n} }, (_, i) => ({ json: { id: 'n' + i } }));`;

describe('runWorkflow', () => {
	it('runs manualTrigger → code → an authenticated node, items flowing with pairedItem', async () => {
		const result = await runWorkflow(workflow(threeItems), { credentials: credentials() });

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		const made = result.output('Make items');
		expect(made).toHaveLength(3);
		expect(made[0].json.year).toBe(new Date().getFullYear()); // $now is a luxon DateTime

		const fetched = result.output('Fake Service');
		expect(fetched.map((i) => i.json)).toEqual([
			{ id: 'a', name: 'Item a' },
			{ id: 'b', name: 'Item b' },
			{ id: 'c', name: 'Item c' },
		]);
		expect(fetched.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// the expression parameter resolved per item
		expect(server.requests.filter((r) => r.path.startsWith('/items/')).map((r) => r.path)).toEqual([
			'/items/a',
			'/items/b',
			'/items/c',
		]);
		// the token from the login went out as the header the credential's authenticate defines
		expect(server.requests.filter((r) => r.path.startsWith('/items/')).every((r) => r.token === 'tok-1')).toBe(true);
		expect(result.credentialsStore.fakeSessionApi.sessionToken).toBe('tok-1');
	});

	it('logs in once for 20 items, and not again in a later run sharing the credentials store', async () => {
		const store = credentials();
		const first = await runWorkflow(workflow(manyItems(20)), { credentials: store });
		expect(first.status).toBe('success');
		expect(first.output('Fake Service')).toHaveLength(20);
		expect(first.preAuthCalls).toBe(1);
		expect(server.logins).toBe(1);

		const second = await runWorkflow(workflow(manyItems(20)), { credentials: store });
		expect(second.status).toBe('success');
		expect(second.preAuthCalls).toBe(0);
		expect(server.logins).toBe(1);
	});

	it('re-logs in once when the session expires mid-run (401), and the run succeeds', async () => {
		server.expireSessionsAfter(5);
		const result = await runWorkflow(workflow(manyItems(20)), { credentials: credentials() });

		expect(result.error).toBeUndefined();
		expect(result.output('Fake Service')).toHaveLength(20);
		expect(server.unauthorized).toBe(1);
		expect(result.preAuthCalls).toBe(2);
		expect(server.logins).toBe(2);
		expect(result.credentialsStore.fakeSessionApi.sessionToken).toBe('tok-2');
	});

	it('stores Code-node binaries on disk in filesystem mode and reads them back', async () => {
		const result = await runWorkflow(workflow(threeItems, { parameters: { operation: 'describeBinary' } }), {
			credentials: credentials(),
		});
		expect(result.status).toBe('success');
		const withBinary = result.output('Make items')[2];
		const binary = withBinary.binary!.data;
		expect(binary.id).toMatch(/^filesystem-v2:/);
		expect(binary.data).toBe('filesystem-v2');
		expect(binary).toMatchObject({ fileName: 'hello.txt', mimeType: 'text/plain', bytes: 13 });
		expect((await result.readBinary(withBinary)).toString()).toBe('hello harness');

		const chunks: Buffer[] = [];
		for await (const chunk of await result.binaryStream(withBinary)) chunks.push(chunk as Buffer);
		expect(Buffer.concat(chunks).toString()).toBe('hello harness');

		// a node downstream reads it through n8n-core's getBinaryDataBuffer
		expect(result.output('Fake Service')[2].json).toEqual({ length: 13, text: 'hello harness' });
	});

	it("keeps binaries inline in 'default' mode", async () => {
		const result = await runWorkflow(workflow(threeItems, { parameters: { operation: 'describeBinary' } }), {
			credentials: credentials(),
			binaryMode: 'default',
		});
		const withBinary = result.output('Make items')[2];
		expect(withBinary.binary!.data.id).toBeUndefined();
		expect(Buffer.from(withBinary.binary!.data.data, 'base64').toString()).toBe('hello harness');
		expect((await result.readBinary(withBinary)).toString()).toBe('hello harness');
	});

	it('fails the run on a node error, like n8n', async () => {
		const code = `return [{ json: { id: 'a' } }, { json: { id: 'missing' } }];`;
		const result = await runWorkflow(workflow(code), { credentials: credentials() });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/resource you are requesting could not be found|404/i);
		expect(result.runData['Fake Service'][0].error).toBeDefined();
	});

	it("continues on the regular output with onError 'continueRegularOutput'", async () => {
		const code = `return [{ json: { id: 'a' } }, { json: { id: 'missing' } }];`;
		const result = await runWorkflow(workflow(code, { onError: 'continueRegularOutput' }), {
			credentials: credentials(),
		});
		expect(result.status).toBe('success');
		const out = result.output('Fake Service');
		expect(out[0].json).toEqual({ id: 'a', name: 'Item a' });
		expect(out[1].json.error).toBeDefined();
	});

	it("routes failed items to the error output with onError 'continueErrorOutput'", async () => {
		const code = `return [{ json: { id: 'a' } }, { json: { id: 'missing' } }];`;
		const result = await runWorkflow(workflow(code, { onError: 'continueErrorOutput' }), {
			credentials: credentials(),
		});
		expect(result.status).toBe('success');
		expect(result.output('Fake Service', 0).map((i) => i.json.id)).toEqual(['a']);
		expect(result.output('Fake Service', 1)).toHaveLength(1);
		expect(result.output('Fake Service', 1)[0].json.error).toBeDefined();
	});

	it('turns text into a file with the convertToFile stand-in', async () => {
		const wf = workflow(`return [{ json: { body: 'line one\\nline two' } }];`);
		wf.nodes[2] = {
			id: 'n3',
			name: 'To file',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [400, 0],
			parameters: { operation: 'toText', sourceProperty: 'body', options: { fileName: '={{ "notes-" + 1 + ".txt" }}' } },
		};
		wf.connections['Make items'] = { main: [[{ node: 'To file', type: 'main', index: 0 }]] } as never;
		const result = await runWorkflow(wf);
		expect(result.status).toBe('success');
		const [file] = result.output('To file');
		expect(file.binary!.data).toMatchObject({ fileName: 'notes-1.txt', mimeType: 'text/plain' });
		expect((await result.readBinary(file)).toString()).toBe('line one\nline two');
	});

	it('is fast after the first run', async () => {
		const wf = workflow(`return [{ json: { id: 'a' } }];`);
		await runWorkflow(wf, { credentials: credentials() });
		const started = performance.now();
		await runWorkflow(wf, { credentials: credentials() });
		expect(performance.now() - started).toBeLessThan(250);
	});

	it('knows the stand-in base nodes', () => {
		const types = loadNodeTypes();
		for (const name of ['manualTrigger', 'scheduleTrigger', 'noOp', 'code', 'convertToFile']) {
			expect(types.getByNameAndVersion(`n8n-nodes-base.${name}`)).toBeDefined();
		}
	});
});

describe('runPoll', () => {
	const pollWorkflow = {
		id: 'wf-poll',
		name: 'poll test',
		active: true,
		nodes: [
			{
				id: 'p1',
				name: 'Fake Trigger',
				type: 'test.fakeTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
				credentials: fakeCredentialRef,
			},
		],
		connections: {},
	} as unknown as IWorkflowBase;

	it('keeps static data between polls when it is passed back', async () => {
		server.events.push({ id: 1, name: 'one' }, { id: 2, name: 'two' });
		const store = credentials();

		const first = await runPoll(pollWorkflow, 'Fake Trigger', { credentials: store });
		expect(first.error).toBeUndefined();
		expect(first.items?.[0].map((i) => i.json.id)).toEqual([1, 2]);
		expect(first.staticData).toEqual({ 'node:Fake Trigger': { lastId: 2 } });

		const second = await runPoll(pollWorkflow, 'Fake Trigger', { credentials: store, staticData: first.staticData });
		expect(second.items).toBeNull();
		expect(second.staticData).toEqual(first.staticData);

		server.events.push({ id: 3, name: 'three' });
		const third = await runPoll(pollWorkflow, 'Fake Trigger', { credentials: store, staticData: second.staticData });
		expect(third.items?.[0].map((i) => i.json.id)).toEqual([3]);
		expect(third.staticData).toEqual({ 'node:Fake Trigger': { lastId: 3 } });

		expect(server.logins).toBe(1); // the token persisted in the store across polls
	});

	it("returns the latest event in 'manual' mode without moving the cursor", async () => {
		server.events.push({ id: 1, name: 'one' }, { id: 2, name: 'two' });
		const result = await runPoll(pollWorkflow, 'Fake Trigger', {
			credentials: credentials(),
			mode: 'manual',
			staticData: { 'node:Fake Trigger': { lastId: 2 } },
		});
		expect(result.items?.[0].map((i) => i.json.id)).toEqual([2]);
		expect(result.staticData).toEqual({ 'node:Fake Trigger': { lastId: 2 } });
	});

	it('reports a poll error instead of throwing', async () => {
		const result = await runPoll(pollWorkflow, 'Fake Trigger', {
			credentials: { fakeSessionApi: { site: server.url, email: FAKE_USER.email, password: 'wrong' } },
		});
		expect(result.items).toBeNull();
		expect(result.error).toBeDefined();
	});
});

describe('testCredential', () => {
	it('logs in first, then runs the test request', async () => {
		const result = await testCredential('fakeSessionApi', credentials().fakeSessionApi);
		expect(result).toMatchObject({ status: 'OK', message: 'Connection successful!', preAuthCalls: 1 });
		expect(result.data.sessionToken).toBe('tok-1');
		expect(server.requests.map((r) => r.path)).toEqual(['/login', '/me']);
	});

	it('logs in even when the data already carries a token', async () => {
		const result = await testCredential('fakeSessionApi', { ...credentials().fakeSessionApi, sessionToken: 'stale' });
		expect(result.status).toBe('OK');
		expect(result.preAuthCalls).toBe(1);
	});

	it("reports n8n's message when the login fails", async () => {
		const result = await testCredential('fakeSessionApi', { ...credentials().fakeSessionApi, password: 'nope' });
		expect(result.status).toBe('Error');
		expect(result.message).toBeTruthy();
	});
});
