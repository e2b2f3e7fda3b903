/**
 * The sandbox's in-memory model (users, sessions, the file tree, uploads, download links, jobs,
 * activity) and the file bytes on disk under `dataDir/blobs`. Other areas (contacts, groups, shares,
 * project folders, automation …) keep their records in the maps provided here or in `ext`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import type { SandboxClock } from './clock';
import { exists, notFound } from './errors';

/** unknown: what `parent_id` the real home folder carries; the sandbox uses the nil uuid. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** `operations` bitmasks are undocumented and opaque (CATALOGUE §0); these values are the sandbox's own. */
export const OPS = { FULL: 255, HOME: 127, SYSTEM: 7, TRASH: 15 } as const;

export type FileType = 'F' | 'D' | 'T' | 'S' | 'N';

export interface FileTag {
	id: string;
	file_id: string;
	type: string;
	value: string;
}

export interface FileNode {
	id: string;
	parent_id: string;
	name: string;
	type: FileType;
	/** bytes for files; 0 for folders (the recursive size is `GET /file/size/{id}`) */
	size: number;
	created: number;
	modified: number;
	content_modified: number;
	operations: number;
	sub_type?: string;
	metadata: Record<string, unknown>;
	owner_id: string;
	creator_id: string;
	/** folders: children by id, and name → id (names are case-sensitive; unknown for the real service) */
	children?: Map<string, FileNode>;
	names?: Map<string, string>;
	/** files: bytes on disk … */
	blob?: string;
	/** … or in memory (bulk-seeded small files); written to disk on demand by fileContentPath() */
	inline?: Buffer;
	tags: FileTag[];
	/** home, Incoming/Outgoing/Projects, TRASH: cannot be renamed, moved or deleted */
	system?: boolean;
	/** set when moved to TRASH: where it came from */
	trashed_from?: string;
}

export interface User {
	id: string;
	email: string;
	password: string;
	name: string;
	apiKey: string;
	mfa?: 'PIN' | '2FA';
	mfaCode: string;
	superAdmin: boolean;
	status: 'A' | 'D' | 'R';
	homeId: string;
	incomingId: string;
	outgoingId: string;
	projectsId: string;
	trashId: string;
	uid: number;
	created: number;
	modified: number;
	lastLogin: number;
	quota: number;
}

export interface Session {
	id: string;
	userId: string;
	lastUsed: number;
	created: number;
	/** a 207 login: only `POST /session/login` accepts it */
	partial?: 'PIN' | '2FA';
	expired?: boolean;
}

export interface Upload {
	key: string;
	mode: 'new' | 'modify';
	userId: string;
	fileId: string;
	parentId: string;
	name: string;
	/** declared size (file_size or truncate); when set, Content-Range totals must equal it */
	declaredSize?: number;
	/** the Content-Range total of the first chunk; constant afterwards */
	total?: number;
	received: number;
	lastRange?: { first: number; last: number };
	tmpPath: string;
	touched: number;
	busy: boolean;
	started: number;
}

export interface DownloadLink {
	id: string;
	userId: string;
	ids: string[];
	created: number;
	used: boolean;
}

export interface Job {
	id: string;
	kind: string;
	userId: string;
	created: number;
	status: 'done';
	result?: unknown;
}

export interface ActivityEvent {
	id: string;
	timestamp: number;
	event: 'share' | 'file' | 'files-return' | string;
	action: string;
	user_id: string;
	user_name: string;
	email: string;
	user_status: 'A' | 'D' | 'R';
	protocol: 'web' | 'SFTP';
	payload: Record<string, unknown>;
	share_status: string;
	duration: number;
}

/** One change under a folder, for `GET /file/diff/{id}`. */
export interface FileChange {
	ts: number;
	/** ids of every folder the file was under (before and after, for moves) */
	ancestors: string[];
	action: string;
	snapshot: {
		id: string;
		parent_id: string;
		name: string;
		type: string;
		size: number;
		modified: number;
		operations: number;
		metadata: Record<string, unknown>;
	};
}

export type LooseRecord = { id: string; [k: string]: unknown };

export class SandboxState {
	readonly account = {
		id: randomUUID(),
		title: 'Quatrix Sandbox',
		status: 'A' as 'A' | 'S',
		language: 'en',
		plan: 'enterprise',
		storageLimit: 1024 ** 4,
	};
	readonly users = new Map<string, User>();
	readonly sessions = new Map<string, Session>();
	readonly files = new Map<string, FileNode>();
	readonly uploads = new Map<string, Upload>();
	/** upload keys that were finalized or expired, so a late call gets code 60 rather than 20 */
	readonly deadUploadKeys = new Map<string, 'finalized' | 'expired'>();
	readonly downloads = new Map<string, DownloadLink>();
	readonly jobs = new Map<string, Job>();
	readonly activity: ActivityEvent[] = [];
	readonly changes: FileChange[] = [];
	// areas added later (records are free-form until their route modules define them)
	readonly contacts = new Map<string, LooseRecord>();
	readonly groups = new Map<string, LooseRecord>();
	readonly shares = new Map<string, LooseRecord>();
	readonly projectFolders = new Map<string, LooseRecord>();
	readonly automations = new Map<string, LooseRecord>();
	/** anything else a route module needs to keep */
	readonly ext: Record<string, unknown> = {};

	readonly blobDir: string;
	readonly uploadDir: string;
	private nextUid = 1001;

	constructor(
		readonly dataDir: string,
		readonly clock: SandboxClock,
	) {
		this.blobDir = path.join(dataDir, 'blobs');
		this.uploadDir = path.join(dataDir, 'uploads');
		fs.mkdirSync(this.blobDir, { recursive: true });
		fs.mkdirSync(this.uploadDir, { recursive: true });
	}

	now(): number {
		return this.clock.now();
	}

	// ---------- users ----------

	userByEmail(email: string): User | undefined {
		const e = email.toLowerCase();
		for (const u of this.users.values()) if (u.email.toLowerCase() === e) return u;
		return undefined;
	}

	userByApiKey(key: string): User | undefined {
		for (const u of this.users.values()) if (u.apiKey === key) return u;
		return undefined;
	}

	addUser(seed: {
		email: string;
		password: string;
		name?: string;
		apiKey?: string;
		mfa?: 'PIN' | '2FA';
		mfaCode?: string;
		superAdmin?: boolean;
	}): User {
		if (this.userByEmail(seed.email)) throw new Error(`sandbox: user ${seed.email} already exists`);
		const t = this.now();
		const id = randomUUID();
		const name = seed.name ?? seed.email.split('@')[0];
		const home = this.newNode({ parent_id: NIL_UUID, name, type: 'D', owner_id: id, system: true, operations: OPS.HOME });
		const mk = (n: string, subtype: string, type: FileType = 'D', ops: number = OPS.SYSTEM) => {
			const f = this.newNode({ parent_id: home.id, name: n, type, owner_id: id, system: true, operations: ops });
			if (subtype) {
				f.sub_type = subtype;
				f.metadata = { subtype };
			}
			this.attach(home, f);
			return f;
		};
		const incoming = mk('Incoming Shares', 'incoming');
		const outgoing = mk('Outgoing Shares', 'outgoing');
		const projects = mk('Projects Shared With Me', 'projects');
		// unknown: where TRASH lives and its name; the sandbox puts it in the home folder
		const trash = mk('Trash', '', 'T', OPS.TRASH);
		const user: User = {
			id,
			email: seed.email,
			password: seed.password,
			name,
			apiKey: seed.apiKey ?? `qx_${randomUUID().replace(/-/g, '')}`,
			mfa: seed.mfa,
			mfaCode: seed.mfaCode ?? (seed.mfa === 'PIN' ? '12345' : '123456'),
			superAdmin: seed.superAdmin ?? false,
			status: 'A',
			homeId: home.id,
			incomingId: incoming.id,
			outgoingId: outgoing.id,
			projectsId: projects.id,
			trashId: trash.id,
			uid: this.nextUid++,
			created: t,
			modified: t,
			lastLogin: 0,
			quota: -1,
		};
		this.users.set(id, user);
		return user;
	}

	// ---------- file tree ----------

	newNode(p: Partial<FileNode> & { parent_id: string; name: string; type: FileType; owner_id: string }): FileNode {
		const t = this.now();
		const node: FileNode = {
			id: p.id ?? randomUUID(),
			parent_id: p.parent_id,
			name: p.name,
			type: p.type,
			size: p.size ?? 0,
			created: p.created ?? t,
			modified: p.modified ?? t,
			content_modified: p.content_modified ?? t,
			operations: p.operations ?? OPS.FULL,
			sub_type: p.sub_type,
			metadata: p.metadata ?? {},
			owner_id: p.owner_id,
			creator_id: p.creator_id ?? p.owner_id,
			tags: [],
			system: p.system,
			blob: p.blob,
			inline: p.inline,
		};
		if (p.type !== 'F') {
			node.children = new Map();
			node.names = new Map();
		}
		this.files.set(node.id, node);
		return node;
	}

	isFolder(f: FileNode): boolean {
		return f.type !== 'F' && f.children !== undefined;
	}

	/** Access rule: a user reaches the files of their own home tree. Route modules for shares / project
	 * folders may replace this (it is a plain method on purpose). */
	canAccess(userId: string, f: FileNode): boolean {
		return f.owner_id === userId;
	}

	getFile(userId: string, id: string): FileNode {
		const f = this.files.get(id.toLowerCase());
		if (!f || !this.canAccess(userId, f)) throw notFound('File', id);
		return f;
	}

	getFolder(userId: string, id: string): FileNode {
		const f = this.getFile(userId, id);
		if (!this.isFolder(f)) {
			// unknown: the real code for "not a directory" (the C# client has 91, the vendor table uses 91 for widgets)
			throw notFound('Folder', id);
		}
		return f;
	}

	attach(parent: FileNode, node: FileNode): void {
		node.parent_id = parent.id;
		parent.children!.set(node.id, node);
		parent.names!.set(node.name, node.id);
	}

	detach(node: FileNode): void {
		const parent = this.files.get(node.parent_id);
		if (!parent?.children) return;
		parent.children.delete(node.id);
		if (parent.names!.get(node.name) === node.id) parent.names!.delete(node.name);
	}

	/** Names reserved by pending uploads in a folder count as taken. */
	nameTaken(parent: FileNode, name: string, exceptId?: string): boolean {
		const id = parent.names!.get(name);
		if (id !== undefined && id !== exceptId) return true;
		for (const u of this.uploads.values()) {
			if (u.mode === 'new' && u.parentId === parent.id && u.name === name && u.fileId !== exceptId) return true;
		}
		return false;
	}

	/** `report.pdf` → `report(1).pdf`, `report(2).pdf` … (CATALOGUE §3.4) */
	uniqueName(parent: FileNode, name: string, exceptId?: string): string {
		if (!this.nameTaken(parent, name, exceptId)) return name;
		const dot = name.lastIndexOf('.');
		const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
		for (let i = 1; ; i++) {
			const candidate = `${stem}(${i})${ext}`;
			if (!this.nameTaken(parent, candidate, exceptId)) return candidate;
		}
	}

	/** The final name for `resolve`: a free name (true) or a 400 code 30 (false). */
	resolveName(parent: FileNode, name: string, resolve: boolean | undefined, exceptId?: string): string {
		if (!this.nameTaken(parent, name, exceptId)) return name;
		if (resolve === false) {
			const clash = parent.names!.get(name);
			throw exists(`Object exists: ${name}`, { name, id: clash, parent_id: parent.id });
		}
		return this.uniqueName(parent, name, exceptId);
	}

	ancestors(f: FileNode): FileNode[] {
		const out: FileNode[] = [];
		let p = this.files.get(f.parent_id);
		while (p) {
			out.push(p);
			p = this.files.get(p.parent_id);
		}
		return out;
	}

	isInTrash(f: FileNode): boolean {
		return f.type !== 'T' && this.ancestors(f).some((a) => a.type === 'T');
	}

	isDescendantOrSelf(f: FileNode, ancestorId: string): boolean {
		return f.id === ancestorId || this.ancestors(f).some((a) => a.id === ancestorId);
	}

	*walk(f: FileNode): Generator<FileNode> {
		yield f;
		if (f.children) for (const c of f.children.values()) yield* this.walk(c);
	}

	recursiveSize(f: FileNode): number {
		let s = 0;
		for (const n of this.walk(f)) if (n.type === 'F') s += n.size;
		return s;
	}

	/** Path relative to the owner's home: home is "/", a child "/a", … */
	pathOf(f: FileNode): string {
		const names: string[] = [];
		let cur: FileNode | undefined = f;
		while (cur && cur.parent_id !== NIL_UUID) {
			names.unshift(cur.name);
			cur = this.files.get(cur.parent_id);
		}
		return '/' + names.join('/');
	}

	blobPath(): string {
		return path.join(this.blobDir, randomUUID());
	}

	/** Where the bytes of a file are on disk (seeded in-memory content is written out first). */
	contentPath(f: FileNode): string {
		if (f.type !== 'F') throw new Error(`sandbox: ${f.id} is not a file`);
		if (!f.blob) {
			f.blob = this.blobPath();
			fs.writeFileSync(f.blob, f.inline ?? Buffer.alloc(0));
			f.inline = undefined;
		}
		return f.blob;
	}

	/** Deep copy of a subtree (content included) into `target`, with the given top-level name. */
	copySubtree(src: FileNode, target: FileNode, name: string, userId: string): FileNode {
		const t = this.now();
		const copy = this.newNode({
			parent_id: target.id,
			name,
			type: src.type === 'T' ? 'D' : src.type,
			size: src.size,
			created: t,
			modified: src.type === 'F' ? src.modified : t,
			content_modified: src.content_modified,
			owner_id: target.owner_id,
			creator_id: userId,
			metadata: src.system ? {} : { ...src.metadata },
		});
		if (src.type === 'F') {
			if (src.blob) {
				copy.blob = this.blobPath();
				fs.copyFileSync(src.blob, copy.blob);
			} else {
				copy.inline = src.inline;
			}
		}
		this.attach(target, copy);
		if (src.children) {
			for (const c of [...src.children.values()]) this.copySubtree(c, copy, c.name, userId);
		}
		return copy;
	}

	/** Remove a subtree for good, bytes included. */
	purge(f: FileNode): void {
		this.detach(f);
		for (const n of [...this.walk(f)]) {
			this.files.delete(n.id);
			if (n.blob) fs.rm(n.blob, { force: true }, () => undefined);
		}
	}

	// ---------- misc ----------

	addJob(kind: string, userId: string, result?: unknown): Job {
		const job: Job = { id: randomUUID(), kind, userId, created: this.now(), status: 'done', result };
		this.jobs.set(job.id, job);
		return job;
	}

	/** Drop upload keys idle for longer than `ttl` seconds (and their partial bytes). */
	sweepUploads(ttl: number): void {
		const t = this.now();
		for (const u of [...this.uploads.values()]) {
			if (!u.busy && t - u.touched > ttl) this.expireUpload(u);
		}
	}

	expireUpload(u: Upload): void {
		this.uploads.delete(u.key);
		this.deadUploadKeys.set(u.key, 'expired');
		// A chunk still being received removes the file itself when it ends (and answers "expired").
		if (!u.busy) fs.rm(u.tmpPath, { force: true }, () => undefined);
	}
}
