import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { shareIdOf, splitList } from '../../helpers/sharing';
import { inputError, requireQuatrixId } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';
import { receivedShareLocator } from './fields';

const properties: INodeProperties[] = [
	receivedShareLocator,
	{
		displayName: 'File IDs',
		name: 'fileIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.file_id }}',
		description: 'Comma-separated IDs of the files already uploaded for returning (from Get Upload Link or Upload)',
	},
	{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'A note to the sender' },
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /files-return/send'];

export const description = updateDisplayOptions({ show: { resource: ['returnedFiles'], operation: ['send'] } }, properties);

/** Hands uploaded files to the share's sender. */
export async function sendReturnedFiles(ctx: IExecuteFunctions, i: number, shareId: string, files: string[], message: string) {
	const body: IDataObject = { id: shareId, files };
	if (message) body.message = message;
	const answer = await quatrixRequest.call(ctx, {
		method: 'POST',
		path: '/files-return/send',
		body,
		idempotent: false,
		action: 'return the files',
		itemIndex: i,
	});
	return expectShape<{ file_ids: string[] }>(ctx, 'return the files', answer, { file_ids: 'array' }, i);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = shareIdOf(this, i);
	const files = splitList(this.getNodeParameter('fileIds', i, '')).map((value) => requireQuatrixId(this, i, 'File IDs', value));
	if (!files.length) throw inputError(this, i, 'File IDs', 'is empty', 'Give the IDs of the uploaded files, e.g. {{ $json.file_id }}.');
	const sent = await sendReturnedFiles(this, i, id, files, this.getNodeParameter('message', i, '') as string);
	return [{ json: { shareId: id, ...sent } }];
}
