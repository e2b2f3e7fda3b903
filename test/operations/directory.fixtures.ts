/** Shared bits of the user, contact, group, project folder, automation and admin workflow tests. */
import type { IDataObject } from 'n8n-workflow';

import type { RunResult } from '../harness';
import type { Sandbox } from '../sandbox';
import { inputStep, quatrixStep, runSteps } from '../helpers/workflows';

/** Runs one Quatrix step (API key) with these parameters, optionally after input items. */
export async function step(sandbox: Sandbox, parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>, onError?: 'continueRegularOutput'): Promise<RunResult> {
	const quatrix = quatrixStep(parameters, { auth: 'apiKey', onError });
	return await runSteps(sandbox, items ? [inputStep(items), quatrix] : [quatrix]);
}

export const json = (result: RunResult): IDataObject[] => result.output('Quatrix').map((item) => item.json);

/** Runs a step that must succeed and returns its output JSON. */
export async function ok(sandbox: Sandbox, parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>): Promise<IDataObject[]> {
	const result = await step(sandbox, parameters, items);
	if (result.error) throw result.error;
	return json(result);
}

export const requestsTo = (sandbox: Sandbox, route: string) => sandbox.requests.filter((request) => `${request.method} ${request.route}` === route).length;

export const PUBLIC_KEY = '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQENBFsandboxkey\n-----END PGP PUBLIC KEY BLOCK-----';
export const PRIVATE_KEY = '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBFsandboxkey\n-----END PGP PRIVATE KEY BLOCK-----';
export const SSH_KEY = `ssh-rsa ${Buffer.alloc(300, 7).toString('base64')} n8n@sandbox`;
