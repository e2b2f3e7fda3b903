/**
 * Helpers for the Quatrix Trigger tests: a one-node workflow, a poll as n8n runs it, and a way to cut the
 * connection or fail the n-th activity request of a poll.
 */
import type { INode, IWorkflowBase } from 'n8n-workflow';

import { runPoll, type PollResult } from '../harness';
import { credentialsFor } from '../helpers/workflows';
import type { Sandbox } from '../sandbox';

export const TRIGGER = 'Quatrix Trigger';

export function triggerWorkflow(parameters: Record<string, unknown>, auth: 'password' | 'apiKey' = 'password'): IWorkflowBase {
	const credentialType = auth === 'apiKey' ? 'quatrixApiKeyApi' : 'quatrixApi';
	const node: INode = {
		id: '11111111-1111-4111-8111-111111111111',
		name: TRIGGER,
		type: 'n8n-nodes-quatrix.quatrixTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: auth, ...parameters },
		credentials: { [credentialType]: { id: '1', name: 'Quatrix' } },
	};
	return { id: 'trigger-test', name: 'Quatrix Trigger test', nodes: [node], connections: {}, active: true, settings: {} } as unknown as IWorkflowBase;
}

/** One poll; `credentials` is the store kept across polls (n8n's credentials table). */
export async function poll(
	workflow: IWorkflowBase,
	credentials: Record<string, Record<string, unknown>>,
	staticData: Record<string, unknown> | undefined,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<PollResult & { events: Array<Record<string, unknown>> }> {
	const result = await runPoll(workflow, TRIGGER, { credentials, staticData: staticData ?? {}, mode });
	return { ...result, events: (result.items?.[0] ?? []).map((item) => item.json as Record<string, unknown>) };
}

export function freshCredentials(sandbox: Sandbox) {
	return credentialsFor(sandbox) as unknown as Record<string, Record<string, unknown>>;
}

type Handler = (ctx: { res: { destroy(): void }; req: { socket: { destroy(): void } } }) => void;

/**
 * Test-only faults on GET /tracking/activity that the sandbox's queue cannot express: the n-th request from now
 * answers 500, or has its connection cut (`times` requests in a row, so that the transport's retries give up).
 */
export function activityFaults(sandbox: Sandbox) {
	const router = sandbox.core.router as unknown as { match: (...args: unknown[]) => { kind: string; route?: { template: string; handler: Handler } } };
	const original = router.match.bind(router);
	let count = 0;
	let plan: { at: number; kind: '500' | 'cut'; times: number } | undefined;
	router.match = (...args: unknown[]) => {
		const found = original(...args);
		if (found.kind !== 'route' || found.route?.template !== '/tracking/activity') return found;
		count++;
		if (!plan || count < plan.at || count >= plan.at + plan.times) return found;
		const kind = plan.kind;
		const handler: Handler = (ctx) => {
			if (kind === 'cut') ctx.req.socket.destroy();
			else throw Object.assign(new Error('injected'), { injected: true });
		};
		return { ...found, route: { ...found.route!, handler } };
	};
	return {
		/** fail the n-th activity request from now (1 = the next one) */
		failAt(at: number, kind: '500' | 'cut', times = 1) {
			count = 0;
			plan = { at, kind, times };
		},
		clear() {
			plan = undefined;
		},
		restore() {
			router.match = original;
		},
	};
}
