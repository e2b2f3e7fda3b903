import type { E2eContext } from '../lib/context';

export async function runQueuePart(ctx: E2eContext) {
	void ctx;
	throw new Error('not written yet');
}
