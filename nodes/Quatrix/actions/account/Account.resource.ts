import type { INodeProperties } from 'n8n-workflow';

import * as downloadLogo from './downloadLogo.operation';
import * as getInfo from './getInfo.operation';
import * as getMetadata from './getMetadata.operation';
import * as getService from './getService.operation';
import * as list from './list.operation';
import * as listRoles from './listRoles.operation';
import * as listServices from './listServices.operation';
import * as upgradePlan from './upgradePlan.operation';

export const operations = { downloadLogo, getInfo, getMetadata, getService, list, listRoles, listServices, upgradePlan };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{ name: 'Download Logo', value: 'downloadLogo', action: 'Download the account logo', description: 'Download the logo shown on the sign-in page' },
			{ name: 'Get Information', value: 'getInfo', action: 'Get account information', description: 'Get the plan, limits, features and server location of the account' },
			{ name: 'Get Metadata', value: 'getMetadata', action: 'Get account metadata', description: 'Get the public facts of the site: title, status, language' },
			{ name: 'Get Service', value: 'getService', action: 'Get a service', description: 'Get one service (such as SFTP) with its users' },
			{ name: 'List Accounts', value: 'list', action: 'List your accounts', description: 'List every Quatrix account the signed-in user belongs to' },
			{ name: 'List People', value: 'listRoles', action: 'List the people of the account', description: 'List users of the account as ID, name and email' },
			{ name: 'List Services', value: 'listServices', action: 'List services', description: 'List the services of the account (such as SFTP) with their users' },
			{ name: 'Upgrade Plan', value: 'upgradePlan', action: 'Upgrade the plan', description: 'Buy more users or packages for the account (charges money)' },
		],
		default: 'getInfo',
	},
	...getMetadata.description,
	...getInfo.description,
	...list.description,
	...listRoles.description,
	...listServices.description,
	...getService.description,
	...downloadLogo.description,
	...upgradePlan.description,
];

export const resource = {
	name: 'Account',
	value: 'account',
	description: 'The Quatrix account (site): plan, limits, services and logo',
	operations,
	properties: description,
};
