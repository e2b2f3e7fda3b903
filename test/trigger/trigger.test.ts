/**
 * The Quatrix Trigger against the sandbox, polled the way n8n polls an active workflow (and "Fetch Test Event").
 */
import { recordChange } from '../sandbox/activity';
import { startSandbox, type Sandbox } from '../sandbox';
import { activityFaults, freshCredentials, poll, TRIGGER, triggerWorkflow } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});
beforeEach(() => {
	sandbox.faults.reset();
	sandbox.clock.useRealTime();
	sandbox.state.activity.length = 0;
});

const now = () => Date.now() / 1000;
const upload = (timestamp: number, name: string, extra: Record<string, unknown> = {}) => ({
	timestamp,
	event: 'file',
	action: 'upload',
	payload: { files: [{ id: `f-${name}`, name, parent_id: sandbox.admin.homeId, path: `/${name}` }] },
	...extra,
});

/** A small seeded random generator, so a failing run can be repeated. */
function random(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

describe('Quatrix Trigger: every event exactly once', () => {
	it('emits 1,000 uploads exactly once and in time order across failed polls, full pages, a restart and a reactivation', async () => {
		const rnd = random(20260131);
		const workflow = triggerWorkflow({ events: ['fileUploaded'] });
		let credentials = freshCredentials(sandbox);
		const faults = activityFaults(sandbox);
		try {
			const first = await poll(workflow, credentials, undefined);
			expect(first.error).toBeUndefined();
			expect(first.items).toBeNull();
			let staticData = first.staticData;
			let t = (staticData[`node:${TRIGGER}`] as { activity: { ts: number } }).activity.ts + 1;

			const expected: string[] = [];
			const emitted: Array<{ id: string; timestamp: number }> = [];
			let polls = 0;
			let failed = 0;
			let fullPagePolls = 0;
			let restarted = false;

			const seedBatch = (matching: number, noise: number) => {
				const rows: Array<Record<string, unknown>> = [];
				for (let n = 0; n < matching; n++) {
					// a third of the events share their timestamp with the one before (ties, also across polls)
					if (rnd() > 0.33) t += Math.round(rnd() * 1e6) / 1e6 + 0.001;
					rows.push(upload(t, `e${expected.length + rows.length}`));
				}
				for (let n = 0; n < noise; n++) rows.push({ timestamp: t - rnd() * 0.5, event: 'file', action: 'download' });
				const seeded = sandbox.seedActivity(rows as never);
				expected.push(...seeded.filter((row) => row.action === 'upload').map((row) => row.id));
			};

			while (expected.length < 1000 || emitted.length < expected.length) {
				polls++;
				if (expected.length < 1000) {
					// now and then more than a page of rows between two polls
					const burst = polls % 25 === 5;
					seedBatch(Math.min(1000 - expected.length, burst ? 150 + Math.floor(rnd() * 100) : Math.floor(rnd() * 20)), burst ? 1100 : Math.floor(rnd() * 20));
				}
				const multiWindow = polls % 25 === 5; // reads several windows: fail any of them
				const failing = rnd() < 0.2;
				if (failing) faults.failAt(multiWindow ? 1 + Math.floor(rnd() * 3) : 1, rnd() < 0.75 ? '500' : 'cut', 5);
				else faults.clear();
				sandbox.resetLog();
				const before = JSON.stringify(staticData);
				const result = await poll(workflow, credentials, staticData);
				if ((sandbox.stats().byRoute['GET /tracking/activity'] ?? 0) > 1) fullPagePolls++;
				if (result.error) {
					failed++;
					expect(result.error.message).toMatch(/^Quatrix: read the activity log failed/);
					expect(result.items).toBeNull();
					expect(JSON.stringify(result.staticData)).toBe(before); // the cursor did not move
				} else {
					for (const event of result.events) emitted.push({ id: event.id as string, timestamp: event.timestamp as number });
				}
				staticData = result.staticData;
				if (!restarted && expected.length > 500) {
					// n8n restarts: a new process, a new session, static data from the database
					restarted = true;
					staticData = JSON.parse(JSON.stringify(staticData));
					credentials = freshCredentials(sandbox);
					sandbox.faults.expireAllSessions();
				}
				if (polls === 30 && expected.length < 1000) {
					// deactivated for a while: events keep happening, the next activation catches up
					seedBatch(Math.min(30, 1000 - expected.length), 5);
				}
				expect(polls).toBeLessThan(400);
			}
			faults.clear();
			if (process.env.TRIGGER_STATS) console.log({ polls, failed, fullPagePolls, events: emitted.length });

			expect(failed).toBeGreaterThanOrEqual(Math.floor(polls * 0.1));
			expect(fullPagePolls).toBeGreaterThan(0);
			expect(new Set(emitted.map((e) => e.id)).size).toBe(emitted.length);
			expect(emitted.map((e) => e.id).sort()).toEqual([...expected].sort());
			for (let n = 1; n < emitted.length; n++) expect(emitted[n].timestamp).toBeGreaterThanOrEqual(emitted[n - 1].timestamp);

			// and nothing more afterwards
			const after = await poll(workflow, credentials, staticData);
			expect(after.items).toBeNull();
		} finally {
			faults.restore();
		}
	}, 240_000);
});

describe('Quatrix Trigger: first activation', () => {
	it('starts from now: nothing from before the activation, everything after it', async () => {
		const workflow = triggerWorkflow({ events: ['fileUploaded'] });
		const credentials = freshCredentials(sandbox);
		sandbox.seedActivity([upload(now() - 3600, 'old-1'), upload(now() - 5, 'old-2')] as never);
		const first = await poll(workflow, credentials, undefined);
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		sandbox.seedActivity([upload(now() + 1, 'new-1')] as never);
		const second = await poll(workflow, credentials, first.staticData);
		expect(second.events.map((e) => e.fileName)).toEqual(['new-1']);
	});

	it('with Start From, also emits the events since that time', async () => {
		const workflow = triggerWorkflow({ events: ['fileUploaded'], options: { startFrom: new Date((now() - 600) * 1000).toISOString() } });
		sandbox.seedActivity([upload(now() - 3600, 'too-old'), upload(now() - 60, 'recent')] as never);
		const first = await poll(workflow, freshCredentials(sandbox), undefined);
		expect(first.events.map((e) => e.fileName)).toEqual(['recent']);
	});

	it('outputs one item per event with a stable shape', async () => {
		const workflow = triggerWorkflow({ events: ['fileUploaded', 'fileDeleted'] });
		const credentials = freshCredentials(sandbox);
		const first = await poll(workflow, credentials, undefined);
		const t = now() + 1;
		sandbox.seedActivity([upload(t, 'report.pdf'), { timestamp: t + 1, event: 'file', action: 'delete', payload: {} }] as never);
		const { events } = await poll(workflow, credentials, first.staticData);
		expect(events).toHaveLength(2);
		expect(events[0]).toMatchObject({
			event: 'fileUploaded',
			action: 'upload',
			timestamp: t,
			time: new Date(Math.round(t * 1000)).toISOString(),
			userEmail: sandbox.admin.email,
			fileId: 'f-report.pdf',
			fileName: 'report.pdf',
			filePath: '/report.pdf',
			folderId: sandbox.admin.homeId,
			shareId: null,
		});
		expect(events[1]).toMatchObject({ event: 'fileDeleted', fileId: null, fileName: null, files: [] });
		expect(Object.keys(events[1]).sort()).toEqual(Object.keys(events[0]).sort());
		expect((events[0].raw as Record<string, unknown>).id).toBe(events[0].id);
	});
});

describe('Quatrix Trigger: Fetch Test Event', () => {
	it('returns the latest matching events without moving the cursor', async () => {
		const workflow = triggerWorkflow({ events: ['fileUploaded'] });
		const credentials = freshCredentials(sandbox);
		const active = await poll(workflow, credentials, undefined);
		sandbox.seedActivity([upload(now() - 7200, 'a'), upload(now() - 60, 'b'), { timestamp: now() - 30, event: 'file', action: 'download' }] as never);
		const sample = await poll(workflow, credentials, active.staticData, 'manual');
		expect(sample.error).toBeUndefined();
		expect(sample.events.map((e) => e.fileName)).toEqual(['a', 'b']);
		expect(sample.staticData).toEqual(active.staticData);
		// the active workflow still gets what happened after its own cursor, exactly once
		sandbox.seedActivity([upload(now() + 1, 'c')] as never);
		const next = await poll(workflow, credentials, sample.staticData);
		expect(next.events.map((e) => e.fileName)).toEqual(['c']);
	});

	it('says clearly when nothing matches the filters', async () => {
		const workflow = triggerWorkflow({ events: ['quicklinkCreated'], options: { userEmails: 'nobody@acme.test' } });
		sandbox.seedActivity([upload(now() - 60, 'x')] as never);
		const sample = await poll(workflow, freshCredentials(sandbox), {}, 'manual');
		expect(sample.items).toBeNull();
		expect(sample.error?.message).toBe('No Quatrix event in the last 365 days matches this trigger');
		expect((sample.error as { description?: string }).description).toMatch(/Quicklink Created; users: nobody@acme.test/);
		expect(sample.staticData[`node:${TRIGGER}`] ?? {}).toEqual({});
	});
});

describe('Quatrix Trigger: sessions, errors and cost', () => {
	it('signs in again when the session expired between polls (interval longer than 15 minutes)', async () => {
		const workflow = triggerWorkflow({ events: ['fileUploaded'] });
		const credentials = freshCredentials(sandbox);
		const first = await poll(workflow, credentials, undefined);
		const second = await poll(workflow, credentials, first.staticData);
		expect(second.error).toBeUndefined();
		const loginsBefore = sandbox.stats().logins;
		sandbox.clock.advance(16 * 60);
		sandbox.seedActivity([upload(now() + 1, 'late')] as never);
		const third = await poll(workflow, credentials, second.staticData);
		expect(third.error).toBeUndefined();
		expect(third.events.map((e) => e.fileName)).toEqual(['late']);
		expect(third.preAuthCalls).toBe(1);
		expect(sandbox.stats().logins).toBe(loginsBefore + 1);
	});

	it('an idle poll costs exactly one request, with either credential', async () => {
		for (const auth of ['password', 'apiKey'] as const) {
			const workflow = triggerWorkflow({ events: ['fileUploaded', 'fileDownloaded', 'shareCreated'] }, auth);
			const credentials = freshCredentials(sandbox);
			const first = await poll(workflow, credentials, undefined);
			const warm = await poll(workflow, credentials, first.staticData); // signs in (password) on the first request
			sandbox.resetLog();
			const idle = await poll(workflow, credentials, warm.staticData);
			expect(idle.items).toBeNull();
			expect(sandbox.stats().requests).toBe(1);
			expect(sandbox.requests[0].path).toBe('/api/1.0/tracking/activity');
			expect(idle.staticData).toEqual(warm.staticData);
		}
	});

	it('throws an n8n error that says what failed, and repeats the poll next time without losing events', async () => {
		const workflow = triggerWorkflow({ events: ['fileUploaded'] });
		const credentials = freshCredentials(sandbox);
		const first = await poll(workflow, credentials, undefined);
		sandbox.seedActivity([upload(now() + 1, 'kept')] as never);
		sandbox.faults.failNext({ status: 500, path: '/tracking/activity' });
		const failed = await poll(workflow, credentials, first.staticData);
		expect(failed.error?.constructor.name).toBe('NodeApiError');
		expect(failed.error?.message).toMatch(/^Quatrix: read the activity log failed: Injected fault \(HTTP 500\)/);
		expect(failed.staticData).toEqual(first.staticData);
		const retried = await poll(workflow, credentials, failed.staticData);
		expect(retried.events.map((e) => e.fileName)).toEqual(['kept']);
	});
});

describe('Quatrix Trigger: filters and folders', () => {
	it('keeps only the chosen users and the chosen folder (with or without subfolders)', async () => {
		const credentials = freshCredentials(sandbox);
		const folder = { mode: 'path', value: '/Projects' };
		const direct = triggerWorkflow({ events: ['fileUploaded'], folder, includeSubfolders: false, options: { userEmails: 'Admin@Sandbox.test' } });
		const deep = triggerWorkflow({ events: ['fileUploaded'], folder, includeSubfolders: true });
		const d0 = await poll(direct, credentials, undefined);
		const s0 = await poll(deep, credentials, undefined);
		const t = now() + 1;
		const at = (path: string, extra: Record<string, unknown> = {}) => ({
			timestamp: t,
			event: 'file',
			action: 'upload',
			payload: { files: [{ id: `f${path}`, name: path.split('/').pop(), path }] },
			...extra,
		});
		sandbox.seedActivity([at('/Projects/a.txt'), at('/Projects/2026/b.txt'), at('/Other/c.txt'), at('/Projects/d.txt', { email: 'someone@else.test' })] as never);
		expect((await poll(direct, credentials, d0.staticData)).events.map((e) => e.filePath)).toEqual(['/Projects/a.txt']);
		expect((await poll(deep, credentials, s0.staticData)).events.map((e) => e.filePath).sort()).toEqual([
			'/Projects/2026/b.txt',
			'/Projects/a.txt',
			'/Projects/d.txt',
		]);
	});

	it('new or changed files in a folder come from the folder change feed, once each, one request when idle', async () => {
		const [fileId] = sandbox.seedFiles(sandbox.admin.homeId, 1, 'watched-');
		const credentials = freshCredentials(sandbox);
		const workflow = triggerWorkflow({ events: ['folderFileChanged'], folder: { mode: 'id', value: sandbox.admin.homeId } });
		const first = await poll(workflow, credentials, undefined);
		expect(first.items).toBeNull();
		sandbox.clock.advance(2);
		const file = sandbox.state.files.get(fileId)!;
		recordChange(sandbox.state, file, 'create');
		const second = await poll(workflow, credentials, first.staticData);
		expect(second.error).toBeUndefined();
		expect(second.events).toHaveLength(1);
		expect(second.events[0]).toMatchObject({ event: 'folderFileChanged', action: 'create', fileId, fileName: file.name });
		sandbox.resetLog();
		const third = await poll(workflow, credentials, second.staticData);
		expect(third.items).toBeNull(); // inside the overlap, not emitted again
		expect(sandbox.stats().requests).toBe(1);
		expect(sandbox.requests[0].path).toBe(`/api/1.0/file/diff/${sandbox.admin.homeId}`);
	});
});
