/**
 * The Activity Log resource against the sandbox (activity.<operation>), and the time-window paging that reads
 * the limit-only activity log completely.
 */
import { randomUUID } from 'node:crypto';

import type { Sandbox } from '../sandbox';
import { collectTimeWindow, type TimeWindow } from '../../nodes/Quatrix/helpers/timeWindowPaging';
import { byId, quatrixStep, runSteps } from '../helpers/workflows';
import { folderWithFiles, recipientCredentials, startSharingSandbox } from './sharing.fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSharingSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('activity.getMany', () => {
	const T0 = Math.floor(Date.now() / 1000) - 30 * 86400;
	let seeded: string[];
	beforeAll(() => {
		// 999 events one second apart, then 400 in the same second (straddling the 1000-row page), then 1101 more.
		const events = [
			...Array.from({ length: 999 }, (_, k) => ({ timestamp: T0 + k })),
			...Array.from({ length: 400 }, () => ({ timestamp: T0 + 999 })),
			...Array.from({ length: 1101 }, (_, k) => ({ timestamp: T0 + 1000 + k / 10, action: k % 100 === 0 ? 'download' : 'upload' })),
		];
		seeded = sandbox.seedActivity(events).map((event) => event.id);
	});

	it('Return All reads 2500 events through 1000-row pages, every event exactly once, even with 400 sharing one second', async () => {
		sandbox.resetLog();
		const result = await runSteps(sandbox, [
			quatrixStep({ resource: 'activity', operation: 'getMany', from: iso(T0), to: iso(T0 + 2000), user: { __rl: true, mode: 'list', value: '' }, returnAll: true, filters: {}, options: { order: 'oldest' } }),
		]);
		expect(result.error).toBeUndefined();
		const ids = result.output('Quatrix').map((item) => String(item.json.id));
		expect(ids).toHaveLength(2500);
		expect(new Set(ids).size).toBe(2500);
		expect([...ids].sort()).toEqual([...seeded].sort());
		const times = result.output('Quatrix').map((item) => Number(item.json.timestamp));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		const pages = sandbox.requests.filter((request) => request.route === '/tracking/activity');
		expect(pages.every((request) => request.query.limit === '1000')).toBe(true);
		expect(pages.length).toBeLessThan(20);
	});

	it('keeps the newest events with a limit, and filters by action and user', async () => {
		const newest = await runSteps(sandbox, [
			quatrixStep({ resource: 'activity', operation: 'getMany', from: iso(T0), to: iso(T0 + 2000), returnAll: false, limit: 3, filters: {}, options: {} }),
		]);
		expect(newest.output('Quatrix').map((item) => item.json.timestamp)).toEqual([T0 + 1110, T0 + 1109.9, T0 + 1109.8].map((t) => expect.closeTo(t, 5)));

		const downloads = await runSteps(sandbox, [
			quatrixStep({ resource: 'activity', operation: 'getMany', from: iso(T0), to: iso(T0 + 2000), user: byId(sandbox.admin.id), returnAll: true, filters: { actions: ['download'] }, options: {} }),
		]);
		expect(downloads.output('Quatrix')).toHaveLength(12);
		expect(sandbox.requests.filter((request) => request.route === '/tracking/activity').at(-1)!.query.user_id).toBe(sandbox.admin.id);
	});

	it('says plainly when more events than one page share a single instant, rather than dropping some', async () => {
		const T1 = T0 - 86400;
		sandbox.seedActivity(Array.from({ length: 1001 }, () => ({ timestamp: T1 })));
		const result = await runSteps(sandbox, [
			quatrixStep({ resource: 'activity', operation: 'getMany', from: iso(T1 - 10), to: iso(T1 + 10), returnAll: true, filters: {}, options: {} }),
		]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/More than 1000 rows share the time .*no offset/);
	});

	it('names the field when To is before From, before any request', async () => {
		sandbox.resetLog();
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'activity', operation: 'getMany', from: iso(T0), to: iso(T0 - 1), returnAll: true, filters: {}, options: {} })]);
		expect(result.error?.message).toMatch(/^To: is before From \(item 0\)$/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('activity.exportCsv', () => {
	it('exports a period as a CSV file', async () => {
		const T2 = Math.floor(Date.now() / 1000) - 60 * 86400;
		sandbox.seedActivity([{ timestamp: T2, action: 'upload' }, { timestamp: T2 + 1, action: 'delete' }]);
		const result = await runSteps(sandbox, [
			quatrixStep({ resource: 'activity', operation: 'exportCsv', from: iso(T2), to: iso(T2 + 1), binaryPropertyName: 'data', options: {} }),
		]);
		const item = result.output('Quatrix')[0];
		expect(item.binary?.data).toMatchObject({ fileName: 'activity.csv', mimeType: 'text/csv' });
		const lines = (await result.readBinary(item, 'data')).toString('utf8').trim().split(/\r?\n/);
		expect(lines[0]).toMatch(/^Time,Event,Action/);
		expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual(['upload', 'delete']);
	});
});

describe('activity.getShareFiles', () => {
	let shareId: string;
	let fileIds: string[];
	beforeAll(async () => {
		({ fileIds } = folderWithFiles(sandbox, 'tracked', 2));
		const share = await runSteps(sandbox, [
			quatrixStep({ resource: 'share', operation: 'create', file: byId(fileIds[0]), moreFileIds: fileIds[1], recipients: 'bob@sandbox.test', options: {} }),
		]);
		shareId = String(share.output('Quatrix')[0].json.id);
		await runSteps(sandbox, [quatrixStep({ resource: 'share', operation: 'download', share: byId(shareId), binaryPropertyName: 'data', options: { fileIds: fileIds[0] } }, { auth: 'apiKey' })], {
			credentials: recipientCredentials(sandbox),
		});
	});

	it('lists the files of a share with their download counts', async () => {
		const result = await runSteps(sandbox, [quatrixStep({ resource: 'activity', operation: 'getShareFiles', share: byId(shareId), returnAll: true })]);
		const counts = Object.fromEntries(result.output('Quatrix').map((item) => [item.json.id, item.json.downloads]));
		expect(counts).toEqual({ [fileIds[0]]: 1, [fileIds[1]]: 0 });
	});

	describe('activity.getFileDownloads', () => {
		it('lists who downloaded a shared file', async () => {
			const result = await runSteps(sandbox, [quatrixStep({ resource: 'activity', operation: 'getFileDownloads', sharedFileId: fileIds[0], returnAll: true })]);
			expect(result.output('Quatrix').map((item) => item.json)).toEqual([expect.objectContaining({ recipient: 'bob@sandbox.test', sharedFileId: fileIds[0], size: expect.any(Number) })]);
		});

		it('maps an unknown shared file to a readable error', async () => {
			const result = await runSteps(sandbox, [quatrixStep({ resource: 'activity', operation: 'getFileDownloads', sharedFileId: randomUUID(), returnAll: true })]);
			expect(result.error?.message).toMatch(/^Quatrix: read the downloads of the file failed: Shared file not found \[Quatrix code 20/);
		});
	});
});

describe('timeWindowPaging', () => {
	interface Row {
		id: string;
		t: number;
	}
	/** A limit-only endpoint that answers in random order, with `to` inclusive or exclusive. */
	const endpoint = (rows: Row[], toInclusive: boolean) => {
		const calls: TimeWindow[] = [];
		const fetchPage = async (window: TimeWindow) => {
			calls.push(window);
			const inside = rows.filter((row) => row.t >= window.from && (toInclusive ? row.t <= window.to : row.t < window.to));
			for (let i = inside.length - 1; i > 0; i--) {
				const j = Math.floor(Math.random() * (i + 1));
				[inside[i], inside[j]] = [inside[j], inside[i]];
			}
			return inside.slice(0, window.limit);
		};
		return { fetchPage, calls };
	};
	const rowsOf = (times: number[]) => times.map((t) => ({ id: randomUUID(), t }));
	const options = (extra: object = {}) => ({ from: 0, to: 1000, pageSize: 10, idOf: (row: Row) => row.id, timeOf: (row: Row) => row.t, ...extra });

	it.each([true, false])('returns every row exactly once whatever the answer order (to inclusive: %s)', async (toInclusive) => {
		const times = [...Array.from({ length: 300 }, () => Math.random() * 999), ...Array.from({ length: 9 }, () => 500), ...Array.from({ length: 9 }, () => 0)];
		const rows = rowsOf(times);
		const { fetchPage } = endpoint(rows, toInclusive);
		const got = await collectTimeWindow(fetchPage, options());
		expect(got.map((row) => row.id).sort()).toEqual(rows.map((row) => row.id).sort());
	});

	it('stops early with maxRows and keeps the right end', async () => {
		const rows = rowsOf(Array.from({ length: 200 }, (_, k) => k));
		const { fetchPage, calls } = endpoint(rows, true);
		const newest = await collectTimeWindow(fetchPage, options({ maxRows: 5, order: 'newest' }));
		expect(newest.map((row) => row.t)).toEqual([199, 198, 197, 196, 195]);
		const oldest = await collectTimeWindow(endpoint(rows, true).fetchPage, options({ maxRows: 5 }));
		expect(oldest.map((row) => row.t)).toEqual([0, 1, 2, 3, 4]);
		expect(calls.length).toBeLessThan(40);
	});
});
