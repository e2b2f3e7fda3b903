import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { shareIdOf } from '../../helpers/sharing';
import { requireItemName, requireQuatrixId } from '../../helpers/validate';
import { quatrixRequest } from '../../transport/request';
import { expectShape } from '../../transport/shape';
import { receivedShareLocator, returnFolderField } from './fields';

const properties: INodeProperties[] = [
	receivedShareLocator,
	{ displayName: 'Folder Name', name: 'name', type: 'string', default: '', required: true, description: 'Name of the new folder' },
	returnFolderField,
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /files-return/makedir/{id}'];

export const description = updateDisplayOptions({ show: { resource: ['returnedFiles'], operation: ['createFolder'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = shareIdOf(this, i);
	const name = requireItemName(this, i, 'Folder Name', this.getNodeParameter('name', i));
	const parent = String(this.getNodeParameter('parentId', i, '') ?? '').trim();
	const body: IDataObject = { name };
	if (parent) body.parent_id = requireQuatrixId(this, i, 'In Folder ID', parent);
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: `/files-return/makedir/${id}`,
		body,
		idempotent: false,
		action: `create the folder "${name}" for returned files`,
		itemIndex: i,
	});
	return [{ json: { ...expectShape(this, 'create a folder for returned files', answer, { id: 'string' }, i), name, shareId: id } }];
}
