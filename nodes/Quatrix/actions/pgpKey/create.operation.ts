import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';
import { armouredKey, keyFields } from './keyFields';

const properties: INodeProperties[] = keyFields(true);

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /pgp-key/create'];

export const description = updateDisplayOptions({ show: { resource: ['pgpKey'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body: IDataObject = {
		name: requireText(this, i, 'Name', this.getNodeParameter('name', i), 'Give the key a name.'),
		public: armouredKey(this, i, 'Public Key', this.getNodeParameter('public', i), 'PUBLIC'),
	};
	const privateKey = this.getNodeParameter('private', i, '') as string;
	if (privateKey) body.private = armouredKey(this, i, 'Private Key', privateKey, 'PRIVATE');
	return [{ json: await quatrixRequest.call(this, { method: 'POST', path: '/pgp-key/create', body, idempotent: false, action: 'store the PGP key', itemIndex: i }) }];
}
