import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_TYPES } from '../transport/request';

/** The two credentials, each shown for its choice of Authentication (the node and the trigger share them). */
export const quatrixCredentials: INodeCredentialDescription[] = [
	{ name: CREDENTIAL_TYPES.password, required: true, displayOptions: { show: { authentication: ['password'] } } },
	{ name: CREDENTIAL_TYPES.apiKey, required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Email and Password', value: 'password' },
		{ name: 'API Key', value: 'apiKey' },
	],
	default: 'password',
};
