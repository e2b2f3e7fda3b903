import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { shareLocator, sharePinOption } from '../../descriptions/sharing';
import { shareDownloadId, shareIdOf, splitList, unlockShare } from '../../helpers/sharing';
import { requireQuatrixId } from '../../helpers/validate';
import { API_PREFIX, connectionOf } from '../../transport/request';

const properties: INodeProperties[] = [
	shareLocator({ displayOptions: {} }),
	{
		displayName: 'Only These File IDs',
		name: 'fileIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3f2b9c1e-…, 7a1c…',
		description: 'Comma-separated IDs of some of the share\'s files (see Get Files). Empty: every file of the share.',
	},
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [sharePinOption] },
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['GET /share/download-link/{id}', 'POST /share/download-link/{id}', 'POST /share/login-pin', 'POST /quicklink/login-pin'];

export const description = updateDisplayOptions({ show: { resource: ['share'], operation: ['getDownloadLink'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const shareId = shareIdOf(this, i);
	const fileIds = splitList(this.getNodeParameter('fileIds', i, '')).map((value) => requireQuatrixId(this, i, 'Only These File IDs', value));
	await unlockShare(this, i, shareId, (this.getNodeParameter('options', i, {}) as { pin?: string }).pin);
	const downloadId = await shareDownloadId(this, i, shareId, fileIds);
	const { baseUrl } = await connectionOf(this);
	return [
		{
			json: {
				shareId,
				downloadId,
				// Quatrix serves this without signing in: the download id is the permission.
				url: `${baseUrl}${API_PREFIX}/share/download/${downloadId}`,
				files: fileIds.length ? fileIds : 'all',
			},
		},
	];
}
