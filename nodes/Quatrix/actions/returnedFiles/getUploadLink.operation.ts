import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { shareIdOf } from '../../helpers/sharing';
import { inputError, requireItemName, requireQuatrixId } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';
import { receivedShareLocator, returnFolderField } from './fields';

const properties: INodeProperties[] = [
	receivedShareLocator,
	{ displayName: 'File Name', name: 'name', type: 'string', default: '', required: true, description: 'Name of the file you will upload' },
	returnFolderField,
	{
		displayName: 'File Size (Bytes)',
		name: 'fileSize',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Size of the file, if known. 0: not given.',
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /files-return/upload-link/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['returnedFiles'], operation: ['getUploadLink'] } }, properties);

/** Reserves a returned file; the answer's upload_key takes the bytes (chunked upload, then finalize). */
export async function returnUploadLink(ctx: IExecuteFunctions, i: number, shareId: string, body: IDataObject) {
	const answer = await quatrixRequest.call(ctx, {
		method: 'POST',
		path: `/files-return/upload-link/${shareId}`,
		body,
		idempotent: false,
		action: `start returning "${String(body.name)}"`,
		itemIndex: i,
	});
	return expectShape<{ upload_key: string; file_id: string; parent_id: string }>(
		ctx,
		'start returning a file',
		answer,
		{ upload_key: 'string', file_id: 'string' },
		i,
	);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = shareIdOf(this, i);
	const name = requireItemName(this, i, 'File Name', this.getNodeParameter('name', i));
	const parent = String(this.getNodeParameter('parentId', i, '') ?? '').trim();
	const fileSize = this.getNodeParameter('fileSize', i, 0) as number;
	if (!(fileSize >= 0) || !Number.isInteger(fileSize)) throw inputError(this, i, 'File Size (Bytes)', `${fileSize} is not a size`, 'Give a whole number of bytes, or 0.');
	const body: IDataObject = { name };
	if (parent) body.parent_id = requireQuatrixId(this, i, 'In Folder ID', parent);
	if (fileSize > 0) body.file_size = fileSize;
	const link = await returnUploadLink(this, i, id, body);
	return [{ json: { ...link, name, shareId: id } }];
}
