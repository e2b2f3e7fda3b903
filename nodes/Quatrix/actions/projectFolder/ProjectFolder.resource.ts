import type { INodeProperties } from 'n8n-workflow';

import * as addMembers from './addMembers.operation';
import * as convertToFolder from './convertToFolder.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMemberships from './getMemberships.operation';
import * as list from './list.operation';
import * as listMembers from './listMembers.operation';
import * as removeMember from './removeMember.operation';
import * as setUserAccess from './setUserAccess.operation';
import * as updateMembers from './updateMembers.operation';

export const operations = { addMembers, convertToFolder, create, get, getMemberships, list, listMembers, removeMember, setUserAccess, updateMembers };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['projectFolder'] } },
		options: [
			{ name: 'Add Members', value: 'addMembers', action: 'Add members to a project folder', description: 'Give users access to a project folder' },
			{ name: 'Convert to Plain Folder', value: 'convertToFolder', action: 'Convert a project folder to a plain folder', description: 'Stop sharing a project folder; its files stay' },
			{ name: 'Create', value: 'create', action: 'Create a project folder', description: 'Turn a folder into a project folder shared with named users' },
			{ name: 'Get', value: 'get', action: 'Get a project folder', description: 'Get a project folder with its creator and members' },
			{ name: 'Get Many', value: 'list', action: 'Get many project folders', description: 'List the project folders you can see' },
			{ name: 'Get Memberships of User', value: 'getMemberships', action: 'Get the project folders of a user', description: 'List the project folders a user belongs to, with permissions' },
			{ name: 'List Members', value: 'listMembers', action: 'List members of a project folder', description: 'List the members of a project folder and their permissions' },
			{ name: 'Remove Member', value: 'removeMember', action: 'Remove a member from a project folder', description: 'Take a user out of a project folder' },
			{ name: 'Set Access of User', value: 'setUserAccess', action: 'Set the project folder access of a user', description: 'Add a user to several project folders, or change their permissions there' },
			{ name: 'Update Members', value: 'updateMembers', action: 'Update members of a project folder', description: 'Change the permissions or notifications of members' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	...create.description,
	...listMembers.description,
	...addMembers.description,
	...updateMembers.description,
	...removeMember.description,
	...setUserAccess.description,
	...getMemberships.description,
	...convertToFolder.description,
];

export const resource = {
	name: 'Project Folder',
	value: 'projectFolder',
	description: 'Folders shared with named users, each with a permission',
	operations,
	properties: description,
};
