/**
 * Builds small workflows for tests: a manual trigger, optional input items, then Quatrix steps in a line.
 * Every test runs real workflow JSON through n8n-core with the built nodes (see test/harness).
 */
import type { INode, IWorkflowBase } from 'n8n-workflow';

import { runWorkflow, type RunOptions, type RunResult } from '../harness';
import type { Sandbox } from '../sandbox';

export type Auth = 'password' | 'apiKey';

let counter = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

export function credentialsFor(sandbox: Sandbox, extra: Record<string, unknown> = {}) {
	return {
		quatrixApi: { site: sandbox.url, email: sandbox.admin.email, password: sandbox.admin.password, allowUnauthorizedCerts: false, ...extra },
		quatrixApiKeyApi: { site: sandbox.url, apiKey: sandbox.admin.apiKey, allowUnauthorizedCerts: false, ...extra },
	};
}

export interface StepOptions {
	name?: string;
	auth?: Auth;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	executeOnce?: boolean;
}

/** A Quatrix node with these parameters. `authentication` defaults to email + password. */
export function quatrixStep(parameters: Record<string, unknown>, options: StepOptions = {}): INode {
	const auth = options.auth ?? 'password';
	const credentialType = auth === 'apiKey' ? 'quatrixApiKeyApi' : 'quatrixApi';
	return {
		id: nextId(),
		name: options.name ?? 'Quatrix',
		type: 'n8n-nodes-quatrix.quatrix',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: auth, ...parameters },
		credentials: { [credentialType]: { id: '1', name: 'Quatrix' } },
		...(options.onError ? { onError: options.onError } : {}),
		...(options.executeOnce ? { executeOnce: true } : {}),
	} as INode;
}

/** A Code node that outputs the given items (JSON only) or runs the given JavaScript. */
export function inputStep(itemsOrCode: Array<Record<string, unknown>> | string, name = 'Input'): INode {
	const jsCode = typeof itemsOrCode === 'string' ? itemsOrCode : `return ${JSON.stringify(itemsOrCode.map((json) => ({ json })))};`;
	return { id: nextId(), name, type: 'n8n-nodes-base.code', typeVersion: 2, position: [0, 0], parameters: { jsCode } } as INode;
}

/** A Code node making `count` binary files named file-<n>.txt with `bytes` bytes each (in property `data`). */
export function filesStep(count: number, bytes = 1000, name = 'Files'): INode {
	return inputStep(
		`const out = [];
for (let n = 0; n < ${count}; n++) {
  const text = Array.from({ length: ${bytes} }, (_, k) => String.fromCharCode(97 + ((n + k) % 26))).join('');
  out.push({ json: { n }, binary: { data: { data: Buffer.from(text).toString('base64'), mimeType: 'text/plain', fileName: 'file-' + n + '.txt' } } });
}
return out;`,
		name,
	);
}

/** Reads a file from disk into binary data (streamed), as n8n's Read/Write Files from Disk node does. */
export function readFileStep(path: string, name = 'Read File'): INode {
	return { id: nextId(), name, type: 'n8n-nodes-base.readWriteFile', typeVersion: 1, position: [0, 0], parameters: { operation: 'read', fileSelector: path, options: {} } } as INode;
}

export function workflowOf(...steps: INode[]): IWorkflowBase {
	const trigger = {
		id: nextId(),
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	} as INode;
	const nodes = [trigger, ...steps].map((node, index) => ({ ...node, position: [index * 220, 300] as [number, number] }));
	const connections: IWorkflowBase['connections'] = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id: 'test', name: 'test', active: false, nodes, connections, settings: { executionOrder: 'v1' } } as unknown as IWorkflowBase;
}

/** Runs steps after a manual trigger with the sandbox's credentials. */
export async function runSteps(sandbox: Sandbox, steps: INode[], options: RunOptions = {}): Promise<RunResult> {
	return await runWorkflow(workflowOf(...steps), { credentials: credentialsFor(sandbox), ...options });
}

/** Locator values as n8n stores them. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byPath = (value: string) => ({ __rl: true, mode: 'path', value });
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
