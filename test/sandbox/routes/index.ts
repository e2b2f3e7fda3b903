/**
 * Every route module. A new area adds a file beside these (`export function register(r: Router)`) and one
 * line here.
 */
import type { Router } from '../router';
import * as auth from './auth';
import * as account from './account';
import * as profile from './profile';
import * as files from './files';
import * as upload from './upload';
import * as download from './download';
import * as activity from './activity';
import * as shares from './shares';
import * as tracking from './tracking';
import * as inbox from './inbox';
import * as filesReturn from './filesReturn';
import * as users from './users';
import * as contacts from './contacts';
import * as groups from './groups';
import * as projectFolders from './projectFolders';
import * as automation from './automation';
import * as admin from './admin';

export const modules: Array<{ register(r: Router): void }> = [auth, account, profile, files, upload, download, activity, shares, tracking, inbox, filesReturn, users, contacts, groups, projectFolders, automation, admin];

export function registerAll(r: Router): void {
	for (const m of modules) m.register(r);
}
