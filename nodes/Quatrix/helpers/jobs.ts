import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { getFolderContent } from './locators';

/** How a copy's result is looked for: Quatrix has no job-status call, so we watch the destination. */
export const JOB_WAIT = { pollMs: 500, defaultSeconds: 60 };

/** `report.pdf` also matches `report(1).pdf`, the name Quatrix gives a copy when the name is taken. */
export function isResolvedNameOf(candidate: string, original: string): boolean {
	if (candidate === original) return true;
	const dot = original.lastIndexOf('.');
	const [base, ext] = dot > 0 ? [original.slice(0, dot), original.slice(dot)] : [original, ''];
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^${escape(base)}\\(\\d+\\)${escape(ext)}$`).test(candidate);
}

/**
 * Waits until `folderId` holds a child that was not there before and carries `name` (or its renamed form).
 * Returns it, or undefined when the time is up.
 */
export async function waitForNewChild(
	ctx: IExecuteFunctions,
	folderId: string,
	name: string,
	before: Set<string>,
	seconds: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const deadline = Date.now() + seconds * 1000;
	for (;;) {
		const listing = await getFolderContent(ctx, folderId, itemIndex);
		const found = (listing.content ?? []).find((child) => !before.has(child.id) && isResolvedNameOf(child.name, name));
		if (found) return found;
		if (Date.now() + JOB_WAIT.pollMs > deadline) return undefined;
		await sleep(JOB_WAIT.pollMs);
	}
}
