/**
 * Fixtures for the share, quicklink, file request, returned files, inbox and activity tests: a sandbox with a
 * second user (the recipient), folders and files made directly in the sandbox state.
 */
import { DEFAULT_ADMIN, startSandbox, type Sandbox } from '../sandbox';
import type { FileNode } from '../sandbox';

export const RECIPIENT = { email: 'bob@sandbox.test', password: 'Bob-Passw0rd!', name: 'Bob Recipient', apiKey: 'qx_sandbox_bob_api_key_0002' };

export async function startSharingSandbox(): Promise<Sandbox> {
	return await startSandbox({ users: [DEFAULT_ADMIN, RECIPIENT] });
}

export function recipientOf(sandbox: Sandbox) {
	const bob = sandbox.state.userByEmail(RECIPIENT.email)!;
	return { id: bob.id, email: bob.email, homeId: bob.homeId };
}

/** Credentials of the recipient (API key), for steps run as Bob. */
export function recipientCredentials(sandbox: Sandbox) {
	return { quatrixApiKeyApi: { site: sandbox.url, apiKey: RECIPIENT.apiKey, allowUnauthorizedCerts: false } };
}

/** A folder in the admin's home with `count` small files; returns their ids. */
export function folderWithFiles(sandbox: Sandbox, name: string, count: number): { folderId: string; fileIds: string[] } {
	const st = sandbox.state;
	const home = st.files.get(sandbox.admin.homeId)!;
	const folder: FileNode = st.newNode({ parent_id: home.id, name, type: 'D', owner_id: home.owner_id });
	st.attach(home, folder);
	return { folderId: folder.id, fileIds: sandbox.seedFiles(folder.id, count, `${name}-`) };
}

export const requestsTo = (sandbox: Sandbox, route: string) => sandbox.requests.filter((request) => `${request.method} ${request.route}` === route).length;
