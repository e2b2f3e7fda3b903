/**
 * The "Test" button of n8n's credential dialog, done the way n8n's CredentialsTester
 * (packages/cli/src/services/credentials-tester.service.ts) does it:
 * defaults + expressions applied to the data, then the type's `test.request` run through
 * n8n-core's RoutingNode on a temporary `n8n-nodes-base.noOp` node (so `preAuthentication`
 * runs first and its result is used), and failures mapped to n8n's messages.
 * Credential types tested by a node function (`testedBy: 'name'`) are supported too.
 */
import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialTestFunction,
	ICredentialTestRequestData,
	ICredentialsDecrypted,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { makeCredentialsHelper } from './credentials-helper';
import { ensureEnvironment } from './environment';
import { makeAdditionalData } from './run';
import { loadCredentialTypes, loadNodeTypes } from './types-registry';

export interface CredentialTestResult extends INodeCredentialTestResult {
	/** the credential data after the test (with the token a preAuthentication got) */
	data: Record<string, unknown>;
	preAuthCalls: number;
}

function getDeep(source: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => {
		if (value === null || typeof value !== 'object') return undefined;
		return (value as Record<string, unknown>)[key];
	}, source);
}

function findTestFunction(
	credentialType: string,
): ICredentialTestFunction | (ICredentialTestRequestData & { nodeType?: INodeType }) | undefined {
	const credentialTypes = loadCredentialTypes();
	const type = credentialTypes.getByName(credentialType);
	if (type.test) return { testRequest: type.test } as unknown as ICredentialTestRequestData;

	const nodeTypes = loadNodeTypes();
	for (const nodeName of credentialTypes.getSupportedNodes(credentialType)) {
		const node = nodeTypes.getByName(nodeName);
		const versions: INodeType[] =
			'nodeVersions' in node ? Object.values((node as IVersionedNodeType).nodeVersions) : [node as INodeType];
		for (const nodeType of versions) {
			for (const { name, testedBy } of nodeType.description.credentials ?? []) {
				if (name !== credentialType || !testedBy) continue;
				if (typeof testedBy === 'string') return nodeType.methods?.credentialTest?.[testedBy];
				return { nodeType, testRequest: testedBy } as ICredentialTestRequestData & { nodeType: INodeType };
			}
		}
	}
	return undefined;
}

export async function testCredential(
	typeName: string,
	data: Record<string, unknown>,
): Promise<CredentialTestResult> {
	await ensureEnvironment();
	const id = `harness-test-${typeName}`;
	const store: Record<string, Record<string, unknown>> = { [typeName]: structuredClone(data) };
	const helper = makeCredentialsHelper(store);
	const done = (result: INodeCredentialTestResult): CredentialTestResult => ({
		...result,
		data: store[typeName],
		preAuthCalls: helper.preAuthCalls,
	});

	const testFunction = findTestFunction(typeName);
	if (testFunction === undefined) {
		return done({ status: 'Error', message: 'No testing function found for this credential.' });
	}

	const credentialsDecrypted: ICredentialsDecrypted = { id, name: typeName, type: typeName, data: {} };
	const workflowData = { id: 'harness-credential-test', name: 'credential test', nodes: [], connections: {} } as never;
	const additionalData = makeAdditionalData(helper, workflowData, 'internal', 'harness-credential-test');
	try {
		credentialsDecrypted.data = await helper.applyDefaultsAndOverwrites(
			additionalData,
			structuredClone(data) as never,
			typeName,
			'internal',
		);
	} catch (error) {
		return done({ status: 'Error', message: (error as Error).message.toString() });
	}

	if (typeof testFunction === 'function') {
		const context = new CredentialTestContext();
		return done(await testFunction.call(context, credentialsDecrypted));
	}

	const baseType = testFunction.nodeType ?? loadNodeTypes().getByNameAndVersion('n8n-nodes-base.noOp');
	// n8n names the temporary node after the noOp type; its credentials helper recognises a
	// credential test by that name and a `temp` parameter, and then always runs preAuthentication.
	const nodeTypeCopy: INodeType = {
		description: {
			...baseType.description,
			name: testFunction.nodeType ? baseType.description.name : 'n8n-nodes-base.noOp',
			credentials: [{ name: typeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testFunction.testRequest.request },
					default: '',
				},
			],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeTypeCopy,
		getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeTypeCopy, version),
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: nodeTypeCopy.description.name,
		typeVersion: Array.isArray(baseType.description.version)
			? baseType.description.version.slice(-1)[0]
			: baseType.description.version,
		position: [0, 0],
		parameters: {},
		credentials: { [typeName]: { id, name: typeName } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const workflowNode = workflow.getNode(node.name)!;
	const runExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const executeData: IExecuteData = { node: workflowNode, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		workflowNode,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);

	let response;
	try {
		response = await new RoutingNode(context, nodeTypeCopy, credentialsDecrypted).runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const statusCode = cause.response.status;
			for (const rule of testFunction.testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === statusCode) {
					return done({ status: 'Error', message: rule.properties.message });
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return done({
					status: 'Error',
					message: cause.response.statusText || `Received HTTP status code: ${statusCode}`,
				});
			}
		} else if (cause?.code) {
			return done({ status: 'Error', message: cause.code });
		}
		return done({ status: 'Error', message: (error as Error).message.toString() });
	}

	for (const rule of testFunction.testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const body = response?.[0]?.[0]?.json;
			if (getDeep(body, rule.properties.key) === rule.properties.value) {
				return done({ status: 'Error', message: rule.properties.message });
			}
		}
	}
	return done({ status: 'OK', message: 'Connection successful!' });
}
