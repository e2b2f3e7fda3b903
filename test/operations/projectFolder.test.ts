/**
 * The Project Folder resource against the sandbox, through real workflows. Convention for the coverage test:
 * every node operation run here is named in a `describe('projectFolder.<operation>')` block.
 */
import { DEFAULT_ADMIN, startSandbox, type Sandbox } from '../sandbox';
import { byId, byPath } from '../helpers/workflows';
import { ok, requestsTo, step } from './directory.fixtures';

const MEMBER = { email: 'member@sandbox.test', password: 'Member-Passw0rd!', name: 'Member' };
let sandbox: Sandbox;
let memberId: string;
beforeAll(async () => {
	sandbox = await startSandbox({ users: [DEFAULT_ADMIN, MEMBER] });
	memberId = sandbox.state.userByEmail(MEMBER.email)!.id;
});
afterAll(async () => await sandbox.stop());

async function projectFolder(name: string, permission = 'readAndWrite') {
	await ok(sandbox, { resource: 'folder', operation: 'create', name, folder: byPath('/'), conflict: 'useExisting' });
	const [project] = await ok(sandbox, {
		resource: 'projectFolder',
		operation: 'create',
		folder: byPath(`/${name}`),
		name: '',
		members: { member: [{ userId: memberId, permission, notify: true }] },
		notify: false,
	});
	return String(project.id);
}

describe('projectFolder.create', () => {
	it("turns a folder into a project folder named after it, with a member's permission preset", async () => {
		const id = await projectFolder('Apollo', 'listAndRead');
		const stored = sandbox.state.projectFolders.get(id)!;
		expect(stored.name).toBe('Apollo');
		expect((stored.members as Map<string, { operations: number }>).get(memberId)?.operations).toBe(3);
	});

	it('names the item and field of a missing member and sends nothing', async () => {
		sandbox.resetLog();
		const result = await step(sandbox, { resource: 'projectFolder', operation: 'create', folder: byPath('/'), name: 'x', members: {}, notify: false });
		expect(result.error?.message).toBe('Members: is empty (item 0)');
		expect(requestsTo(sandbox, 'POST /project-folder/create')).toBe(0);
	});

	it('maps Quatrix refusing a second project on the same folder to a readable error', async () => {
		await projectFolder('Twice');
		const result = await step(sandbox, { resource: 'projectFolder', operation: 'create', folder: byPath('/Twice'), name: 'Twice', members: { member: [{ userId: memberId, permission: 'none' }] }, notify: false });
		expect(result.error?.message).toMatch(/failed: Object exists: the folder is already a project folder \[Quatrix code 30: Object exists\]/);
	});
});

describe('projectFolder.list', () => {
	it('lists project folders filtered by name', async () => {
		await projectFolder('Gemini');
		const rows = await ok(sandbox, { resource: 'projectFolder', operation: 'list', returnAll: true, nameContains: 'gem' });
		expect(rows).toEqual([expect.objectContaining({ name: 'Gemini', owner: expect.objectContaining({ id: sandbox.admin.id }) })]);
	});
});

describe('projectFolder.get', () => {
	it('reads a project folder with its members and their preset names', async () => {
		const id = await projectFolder('Mercury');
		const [pf] = await ok(sandbox, { resource: 'projectFolder', operation: 'get', projectFolder: byId(id) });
		expect(pf).toMatchObject({ id, folder_name: 'Mercury' });
		expect(pf.users).toEqual(expect.arrayContaining([expect.objectContaining({ user_id: memberId, permission: 'readAndWrite' })]));
	});
});

describe('projectFolder.listMembers', () => {
	it('lists members, one item each', async () => {
		const id = await projectFolder('Vostok');
		const rows = await ok(sandbox, { resource: 'projectFolder', operation: 'listMembers', projectFolder: byId(id), returnAll: true });
		expect(rows.map((r) => r.user_id).sort()).toEqual([sandbox.admin.id, memberId].sort());
		expect(rows.find((r) => r.owns)?.user_id).toBe(sandbox.admin.id);
	});
});

describe('projectFolder.addMembers', () => {
	it('adds a member with a raw permission value', async () => {
		const id = await projectFolder('Soyuz');
		const [extra] = await ok(sandbox, { resource: 'user', operation: 'create', email: 'extra@sandbox.test', name: 'Extra', additionalFields: {} });
		const rows = await ok(sandbox, { resource: 'projectFolder', operation: 'addMembers', projectFolder: byId(id), members: { member: [{ userId: extra.id, permission: 'raw', rawPermission: 17 }] } });
		expect(rows).toEqual([expect.objectContaining({ user_id: extra.id, operations: 17, permission: 'custom', projectFolderId: id })]);
	});
});

describe('projectFolder.updateMembers', () => {
	it("changes a member's permission", async () => {
		const id = await projectFolder('Salyut');
		const [row] = await ok(sandbox, { resource: 'projectFolder', operation: 'updateMembers', projectFolder: byId(id), members: { member: [{ userId: memberId, permission: 'fullAndManage' }] } });
		expect(row).toMatchObject({ user_id: memberId, operations: 255, permission: 'fullAndManage' });
	});
});

describe('projectFolder.removeMember', () => {
	it('takes a user out', async () => {
		const id = await projectFolder('Skylab');
		const [result] = await ok(sandbox, { resource: 'projectFolder', operation: 'removeMember', projectFolder: byId(id), user: byId(memberId) });
		expect(result).toEqual({ projectFolderId: id, userId: memberId, removed: true });
	});
});

describe('projectFolder.setUserAccess', () => {
	it("sets a user's permission in several project folders at once", async () => {
		const a = await projectFolder('Mir');
		const b = await projectFolder('Tiangong');
		const rows = await ok(sandbox, {
			resource: 'projectFolder',
			operation: 'setUserAccess',
			user: byId(memberId),
			projects: { project: [{ projectId: a, permission: 'listOnly' }, { projectId: b, permission: 'none', notify: false }] },
		});
		expect(rows.map((r) => [r.project_id, r.operations])).toEqual([[a, 1], [b, 0]]);
	});
});

describe('projectFolder.getMemberships', () => {
	it('lists the project folders of a user', async () => {
		const id = await projectFolder('Kosmos');
		const rows = await ok(sandbox, { resource: 'projectFolder', operation: 'getMemberships', user: byId(memberId), returnAll: true });
		expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ project_id: id, user_id: memberId, permission: 'readAndWrite' })]));
	});
});

describe('projectFolder.convertToFolder', () => {
	it('turns a project folder back into a plain folder', async () => {
		const id = await projectFolder('Buran');
		const fileId = String(sandbox.state.projectFolders.get(id)!.file_id);
		const [result] = await ok(sandbox, { resource: 'projectFolder', operation: 'convertToFolder', projectFolder: byId(id) });
		expect(result).toEqual({ id, convertedToFolder: true });
		expect(sandbox.state.projectFolders.has(id)).toBe(false);
		expect(sandbox.state.files.get(fileId)?.type).toBe('D');
	});
});
