import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getStorage from './getStorage.operation';
import * as update from './update.operation';

export const operations = { get, getStorage, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['profile'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get your profile', description: 'Get the signed-in user: home folder, limits, share types' },
			{ name: 'Get Storage Use', value: 'getStorage', action: 'Get your storage use', description: 'Get the bytes used and allowed for you and for the account' },
			{ name: 'Update', value: 'update', action: 'Update your profile', description: 'Change your name, email, language or email signature' },
		],
		default: 'get',
	},
	...get.description,
	...getStorage.description,
	...update.description,
];

export const resource = {
	name: 'Profile',
	value: 'profile',
	description: 'The signed-in user (the one of the credential)',
	operations,
	properties: description,
};
