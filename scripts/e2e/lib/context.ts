import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nRuntime } from './n8n';
import type { PackedPackage } from './package';
import { REPO } from './package';
import type { SandboxInfo } from './sandbox';

export interface E2eContext {
	runtime: N8nRuntime;
	workDir: string;
	pkg: PackedPackage;
	sandbox: SandboxInfo;
	/** set by a part to stop what it started; run.ts calls it after the part, pass or fail */
	cleanupPart?: () => Promise<void>;
}

/** Credential ids the e2e workflows (scripts/e2e/workflows) refer to. */
export const CREDENTIAL_IDS = { password: 'e2eQxPassword01', apiKey: 'e2eQxApiKey0001' } as const;

/** Both credential types, pointing at the sandbox, in the shape `n8n import:credentials` takes. */
export function sandboxCredentials(sandbox: SandboxInfo) {
	return [
		{
			id: CREDENTIAL_IDS.password,
			name: 'Quatrix sandbox (email and password)',
			type: 'quatrixApi',
			data: { site: sandbox.url, email: sandbox.email, password: sandbox.password, allowUnauthorizedCerts: false },
		},
		{
			id: CREDENTIAL_IDS.apiKey,
			name: 'Quatrix sandbox (API key)',
			type: 'quatrixApiKeyApi',
			data: { site: sandbox.url, apiKey: sandbox.apiKey, allowUnauthorizedCerts: false },
		},
	];
}

export const WORKFLOWS_DIR = join(__dirname, '..', 'workflows');

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; credentials?: Record<string, { id: string; name: string }> }>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export function loadWorkflow(file: string): WorkflowJson {
	return JSON.parse(readFileSync(file.includes('/') ? file : join(WORKFLOWS_DIR, file), 'utf8')) as WorkflowJson;
}

/** The example workflows (examples/*.json) that exist right now. */
export function exampleWorkflowFiles(): string[] {
	const dir = join(REPO, 'examples');
	try {
		return readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.sort()
			.map((f) => join(dir, f));
	} catch {
		return [];
	}
}

/** Parses the JSON that `n8n execute --rawOutput` prints after any log lines. */
export function parseExecuteOutput(stdout: string): {
	status?: string;
	finished?: boolean;
	data: { resultData: { error?: { message?: string }; runData: Record<string, Array<{ error?: { message?: string }; data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
} {
	const start = stdout.search(/^\{/m);
	if (start < 0) throw new Error(`n8n execute printed no JSON:\n${stdout.slice(-3000)}`);
	return JSON.parse(stdout.slice(start));
}

/** The items a node put out on its first output in the first run. */
export function nodeOutput(execution: ReturnType<typeof parseExecuteOutput>, node: string) {
	const run = execution.data.resultData.runData[node]?.[0];
	if (!run) throw new Error(`node "${node}" did not run`);
	if (run.error) throw new Error(`node "${node}" failed: ${run.error.message}`);
	return (run.data?.main?.[0] ?? []).map((item) => item.json);
}

/** The same bytes as the "Make File" Code node of cli-roundtrip.json. */
export function expectedE2eFile(): Buffer {
	const size = 3 * 1024 * 1024 + 123;
	const bytes = Buffer.alloc(size);
	let x = 0x2545f491;
	for (let i = 0; i < size; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		bytes[i] = x & 255;
	}
	return bytes;
}
