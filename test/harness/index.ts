/**
 * Test harness: runs workflow JSON through n8n-core's WorkflowExecute with this package's built
 * nodes (dist/), stand-ins for the n8n base nodes example workflows use, an in-memory credentials
 * helper that behaves like n8n's, and n8n-core's binary data service (filesystem mode by default).
 *
 * Import this module before anything else that touches n8n-core's DI container: it points n8n's
 * user folder at a temp directory on import.
 */
import './environment';

export type { IRunData, INodeExecutionData, INodeTypes, ICredentialsHelper, IWorkflowBase } from 'n8n-workflow';

export { runWorkflow, runPoll, loadWorkflow, readBinary, binaryStream } from './run';
export type { RunOptions, RunResult, PollResult } from './run';
export { testCredential } from './credential-test';
export type { CredentialTestResult } from './credential-test';
export { makeCredentialsHelper, HarnessCredentialsHelper } from './credentials-helper';
export type { CredentialsStore } from './credentials-helper';
export {
	loadNodeTypes,
	loadCredentialTypes,
	registerNodeType,
	registerCredentialType,
	skippedPackageFiles,
	PACKAGE_ROOT,
} from './types-registry';
export { harnessRoot, type BinaryMode } from './environment';
