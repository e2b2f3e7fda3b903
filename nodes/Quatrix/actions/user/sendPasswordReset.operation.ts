import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireEmail } from '../../helpers/directory';
import { quatrixRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'Email address of the user who should get a password-reset email',
	},
];

/** The Quatrix API operations this step calls (for the coverage table). */
export const covers = ['POST /reset-password/request'];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['sendPasswordReset'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const email = requireEmail(this, i, 'Email', this.getNodeParameter('email', i));
	// An administrator's request is queued as a job (202); Quatrix answers anonymous callers with the emails (200).
	const answer = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/reset-password/request',
		body: { email: [email] },
		idempotent: false,
		action: `send a password reset to ${email}`,
		itemIndex: i,
	});
	return [{ json: { email, sent: true, ...(answer.job_id ? { jobId: answer.job_id } : {}) } }];
}
