import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { allowUnauthorizedCertsProperty, SITE_BASE_URL_EXPRESSION, siteProperty } from './site';

export class QuatrixApiKeyApi implements ICredentialType {
	name = 'quatrixApiKeyApi';

	displayName = 'Quatrix API Key API';

	icon = { light: 'file:quatrix.svg', dark: 'file:quatrix.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-quatrix/n8n-nodes-quatrix#credentials';

	properties: INodeProperties[] = [
		siteProperty,
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Created in Quatrix under Profile → API keys. Works for accounts with 2FA or PIN too.',
		},
		allowUnauthorizedCertsProperty,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: SITE_BASE_URL_EXPRESSION,
			url: '/api/1.0/profile',
			method: 'GET',
			skipSslCertificateValidation: '={{$credentials.allowUnauthorizedCerts}}',
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'Quatrix rejected the API key' } },
			{
				type: 'responseCode',
				properties: { value: 404, message: 'No Quatrix site answers at this address: check the Site field' },
			},
		],
	};
}
