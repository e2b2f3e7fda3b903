import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, emailList, requireQuatrixIds } from '../../helpers/directory';
import { inputError, toEpochSeconds } from '../../helpers/validate';

export const actionOptions = [
	{ name: 'Auto-Delete', value: 'autodelete', description: 'Delete files in the folder after a number of days' },
	{ name: 'Video Upload', value: 'video_upload', description: 'Publish videos put in the folder (needs a connected video account)' },
];

/** Rule fields shared by Create and Update. */
export const ruleFields: INodeProperties[] = [
	{ displayName: 'Comment', name: 'comment', type: 'string', default: '', description: 'A note about the rule' },
	{
		displayName: 'Delete After (Days)',
		name: 'expire',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 1 },
		// unknown: the unit of options.expire; days are assumed (the web app speaks of days)
		description: 'Auto-delete: how many days a file stays before it is deleted',
	},
	{
		displayName: 'Keep Folder Structure',
		name: 'keepFolderStructure',
		type: 'boolean',
		default: true,
		description: 'Whether to keep the (empty) folders when their files are deleted',
	},
	{
		displayName: 'Notify Emails',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'it@example.com, owner@example.com',
		description: 'Who gets an email about what the rule did (comma-separated)',
	},
	{
		displayName: 'Protected Folder IDs',
		name: 'protectedFolderIds',
		type: 'string',
		default: '',
		description: 'Folders under the rule\'s folder that the rule leaves alone (comma-separated IDs)',
	},
	{
		displayName: 'Rule Ends At',
		name: 'expires',
		type: 'dateTime',
		default: '',
		description: 'When the rule stops working. Default: never.',
	},
	{
		displayName: 'Skip Home Folders',
		name: 'skipHomeFolders',
		type: 'boolean',
		default: false,
		description: "Whether to leave users' home folders alone",
	},
	{
		displayName: 'Skip Shared Folders',
		name: 'skipSharedFolders',
		type: 'boolean',
		default: false,
		description: 'Whether to leave shared (project) folders alone',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'A',
		options: [
			{ name: 'Active', value: 'A', description: 'The rule runs' },
			{ name: 'Disabled', value: 'D', description: 'The rule is kept but does not run' },
		],
	},
	{
		displayName: 'Use Super Trash',
		name: 'superTrash',
		type: 'boolean',
		default: false,
		description: 'Whether deleted files go to the administrators\' trash instead of being purged',
	},
];

/** The request body fields (besides ids/file_id/action) from what the user set. */
export function ruleBody(ctx: IExecuteFunctions, i: number, fields: IDataObject, group: string): IDataObject {
	const options = compact({
		expire: fields.expire,
		keep_folder_structure: fields.keepFolderStructure,
		skip_home_folders: fields.skipHomeFolders,
		skip_shared_folders: fields.skipSharedFolders,
		super_trash: fields.superTrash,
		protected_folder_ids: fields.protectedFolderIds ? requireQuatrixIds(ctx, i, `${group} → Protected Folder IDs`, fields.protectedFolderIds) : undefined,
	});
	if (options.expire !== undefined && (!Number.isInteger(options.expire) || (options.expire as number) < 1)) {
		throw inputError(ctx, i, `${group} → Delete After`, `"${String(options.expire)}" is not a number of days`, 'Give a whole number of days, 1 or more.');
	}
	return compact({
		status: fields.status,
		comment: fields.comment === '' ? undefined : fields.comment,
		email: fields.email ? emailList(ctx, i, `${group} → Notify Emails`, fields.email) : undefined,
		expires: fields.expires ? Math.floor(toEpochSeconds(ctx, i, `${group} → Rule Ends At`, fields.expires)) : undefined,
		options: Object.keys(options).length ? options : undefined,
	});
}
