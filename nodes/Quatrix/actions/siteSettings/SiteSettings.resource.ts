import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getDefaultLanguage from './getDefaultLanguage.operation';
import * as getLogoUploadLink from './getLogoUploadLink.operation';
import * as getWidget from './getWidget.operation';
import * as listAuthMethods from './listAuthMethods.operation';
import * as listLanguages from './listLanguages.operation';
import * as update from './update.operation';

export const operations = { get, getDefaultLanguage, getLogoUploadLink, getWidget, listAuthMethods, listLanguages, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['siteSettings'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get the site settings', description: 'Get the title, emails, footer, PGP and share-type settings' },
			{ name: 'Get Default Language', value: 'getDefaultLanguage', action: 'Get the default language', description: 'Get the language new users get' },
			{ name: 'Get Logo Upload Link', value: 'getLogoUploadLink', action: 'Get a logo upload link', description: 'Get an upload key for a new site logo' },
			{ name: 'Get Upload Widget', value: 'getWidget', action: 'Get an upload widget', description: 'Get an upload widget (the form that lets website visitors send files)' },
			{ name: 'List Languages', value: 'listLanguages', action: 'List languages', description: 'List the languages users can choose' },
			{ name: 'List Sign-In Methods', value: 'listAuthMethods', action: 'List sign in methods', description: 'List the sign-in methods the site can enforce' },
			{ name: 'Update', value: 'update', action: 'Update the site settings', description: 'Change the title, emails, share types, enforced sign-in methods or allowed IPs' },
		],
		default: 'get',
	},
	...get.description,
	...update.description,
	...listAuthMethods.description,
	...getLogoUploadLink.description,
	...listLanguages.description,
	...getDefaultLanguage.description,
	...getWidget.description,
];

export const resource = {
	name: 'Site Settings',
	value: 'siteSettings',
	description: 'Account-wide settings, languages and upload widgets (administrators)',
	operations,
	properties: description,
};
