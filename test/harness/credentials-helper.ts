/**
 * An `ICredentialsHelper` that behaves like n8n's `CredentialsHelper` (packages/cli/src/credentials-helper.ts)
 * with an in-memory store in place of the credentials table:
 *
 * - `getDecrypted` reads the stored data for the credential type, applies the type's defaults
 *   (so a never-filled hidden `sessionToken` reads as ''), and resolves expressions in the values
 *   the way n8n does (against the running item when n8n-core passes resolve values, otherwise
 *   against an empty mock workflow);
 * - `authenticate` applies the type's `authenticate` (a function, or generic with `={{$credentials.x}}`
 *   expressions in headers / qs / body / auth);
 * - `preAuthentication` only for types that have a hidden `expirable` property and a
 *   `preAuthentication` function: runs it when that property is empty or `credentialsExpired`
 *   is true, merges the result and writes it back to the store (`updateCredentials`) so later
 *   `getCredentials` calls, in this run and later runs sharing the store, see the new token.
 *
 * The store is keyed by credential type name: one credential per type. Node credential ids are
 * not checked (n8n would require them); the store object is updated in place, like a database.
 */
import type { Workflow } from 'n8n-workflow';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	Workflow as WorkflowClass,
	getCredentialOwnRequestAllowedDomains,
	isExpression,
	UserError,
	type ICredentialDataDecryptedObject,
	type ICredentialsEncrypted,
	type ICredentialsExpressionResolveValues,
	type IExecuteData,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRequestOptionsSimplified,
	type IWorkflowDataProxyAdditionalKeys,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { getAdditionalKeys } from 'n8n-core';

import { loadCredentialTypes, type HarnessCredentialTypes } from './types-registry';

export type CredentialsStore = Record<string, Record<string, unknown>>;

const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

const mockNodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getKnownTypes: () => ({}),
};

class StoredCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private decrypted: ICredentialDataDecryptedObject,
	) {
		super(details, type);
	}

	async getData() {
		return structuredClone(this.decrypted);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.decrypted) };
	}

	async setData(data: ICredentialDataDecryptedObject) {
		this.decrypted = structuredClone(data);
	}

	async updateData(toUpdate: Partial<ICredentialDataDecryptedObject>, toDelete: string[] = []) {
		this.decrypted = { ...this.decrypted, ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete this.decrypted[key];
	}
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	/** How many times a credential type's `preAuthentication` actually ran (logins). */
	preAuthCalls = 0;
	readonly preAuthCallsByType: Record<string, number> = {};

	constructor(
		readonly store: CredentialsStore,
		private readonly credentialTypes: HarnessCredentialTypes = loadCredentialTypes(),
	) {
		super();
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (!authenticate) return requestOptions;

		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}

		if (!workflow || !node) {
			throw new UserError('Workflow and node are required for declarative credential authentication');
		}
		requestOptions.headers ??= {};
		if (authenticate.type === 'generic') {
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
					const resolvedKey = this.resolveValue(key, { $credentials: credentials }, workflow, node);
					const resolvedValue = this.resolveValue(
						value as string,
						{ $credentials: credentials },
						workflow,
						node,
					);
					target[outerKey] ??= {};
					target[outerKey][resolvedKey] = resolvedValue;
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (expirable?.name === undefined) return undefined;
		if (typeof credentialType.preAuthentication !== 'function') return undefined;

		// n8n's credential test runs on a temporary noOp node with a `temp` parameter; there the
		// login always runs, whatever the stored token.
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (!(credentials[expirable.name] === '' || credentialsExpired || isTestingCredentials)) {
			return undefined;
		}

		this.preAuthCalls++;
		this.preAuthCallsByType[typeName] = (this.preAuthCallsByType[typeName] ?? 0) + 1;
		const output = (await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		)) as ICredentialDataDecryptedObject;

		if (output[expirable.name] === undefined) return undefined;
		if (!node.credentials) return undefined;

		const nodeCredentials = node.credentials[credentialType.name];
		const stored = await (await this.getCredentials(nodeCredentials, credentialType.name)).getData();
		const toPersist: ICredentialDataDecryptedObject = { ...stored };
		for (const [key, value] of Object.entries(output)) {
			// Never overwrite a value the user stored as an expression with what it resolved to.
			if (key === expirable.name || !isExpression(stored[key])) toPersist[key] = value;
		}
		await this.updateCredentials(nodeCredentials, credentialType.name, toPersist);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		this.preAuthCalls++;
		this.preAuthCallsByType[typeName] = (this.preAuthCallsByType[typeName] ?? 0) + 1;
		const output = await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		);
		return (output as ICredentialDataDecryptedObject) ?? undefined;
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		const type = this.credentialTypes.getByName(credentialType);
		if (!type.restrictToSupportedNodes) return true;
		return this.credentialTypes.getSupportedNodes(credentialType).includes(nodeType);
	}

	/**
	 * The stored credential. n8n returns n8n-core's encrypted `Credentials`; in 2.40 those need the
	 * database-backed encryption key provider, so the harness hands out a plain in-memory one.
	 */
	async getCredentials(nodeCredentials: INodeCredentialsDetails | undefined, type: string) {
		const data = this.storedData(type, nodeCredentials);
		return new StoredCredentials(
			{ id: nodeCredentials?.id ?? type, name: nodeCredentials?.name ?? type },
			type,
			structuredClone(data) as ICredentialDataDecryptedObject,
		);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = structuredClone(this.storedData(type, nodeCredentials)) as ICredentialDataDecryptedObject;
		if (raw === true) return data;
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			data,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** Defaults of the type + expression resolution, like n8n's method of the same name (no overwrites here). */
	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);
		let decrypted = NodeHelpers.getNodeParameters(
			properties,
			decryptedDataOriginal as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		for (const key of ['oauthTokenData', 'allowedHttpRequestDomains', 'allowedDomains']) {
			if (decrypted[key] === undefined && decryptedDataOriginal[key] !== undefined) {
				decrypted[key] = decryptedDataOriginal[key];
			}
		}

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });

		if (expressionResolveValues) {
			try {
				decrypted = expressionResolveValues.workflow.expression.getParameterValue(
					decrypted as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decrypted,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const workflow = new WorkflowClass({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			decrypted = workflow.expression.getComplexParameterValue(
				mockNode,
				decrypted as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decrypted,
			) as ICredentialDataDecryptedObject;
		}
		return decrypted;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails | undefined,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = structuredClone(data) as Record<string, unknown>;
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...(this.store[type] ?? {}), oauthTokenData: structuredClone(data.oauthTokenData) };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const properties = this.credentialTypes.getProperties(type);
		if (['oAuth1Api', 'oAuth2Api'].includes(type) && !this.credentialTypes.getByName(type).extends) {
			return [
				...properties,
				{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
			];
		}
		return properties;
	}

	private storedData(type: string, nodeCredentials?: INodeCredentialsDetails) {
		const data = this.store[type];
		if (data === undefined) {
			// n8n's CredentialNotFoundError wording
			throw new UserError(
				`Credential with ID "${nodeCredentials?.id ?? ''}" does not exist for type "${type}".`,
			);
		}
		return data;
	}

	private resolveValue(
		value: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		if (!resolved) return '';
		return resolved.toString();
	}
}

/** The request helper a credential's preAuthentication gets: only httpRequest, within the credential's allowed domains. */
function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions) => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	};
}

export function makeCredentialsHelper(store: CredentialsStore): HarnessCredentialsHelper {
	return new HarnessCredentialsHelper(store);
}
