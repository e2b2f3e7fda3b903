import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { RESOURCES } from './actions/resources';
import { router } from './actions/router';
import { searchFolders, searchItems } from './methods/listSearch';
import { getContactGroups, getProjectFolders, getUserGroups, getUsers, searchAutomationRules, searchContacts, searchGroups, searchProjectFolders, searchUsers } from './methods/directory';
import { searchReceivedShares, searchShares } from './methods/sharing';
import { authenticationProperty, quatrixCredentials } from './descriptions/authentication';

export class Quatrix implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Quatrix',
		name: 'quatrix',
		icon: { light: 'file:quatrix.svg', dark: 'file:quatrix.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Move files of any size in and out of Quatrix, share them and manage users',
		defaults: { name: 'Quatrix' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: quatrixCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES.map(({ name, value, description }) => ({ name, value, description })),
				default: 'file',
			},
			...RESOURCES.flatMap((resource) => resource.properties),
		],
	};

	methods = { listSearch: { searchFolders, searchItems, searchShares, searchReceivedShares, searchUsers, searchContacts, searchGroups, searchProjectFolders, searchAutomationRules }, loadOptions: { getUsers, getUserGroups, getContactGroups, getProjectFolders } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
