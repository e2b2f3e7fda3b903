import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkMoreFileIds, encodePin, listTracking, resolveFileIds, trackingKindOf, trackingStateOf } from '../../helpers/sharing';
import { quatrixRequest } from '../../transport/request';
import { expectArray, expectShape } from '../../transport/shape';
import { createQuicklink, quicklinkFields } from './create.operation';

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /profile', 'GET /tracking/{id}', 'GET /tracking/files/{id}', 'POST /quicklink/create'];

export const description = updateDisplayOptions({ show: { resource: ['quicklink'], operation: ['getOrCreate'] } }, quicklinkFields);

const sameSet = (a: string[], b: Set<string>) => a.length === b.size && a.every((id) => b.has(id));

/**
 * Your newest active quicklink for exactly these files, found through your tracking list, or a new one.
 * Running a workflow again therefore does not pile up links.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as { pin?: string; subject?: string };
	encodePin(this, i, options.pin);
	const moreFileIds = this.getNodeParameter('moreFileIds', i, '');
	checkMoreFileIds(this, i, moreFileIds);
	const files = await resolveFileIds(this, i, moreFileIds);

	const profile = expectShape<{ id: string }>(
		this,
		'read your profile',
		await quatrixRequest.call(this, { method: 'GET', path: '/profile', action: 'read your profile', itemIndex: i }),
		{ id: 'string' },
		i,
	);
	const now = Date.now() / 1000;
	const candidates = (await listTracking(this, profile.id, i))
		.filter((row) => trackingKindOf(row) === 'quicklink' && trackingStateOf(row, now) === 'active')
		.sort((a, b) => Number(b.created ?? 0) - Number(a.created ?? 0));
	for (const candidate of candidates) {
		const answer = await quatrixRequest.call(this, {
			method: 'GET',
			path: `/tracking/files/${String(candidate.id)}`,
			action: 'read the files of a quicklink',
			itemIndex: i,
		});
		// unknown: whether these ids are always the file ids; where they are not, nothing matches and a link is made.
		const shared = new Set(expectArray(this, 'read the files of a quicklink', answer, i).map((file) => String(file.id).toLowerCase()));
		if (sameSet(files, shared)) {
			const found: IDataObject = { ...candidate, files, created: false, createdAt: candidate.created };
			return [{ json: found }];
		}
	}
	const quicklink = await createQuicklink(this, i, files, options);
	return [{ json: { ...quicklink, files, created: true, pinProtected: !!options.pin } }];
}
