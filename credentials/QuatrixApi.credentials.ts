import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { allowUnauthorizedCertsProperty, SITE_BASE_URL_EXPRESSION, siteBaseUrl, siteProperty } from './site';

/** Quatrix's answer when the account also needs a second factor: n8n cannot type a one-time code. */
const MFA_REQUIRED = 207;

export class QuatrixApi implements ICredentialType {
	name = 'quatrixApi';

	displayName = 'Quatrix API';

	icon = { light: 'file:quatrix.svg', dark: 'file:quatrix.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-quatrix/n8n-nodes-quatrix#credentials';

	properties: INodeProperties[] = [
		siteProperty,
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			// Filled by preAuthentication; n8n logs in again when it is empty or a request gets a 401.
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		allowUnauthorizedCertsProperty,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const base = siteBaseUrl(credentials.site);
		let response;
		try {
			response = (await this.helpers.httpRequest({
				method: 'GET',
				url: `${base}/api/1.0/session/login`,
				auth: { username: String(credentials.email ?? ''), password: String(credentials.password ?? '') },
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				skipSslCertificateValidation: credentials.allowUnauthorizedCerts === true,
			})) as { statusCode: number; body: unknown; headers: Record<string, string | undefined> };
		} catch (error) {
			const reason = (error as { code?: string }).code ?? (error as Error).message;
			throw new Error(`Could not reach the Quatrix site ${base} to sign in (${reason}). Check the Site field.`);
		}
		const { statusCode, body, headers } = response;
		const serverMessage =
			body && typeof body === 'object' && typeof (body as { msg?: unknown }).msg === 'string'
				? ` Quatrix said: "${(body as { msg: string }).msg}".`
				: '';
		if (statusCode === MFA_REQUIRED) {
			throw new Error(
				'This Quatrix user must confirm each sign-in with a second factor (2FA code or PIN), which n8n cannot type. ' +
					'Create an API key in Quatrix (Profile → API keys) and use the "Quatrix API Key API" credential instead.',
			);
		}
		if (statusCode === 401 || statusCode === 403) {
			throw new Error(`Quatrix refused the email or password (HTTP ${statusCode}).${serverMessage}`);
		}
		if (statusCode === 404 || typeof body !== 'object' || body === null) {
			throw new Error(
				`No Quatrix site answers at ${base} (HTTP ${statusCode}). Check the Site field: your site name, e.g. acme or acme.quatrix.it.`,
			);
		}
		if (statusCode >= 300) {
			throw new Error(`Signing in to Quatrix failed (HTTP ${statusCode}).${serverMessage}`);
		}
		const sessionId = (body as { session_id?: unknown }).session_id ?? headers?.['x-auth-token'];
		if (typeof sessionId !== 'string' || sessionId === '') {
			throw new Error('Quatrix accepted the sign-in but sent no session id.');
		}
		return { sessionToken: sessionId };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-Auth-Token': '={{$credentials.sessionToken}}',
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
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Quatrix refused the session: check the email and password' },
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: 'No Quatrix site answers at this address: check the Site field' },
			},
		],
	};
}
