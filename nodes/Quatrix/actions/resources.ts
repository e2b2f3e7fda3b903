import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { resource as file } from './file/File.resource';
import { resource as folder } from './folder/Folder.resource';
import { resource as share } from './share/Share.resource';
import { resource as quicklink } from './quicklink/Quicklink.resource';
import { resource as fileRequest } from './fileRequest/FileRequest.resource';
import { resource as returnedFiles } from './returnedFiles/ReturnedFiles.resource';
import { resource as inbox } from './inbox/Inbox.resource';
import { resource as activity } from './activity/Activity.resource';
import { resource as user } from './user/User.resource';
import { resource as contact } from './contact/Contact.resource';
import { resource as group } from './group/Group.resource';
import { resource as projectFolder } from './projectFolder/ProjectFolder.resource';
import { resource as automationRule } from './automationRule/AutomationRule.resource';
import { resource as account } from './account/Account.resource';
import { resource as profile } from './profile/Profile.resource';
import { resource as siteSettings } from './siteSettings/SiteSettings.resource';
import { resource as sshKey } from './sshKey/SshKey.resource';
import { resource as pgpKey } from './pgpKey/PgpKey.resource';
import { resource as preview } from './preview/Preview.resource';

export interface Operation {
	description: INodeProperties[];
	/** The Quatrix API operations it calls, as "METHOD /path" of the spec (upload chunks: "POST /upload/chunked/{key}"). */
	covers: string[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

export interface Resource {
	name: string;
	value: string;
	description: string;
	operations: Record<string, Operation>;
	properties: INodeProperties[];
}

/** Every resource of the node, in the order the user sees them. Adding one here adds it to the node and router. */
export const RESOURCES: Resource[] = [file, folder, share, quicklink, fileRequest, returnedFiles, inbox, activity, user, contact, group, projectFolder, automationRule, account, profile, siteSettings, sshKey, pgpKey, preview];
