/**
 * Runs workflow JSON through n8n-core's `WorkflowExecute` the way n8n runs a full manual
 * execution ("Execute workflow" in the editor: `new WorkflowExecute(additionalData, 'manual').run(...)`),
 * and runs a polling node's `poll()` once the way n8n's active-workflow machinery does.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';

import { Container } from '@n8n/di';
import {
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	PollContext,
	PollTriggerExecutor,
	WorkflowExecute,
} from 'n8n-core';
import type {
	IBinaryData,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IRunData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { UnexpectedError, Workflow } from 'n8n-workflow';

import { makeCredentialsHelper, type CredentialsStore, type HarnessCredentialsHelper } from './credentials-helper';
import { binaryReader, useBinaryMode, type BinaryMode } from './environment';
import { loadNodeTypes } from './types-registry';

export interface RunOptions {
	/** credential type name → decrypted data, e.g. `{ quatrixApi: { site, email, password } }`.
	 * Updated in place (new session tokens), like n8n's credentials table. */
	credentials?: Record<string, Record<string, unknown>>;
	/** 'filesystem' (default, n8n 2.x's default) or 'default' (inline base64) */
	binaryMode?: BinaryMode;
	/** the workflow's timezone (settings.timezone); n8n's default is America/New_York */
	timezone?: string;
	/** workflow static data in; the result has it out */
	staticData?: Record<string, unknown>;
	/** start from this node instead of the one n8n would pick */
	startNode?: string;
}

export interface RunResult {
	status: 'success' | 'error';
	error?: Error;
	runData: IRunData;
	/** the last run's items of that node on that output (default 0); [] when it did not run */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	readBinary(item: INodeExecutionData, property?: string): Promise<Buffer>;
	binaryStream(item: INodeExecutionData, property?: string): Promise<Readable>;
	staticData: Record<string, unknown>;
	credentialsStore: Record<string, Record<string, unknown>>;
	/** how many times a credential's preAuthentication actually ran (logins) */
	preAuthCalls: number;
	/** the full IRun n8n-core returned */
	run: IRun;
	executionId: string;
}

const BASE_URL = 'http://localhost:5678';
let executionCounter = 0;

export function loadWorkflow(workflow: IWorkflowBase | string): IWorkflowBase {
	if (typeof workflow !== 'string') return workflow;
	return JSON.parse(readFileSync(workflow, 'utf8')) as IWorkflowBase;
}

function toWorkflow(data: IWorkflowBase, opts: RunOptions): Workflow {
	return new Workflow({
		id: data.id || 'harness-workflow',
		name: data.name,
		nodes: data.nodes,
		connections: data.connections,
		active: false,
		nodeTypes: loadNodeTypes(),
		staticData: structuredClone((opts.staticData ?? data.staticData ?? {}) as IDataObject),
		settings: { ...(data.settings ?? {}), ...(opts.timezone ? { timezone: opts.timezone } : {}) },
		pinData: data.pinData,
	});
}

function plainStaticData(workflow: Workflow): Record<string, unknown> {
	return JSON.parse(JSON.stringify(workflow.staticData ?? {})) as Record<string, unknown>;
}

/** additionalData as n8n's WorkflowExecuteAdditionalData.getBase() builds it, minus the server. */
export function makeAdditionalData(
	credentialsHelper: HarnessCredentialsHelper,
	workflowData: IWorkflowBase,
	mode: WorkflowExecuteMode,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	return {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		userId: 'harness-user',
		workflowId: workflowData.id,
		projectId: 'harness-project',
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: `${BASE_URL}/`,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		currentNodeParameters: undefined,
		variables: {},
		workflowSettings: workflowData.settings,
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		executeWorkflow: async () => {
			throw new UnexpectedError('Sub-workflows are not supported by the test harness');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new UnexpectedError('Task runners are not available in the test harness');
		},
		logAiEvent: () => {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
	} as IWorkflowExecuteAdditionalData;
}

function binaryOf(item: INodeExecutionData, property: string): IBinaryData {
	const binary = item.binary?.[property];
	if (!binary) {
		throw new UnexpectedError(`Item has no binary property "${property}"`, {
			extra: { has: Object.keys(item.binary ?? {}) },
		});
	}
	return binary;
}

export async function readBinary(item: INodeExecutionData, property = 'data'): Promise<Buffer> {
	return await (await binaryReader()).getAsBuffer(binaryOf(item, property));
}

export async function binaryStream(item: INodeExecutionData, property = 'data'): Promise<Readable> {
	const binary = binaryOf(item, property);
	if (binary.id) return await (await binaryReader()).getAsStream(binary.id);
	return Readable.from(Buffer.from(binary.data, 'base64'));
}

export async function runWorkflow(workflow: IWorkflowBase | string, opts: RunOptions = {}): Promise<RunResult> {
	await useBinaryMode(opts.binaryMode ?? 'filesystem');
	const data = loadWorkflow(workflow);
	const store: CredentialsStore = opts.credentials ?? {};
	const credentialsHelper = makeCredentialsHelper(store);
	const wf = toWorkflow(data, opts);
	const executionId = `harness-${++executionCounter}`;
	const additionalData = makeAdditionalData(credentialsHelper, { ...data, id: wf.id }, 'manual', executionId);

	let startNode: INode | undefined;
	if (opts.startNode) {
		startNode = wf.getNode(opts.startNode) ?? undefined;
		if (!startNode) throw new UnexpectedError(`No node "${opts.startNode}" in the workflow`);
	}

	const workflowExecute = new WorkflowExecute(additionalData, 'manual');
	const run = await workflowExecute.run({ workflow: wf, startNode, pinData: data.pinData });

	const runData = run.data.resultData.runData;
	const error = run.data.resultData.error as Error | undefined;
	return {
		status: error || run.status === 'error' || run.status === 'crashed' ? 'error' : 'success',
		error,
		runData,
		output(nodeName, outputIndex = 0) {
			const runs = runData[nodeName];
			return runs?.[runs.length - 1]?.data?.main?.[outputIndex] ?? [];
		},
		readBinary,
		binaryStream,
		staticData: plainStaticData(wf),
		credentialsStore: store,
		preAuthCalls: credentialsHelper.preAuthCalls,
		run,
		executionId,
	};
}

export interface PollResult {
	/** what poll() returned (null: nothing new) */
	items: INodeExecutionData[][] | null;
	/** workflow static data after the poll: pass it back as `staticData` for the next poll */
	staticData: Record<string, unknown>;
	error?: Error;
	credentialsStore: Record<string, Record<string, unknown>>;
	preAuthCalls: number;
}

/**
 * Runs the polling node's poll() once. mode 'trigger' (default) is an active workflow's scheduled
 * poll (n8n-core's PollTriggerExecutor, errors reported through __emitError and returned here);
 * mode 'manual' is the editor's "Fetch test event" (errors thrown by the poll are returned too).
 */
export async function runPoll(
	workflow: IWorkflowBase | string,
	triggerNodeName: string,
	opts: RunOptions & { mode?: 'trigger' | 'manual' } = {},
): Promise<PollResult> {
	await useBinaryMode(opts.binaryMode ?? 'filesystem');
	const data = loadWorkflow(workflow);
	const mode = opts.mode ?? 'trigger';
	const store: CredentialsStore = opts.credentials ?? {};
	const credentialsHelper = makeCredentialsHelper(store);
	const wf = toWorkflow(data, opts);
	const node = wf.getNode(triggerNodeName);
	if (!node) throw new UnexpectedError(`No node "${triggerNodeName}" in the workflow`);
	const executionId = `harness-poll-${++executionCounter}`;
	const additionalData = makeAdditionalData(credentialsHelper, { ...data, id: wf.id }, mode, executionId);

	let items: INodeExecutionData[][] | null = null;
	let error: Error | undefined;
	const pollFunctions = new PollContext(
		wf,
		node,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
		(emitted) => {
			items = emitted;
		},
		(emittedError) => {
			error = emittedError;
		},
	);

	const executePoll = Container.get(PollTriggerExecutor).create(wf, node, pollFunctions, () => true);
	try {
		await executePoll(mode === 'manual');
	} catch (thrown) {
		error = thrown as Error;
	}
	return {
		items,
		staticData: plainStaticData(wf),
		error,
		credentialsStore: store,
		preAuthCalls: credentialsHelper.preAuthCalls,
	};
}
