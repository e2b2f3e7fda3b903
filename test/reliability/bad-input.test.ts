/**
 * Bad input, table-driven, across resources. Each case feeds the bad value through an expression (a literal is
 * often refused by n8n's own field check first; an expression reaches the node), and must give a
 * NodeOperationError that names the field and the item and says how to fix it. Local mistakes are caught
 * before any request; the sandbox's state is the same after a failed item as before it.
 */
import type { INode } from 'n8n-workflow';

import { byId, byPath, inputStep, quatrixStep, runSteps } from '../helpers/workflows';
import { startSandbox, type Sandbox } from '../sandbox';
import { stateSnapshot, work } from './support';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let folderId: string;
let fileId: string;
beforeAll(async () => {
	sandbox = await startSandbox();
	const state = sandbox.state;
	const home = state.files.get(sandbox.admin.homeId)!;
	const folder = state.newNode({ parent_id: home.id, name: 'bad-input', type: 'D', owner_id: home.owner_id });
	state.attach(home, folder);
	folderId = folder.id;
	[fileId] = sandbox.seedFiles(folderId, 1, 'a-');
});
afterAll(async () => {
	await sandbox.stop();
});

const V = '={{ $json.v }}';
const UNKNOWN_ID = '0f0e0d0c-0b0a-4909-8807-060504030201';

interface Case {
	name: string;
	params: Record<string, unknown>;
	/** the bad value, given to the node as `$json.v` */
	v: unknown;
	/** the field the error must name */
	field: RegExp;
	/** needs a look-up at Quatrix to find out (a path, an unknown user …): requests allowed, changes not */
	remote?: boolean;
	/** input items carry a 10-byte binary `data` (default) or none */
	binary?: 'data' | 'none' | 'empty';
	/** a Quatrix answer (NodeApiError) is the right error here, e.g. an ID that is well-formed but unknown */
	apiError?: boolean;
}

const file = (operation: string, params: Record<string, unknown>) => ({ resource: 'file', operation, ...params });
const folder = (operation: string, params: Record<string, unknown>) => ({ resource: 'folder', operation, ...params });
const upload = (params: Record<string, unknown> = {}, options: Record<string, unknown> = {}) =>
	file('upload', { binaryPropertyName: 'data', folder: byId(FOLDER), conflict: 'rename', options, ...params });
const share = (params: Record<string, unknown>, options: Record<string, unknown> = {}) => ({
	resource: 'share',
	operation: 'create',
	file: byId(FILE),
	recipients: 'anna@example.com',
	shareType: 'T',
	sendEmail: false,
	options,
	...params,
});
const user = (params: Record<string, unknown>, additionalFields: Record<string, unknown> = {}) => ({
	resource: 'user',
	operation: 'create',
	email: 'new.user@example.com',
	name: 'New User',
	additionalFields,
	...params,
});
const contact = (params: Record<string, unknown>, additionalFields: Record<string, unknown> = {}) => ({
	resource: 'contact',
	operation: 'create',
	email: 'new.contact@example.com',
	name: 'New Contact',
	ifExists: 'fail',
	additionalFields,
	...params,
});

/** Stand-ins for the IDs the sandbox gives in beforeAll. */
const FOLDER = '%FOLDER%';
const FILE = '%FILE%';
const resolveText = (text: string) => text.split(FOLDER).join(folderId).split(FILE).join(fileId);
const resolved = (params: Record<string, unknown>) => JSON.parse(resolveText(JSON.stringify(params))) as Record<string, unknown>;

const CASES: Case[] = [
		// malformed IDs
		{ name: 'file.get: an ID that is not a UUID', params: file('get', { item: byId(V) }), v: 'not-an-id', field: /File or Folder/ },
		{ name: 'file.get: an empty ID', params: file('get', { item: byId(V) }), v: '', field: /File or Folder/ },
		{ name: 'file.get: a path given as an ID', params: file('get', { item: byId(V) }), v: '../../etc/passwd', field: /File or Folder/ },
		{ name: 'file.get: a UUID with a trailing character', params: file('get', { item: byId(V) }), v: `%FILE%x`, field: /File or Folder/ },
		{ name: 'file.upload: a malformed parent folder ID', params: upload({ folder: byId(V) }), v: '1234', field: /Parent Folder/ },
		{ name: 'file.copy: a malformed destination ID', params: file('copy', { item: byId(FILE), destination: byId(V), conflict: 'rename', wait: false }), v: 'dest', field: /Destination Folder/ },
		{ name: 'file.download: a malformed ID among "Also Include IDs"', params: file('download', { item: byId(FILE), binaryPropertyName: 'data', options: { moreIds: V } }), v: `%FILE%, nope`, field: /Also Include IDs/ },
		{ name: 'user.get: a malformed user ID', params: { resource: 'user', operation: 'get', user: byId(V) }, v: 'admin', field: /User/ },
		{ name: 'contact.delete: a malformed contact ID', params: { resource: 'contact', operation: 'delete', contact: byId(V) }, v: '42', field: /Contact/ },
		{ name: 'contact.create: a malformed group ID', params: contact({}, { groups: V }), v: 'friends', field: /Groups/ },
		{ name: 'share.create: a malformed ID in "More File IDs"', params: share({ moreFileIds: V }), v: 'abc', field: /More File IDs/ },

		// names: empty, too long, slash, dot-dot, control characters
		{ name: 'file.rename: an empty name', params: file('rename', { item: byId(FILE), newName: V, conflict: 'fail' }), v: '', field: /New Name/ },
		{ name: 'file.rename: only spaces', params: file('rename', { item: byId(FILE), newName: V, conflict: 'fail' }), v: '   ', field: /New Name/ },
		{ name: 'file.rename: a slash', params: file('rename', { item: byId(FILE), newName: V, conflict: 'fail' }), v: 'a/b.txt', field: /New Name/ },
		{ name: 'file.rename: a backslash', params: file('rename', { item: byId(FILE), newName: V, conflict: 'fail' }), v: 'a\\b.txt', field: /New Name/ },
		{ name: 'file.rename: ".."', params: file('rename', { item: byId(FILE), newName: V, conflict: 'fail' }), v: '..', field: /New Name/ },
		{ name: 'file.rename: a bell character', params: file('rename', { item: byId(FILE), newName: V, conflict: 'fail' }), v: 'bad\u0007name', field: /New Name/ },
		{ name: 'file.rename: 256 characters', params: file('rename', { item: byId(FILE), newName: V, conflict: 'fail' }), v: 'x'.repeat(256), field: /New Name/ },
		{ name: 'folder.create: an empty name', params: folder('create', { name: V, folder: byId(FOLDER), conflict: 'rename' }), v: '', field: /Name/ },
		{ name: 'folder.create: a path instead of a name', params: folder('create', { name: V, folder: byId(FOLDER), conflict: 'rename' }), v: 'x/y', field: /Name/ },
		{ name: 'folder.create: a line break', params: folder('create', { name: V, folder: byId(FOLDER), conflict: 'rename' }), v: 'line\nbreak', field: /Name/ },
		{ name: 'folder.create: a NUL character', params: folder('create', { name: V, folder: byId(FOLDER), conflict: 'rename' }), v: 'nul\u0000', field: /Name/ },
		{ name: 'folder.create: 300 characters', params: folder('create', { name: V, folder: byId(FOLDER), conflict: 'rename' }), v: 'y'.repeat(300), field: /Name/ },
		{ name: 'folder.create: "."', params: folder('create', { name: V, folder: byId(FOLDER), conflict: 'rename' }), v: '.', field: /Name/ },
		{ name: 'file.upload: a file name with ".." and a slash', params: upload({}, { fileName: V }), v: '../evil.txt', field: /File Name/ },
		{ name: 'file.upload: a file name with a tab', params: upload({}, { fileName: V }), v: 'tab\there.txt', field: /File Name/ },
		{ name: 'file.download: an output file name with a slash', params: file('download', { item: byId(FILE), binaryPropertyName: 'data', options: { fileName: V } }), v: 'dir/out.txt', field: /File Name/ },

		// paths
		{ name: 'file.get: a path that does not exist', params: file('get', { item: byPath(V) }), v: '/bad-input/missing.txt', field: /File or Folder/, remote: true },
		{ name: 'file.get: a path through a file', params: file('get', { item: byPath(V) }), v: '/bad-input/a-00001.txt/child', field: /File or Folder/, remote: true },
		{ name: 'file.get: a path with ".."', params: file('get', { item: byPath(V) }), v: '/bad-input/../bad-input', field: /File or Folder/ },
		{ name: 'folder.create: a parent folder path that does not exist', params: folder('create', { name: 'new', folder: byPath(V), conflict: 'rename' }), v: '/no/such/folder', field: /Parent Folder/, remote: true },
		{ name: 'file.upload: a parent folder path that is a file', params: upload({ folder: byPath(V) }), v: '/bad-input/a-00001.txt', field: /Parent Folder/, remote: true },
		{ name: 'file.move: a destination path that does not exist', params: file('move', { item: byId(FILE), destination: byPath(V), conflict: 'rename' }), v: '/Nowhere', field: /Destination Folder/, remote: true },

		// binary input
		{ name: 'file.upload: a missing binary property', params: upload({ binaryPropertyName: V }), v: 'attachment', field: /Input Binary Field/ },
		{ name: 'file.upload: an empty binary property name', params: upload({ binaryPropertyName: V }), v: '', field: /Input Binary Field/ },
		{ name: 'file.upload: an item with no binary data at all', params: upload(), v: 'x', field: /Input Binary Field/, binary: 'none' },
		{ name: 'file.download: an empty output field name', params: file('download', { item: byId(FILE), binaryPropertyName: V, options: {} }), v: ' ', field: /Put Output File in Field/ },

		// numbers and dates
		{ name: 'file.upload: a chunk size of 0 MiB', params: upload({}, { chunkSizeMib: V }), v: 0, field: /Chunk Size/ },
		{ name: 'file.upload: a chunk size of 5000 MiB', params: upload({}, { chunkSizeMib: V }), v: 5000, field: /Chunk Size/ },
		{ name: 'file.upload: a modified time that is not a date', params: upload({}, { modifiedTime: V }), v: 'last tuesday', field: /Modified Time/ },
		{ name: 'file.setModifiedTime: not a date', params: file('setModifiedTime', { item: byId(FILE), modifiedTime: V }), v: '31/31/2026', field: /Modified Time/ },
		{ name: 'folder.getChanges: Since is not a date', params: folder('getChanges', { folder: byId(FOLDER), since: V, returnAll: true }), v: 'soon', field: /Since/ },
		{ name: 'folder.getChanges: Until before Since', params: folder('getChanges', { folder: byId(FOLDER), since: '2026-06-01T00:00:00Z', until: V, returnAll: true }), v: '2026-01-01T00:00:00Z', field: /Until/ },
		{ name: 'folder.list: a negative limit', params: folder('list', { folder: byId(FOLDER), kind: 'all', returnAll: false, limit: V }), v: -5, field: /Limit/ },
		{ name: 'user.list: a huge limit', params: { resource: 'user', operation: 'list', returnAll: false, limit: V, filters: {} }, v: 1e12, field: /Limit/ },
		{ name: 'share.getMany: a negative limit', params: { resource: 'share', operation: 'getMany', madeBy: 'all', returnAll: false, limit: V, filters: {} }, v: -3, field: /Limit/ },
		{ name: 'user.create: a negative storage quota', params: user({}, { quota: V }), v: -5, field: /Storage Quota/ },
		{ name: 'user.create: a fractional storage quota', params: user({}, { quota: V }), v: 1.5, field: /Storage Quota/ },

		// e-mail addresses
		{ name: 'user.create: an empty email', params: user({ email: V }), v: '', field: /Email/ },
		{ name: 'user.create: two @', params: user({ email: V }), v: 'anna@@example.com', field: /Email/ },
		{ name: 'user.create: no @', params: user({ email: V }), v: 'anna.example.com', field: /Email/ },
		{ name: 'user.create: a space inside', params: user({ email: V }), v: 'an na@example.com', field: /Email/ },
		{ name: 'contact.create: no domain', params: contact({ email: V }), v: 'anna@', field: /Email/ },
		{ name: 'share.create: a recipient that is neither email nor ID', params: share({ recipients: V }), v: 'anna', field: /Recipients/ },
		{ name: 'share.create: a recipient email without a dot', params: share({ recipients: V }), v: 'anna@localhost', field: /Recipients/ },
		{ name: 'share.create: no recipients', params: share({ recipients: V }), v: ' , ; ', field: /Recipients/ },

		// expiry dates, share options
		{ name: 'share.create: an expiry date in the past', params: share({ expiresOn: V }), v: '2001-01-01T00:00:00Z', field: /Expires On/ },
		{ name: 'share.create: an expiry that is not a date', params: share({ expiresOn: V }), v: 'next week', field: /Expires On/ },
		{ name: 'share.create: an unknown share type', params: share({ shareType: V }), v: 'X', field: /Share Type/ },
		{ name: 'share.create: PGP on a public share', params: share({ shareType: 'P', recipients: V }, { pgpEncrypted: true }), v: 'anna@example.com', field: /PGP/ },
		{ name: 'quicklink.create: a PIN with spaces at its ends', params: { resource: 'quicklink', operation: 'create', file: byId(FILE), options: { pin: V } }, v: ' 1234 ', field: /PIN/ },

		// permission values
		{ name: 'user.create: a negative raw permission', params: user({}, { homePermission: 'raw', homeRawPermission: V }), v: -3, field: /Home Folder Permission/ },
		{ name: 'user.create: a raw permission that is not a number', params: user({}, { homePermission: 'raw', homeRawPermission: V }), v: 'all', field: /Home Folder Permission/ },
		{ name: 'user.create: an unknown permission preset', params: user({}, { homePermission: V }), v: 'godMode', field: /Home Folder Permission/ },

		// other resources
		{ name: 'projectFolder.get: a malformed ID', params: { resource: 'projectFolder', operation: 'get', projectFolder: byId(V) }, v: 'team', field: /Project Folder/ },
		{ name: 'automationRule.get: a malformed ID', params: { resource: 'automationRule', operation: 'get', rule: byId(V) }, v: 'rule-1', field: /Automation Rule/ },
		{ name: 'group.get: a malformed ID', params: { resource: 'group', operation: 'get', group: byId(V) }, v: 'admins', field: /Group/ },
		{ name: 'pgpKey.get: a malformed key ID', params: { resource: 'pgpKey', operation: 'get', keyId: V }, v: 'ABCDEF12', field: /PGP Key ID/ },
		{ name: 'sshKey.create: not an OpenSSH public key', params: { resource: 'sshKey', operation: 'create', caption: 'laptop', key: V }, v: '-----BEGIN PRIVATE KEY-----', field: /Public Key/ },
		{ name: 'activity.getFileDownloads: a malformed shared file ID', params: { resource: 'activity', operation: 'getFileDownloads', sharedFileId: V }, v: '17', field: /Shared File ID/ },
		{ name: 'profile.update: a malformed email', params: { resource: 'profile', operation: 'update', updateFields: { email: V } }, v: 'me@', field: /Email/ },

		// unknown users and contacts
		{ name: 'share.create: a recipient email nobody has', params: share({ recipients: V, createMissingContacts: false }), v: 'nobody@example.com', field: /Recipients/, remote: true },
		{ name: 'user.get: an unknown user ID', params: { resource: 'user', operation: 'get', user: byId(V) }, v: UNKNOWN_ID, field: /user/i, remote: true, apiError: true },
		{ name: 'contact.get: an unknown contact ID', params: { resource: 'contact', operation: 'get', contact: byId(V) }, v: UNKNOWN_ID, field: /contact/i, remote: true, apiError: true },
];

/** `count` input items with `v` (and a small binary `data` unless told otherwise). */
function inputFor(testCase: Case, count: number): INode {
	const binary =
		testCase.binary === 'none'
			? ''
			: `, binary: { data: { data: Buffer.from('0123456789').toString('base64'), mimeType: 'text/plain', fileName: 'in-' + n + '.txt' } }`;
	const indexes = JSON.stringify(Array.from({ length: count }, (_, n) => n));
	const v = typeof testCase.v === 'string' ? resolveText(testCase.v) : testCase.v;
	return inputStep(`return ${indexes}.map((n) => ({ json: { v: ${JSON.stringify(v)}, n }${binary} }));`);
}

describe('bad input', () => {
	it('has at least 40 cases across at least 6 resources', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(40);
		expect(new Set(CASES.map((testCase) => testCase.params.resource)).size).toBeGreaterThanOrEqual(6);
	});

	const problems: string[] = [];
	let tried = 0;

	it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
		tried++;
		const params = resolved(testCase.params);
		// one item, stopping at the error: what kind of error, and whether anything was sent or changed
		const before = stateSnapshot(sandbox);
		sandbox.resetLog();
		const stopped = await runSteps(sandbox, [inputFor(testCase, 1), quatrixStep(params)]);
		const after = stateSnapshot(sandbox);
		const sent = work(sandbox.requests).map((request) => `${request.method} ${request.route ?? request.path}`);
		const error = stopped.error as (Error & { description?: string; context?: { itemIndex?: number } }) | undefined;
		const wanted = testCase.apiError ? 'NodeApiError' : 'NodeOperationError';
		const say = (problem: string) => problems.push(`${testCase.name}: ${problem}`);
		if (stopped.status !== 'error' || !error) say(`no error; output ${JSON.stringify(stopped.output('Quatrix')).slice(0, 160)}`);
		else {
			if (error.name !== wanted) say(`${error.name} instead of ${wanted}: ${error.message}`);
			if (!testCase.apiError && !testCase.field.test(error.message)) say(`message does not name the field: ${error.message}`);
			if (!testCase.apiError && !/\(item 0\)/.test(error.message)) say(`message does not name the item: ${error.message}`);
			if (error.context?.itemIndex !== 0) say(`itemIndex is ${String(error.context?.itemIndex)}`);
			if (!error.description || error.description.length < 10) say(`no description saying how to fix it: ${String(error.description)}`);
			if (/undefined|\[object/.test(`${error.message} ${error.description}`)) say(`undefined in the error: ${error.message} / ${error.description}`);
		}
		if (!testCase.remote && sent.length > 0) say(`sent ${sent.join(', ')} before refusing`);
		if (testCase.remote && sent.some((request) => !request.startsWith('GET '))) say(`sent ${sent.filter((request) => !request.startsWith('GET ')).join(', ')}`);
		if (JSON.stringify(after) !== JSON.stringify(before)) say('changed the sandbox state');

		// three items with Continue On Fail: each error item names its own item
		const continued = await runSteps(sandbox, [inputFor(testCase, 3), quatrixStep(params, { onError: 'continueRegularOutput' })]);
		const out = continued.output('Quatrix');
		if (out.length !== 3) say(`${out.length} items out of 3 with Continue On Fail`);
		out.forEach((item, n) => {
			if (typeof item.json.error !== 'string') say(`item ${n} is not an error item`);
			else if (!testCase.apiError && !new RegExp(`\\(item ${n}\\)`).test(item.json.error)) say(`item ${n}'s error names another item: ${item.json.error}`);
			if (JSON.stringify(item.pairedItem) !== JSON.stringify({ item: n })) say(`item ${n} paired with ${JSON.stringify(item.pairedItem)}`);
		});
		expect(problems.filter((problem) => problem.startsWith(`${testCase.name}:`))).toEqual([]);
	});

	afterAll(() => {
		console.info(`bad-input.test: ${tried} bad inputs tried`);
	});
});

describe('edges that are not mistakes', () => {
	it.each([
		['a zero-byte file', { name: 'empty.txt', bytes: 0 }],
		['a name of exactly 255 characters', { name: `${'n'.repeat(251)}.txt`, bytes: 5 }],
		['a name with accents, spaces, brackets and dots', { name: 'Été 2026 (final) v1.2..txt', bytes: 5 }],
		['a name that only contains ".." inside', { name: 'a..b', bytes: 5 }],
	])('uploads %s', async (_what, { name, bytes }) => {
		const input = inputStep(`return [{ json: {}, binary: { data: { data: Buffer.alloc(${bytes}, 120).toString('base64'), mimeType: 'text/plain', fileName: ${JSON.stringify(name)} } } }];`);
		const result = await runSteps(sandbox, [input, quatrixStep(resolved(upload()))]);
		expect(result.error).toBeUndefined();
		expect(result.output('Quatrix')[0].json).toMatchObject({ name, size: bytes });
	});

	it('accepts a Limit at both ends of its range', async () => {
		for (const limit of [1, 10000]) {
			const result = await runSteps(sandbox, [quatrixStep({ resource: 'user', operation: 'list', returnAll: false, limit, filters: {} })]);
			expect(result.error).toBeUndefined();
		}
	});
});
