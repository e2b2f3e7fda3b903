import type { IDataObject, INodeParameterResourceLocator, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FOLDER_TYPES, getFolderContent, getHome, splitPath } from '../Quatrix/helpers/locators';
import { isQuatrixId } from '../Quatrix/helpers/validate';
import { quatrixRequest } from '../Quatrix/transport/request';
import type { EventFile } from './output';

/** The folder the user picked, as far as known without asking Quatrix. */
export interface FolderChoice {
	/** identifies the choice, so that a cached ID is dropped when the user picks another folder */
	key: string;
	id?: string;
	/** from the home folder, e.g. /Projects/2026; "" is the home folder */
	path?: string;
	includeSubfolders: boolean;
	/** the home folder with its subfolders: no folder filter at all for activity events */
	everything: boolean;
}

export function folderChoiceOf(ctx: IPollFunctions): FolderChoice {
	const locator = ctx.getNodeParameter('folder', { mode: 'path', value: '/' }) as INodeParameterResourceLocator;
	const includeSubfolders = ctx.getNodeParameter('includeSubfolders', true) as boolean;
	const value = String(locator.value ?? '').trim();
	if (locator.mode === 'path' || value === '') {
		const path = splitPath(value).join('/');
		const normalized = path === '' ? '' : `/${path}`;
		return { key: `path:${normalized}`, path: normalized, includeSubfolders, everything: normalized === '' && includeSubfolders };
	}
	if (!isQuatrixId(value)) {
		throw new NodeOperationError(ctx.getNode(), `Folder: "${String(locator.value).slice(0, 80)}" is not a Quatrix ID`, {
			description: 'Pick the folder from the list, or switch the field to "By Path".',
		});
	}
	return { key: `id:${value}`, id: value, includeSubfolders, everything: false };
}

/** Walks a path from the home folder, one listing per level (exact names first, then unambiguous case-insensitive). */
async function folderIdAtPath(ctx: IPollFunctions, path: string): Promise<string> {
	let current = await getHome(ctx);
	for (const [depth, name] of splitPath(path).entries()) {
		const listing = current.content ? current : await getFolderContent(ctx, current.id);
		const children = (listing.content ?? []).filter((child) => FOLDER_TYPES.has(child.type));
		let next = children.find((child) => child.name === name);
		if (!next) {
			const loose = children.filter((child) => child.name.toLowerCase() === name.toLowerCase());
			if (loose.length === 1) next = loose[0];
		}
		if (!next) {
			throw new NodeOperationError(ctx.getNode(), `Folder: there is no folder "${name}" in "/${splitPath(path).slice(0, depth).join('/')}"`, {
				description: 'Check the folder path (it starts at your home folder), or pick the folder from the list.',
			});
		}
		current = depth === splitPath(path).length - 1 ? next : await getFolderContent(ctx, next.id);
	}
	return current.id;
}

/** The folder's ID: known, cached from an earlier poll, or looked up (and then cached by the caller). */
export async function folderIdOf(ctx: IPollFunctions, choice: FolderChoice, cached: IDataObject | undefined): Promise<string> {
	if (choice.id) return choice.id;
	if (cached?.key === choice.key && typeof cached.id === 'string') return cached.id;
	return await folderIdAtPath(ctx, choice.path ?? '');
}

/** The folder's path, for matching files in subfolders (Quatrix's `paths` of /file/info is loosely typed). */
async function folderPathOf(ctx: IPollFunctions, choice: FolderChoice): Promise<string | undefined> {
	if (choice.path !== undefined) return choice.path;
	const info = await quatrixRequest.call(ctx, { method: 'GET', path: `/file/info/${choice.id}`, action: 'look up the watched folder' });
	const paths = info.paths as IDataObject | IDataObject[] | string | undefined;
	const first = Array.isArray(paths) ? paths[0] : paths;
	const path = typeof first === 'string' ? first : typeof first?.path === 'string' ? first.path : undefined;
	return path === undefined ? undefined : path.replace(/\/+$/, '');
}

const parentPath = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/**
 * A test "is this file in the watched folder?" for activity rows. It asks Quatrix at most once (for the
 * folder's ID or path), and only when a row needs it, so a poll with nothing new costs no extra request.
 */
export function folderMatcher(ctx: IPollFunctions, choice: FolderChoice, cached: IDataObject | undefined) {
	let id: string | undefined = choice.id ?? (cached?.key === choice.key && typeof cached.id === 'string' ? cached.id : undefined);
	let path: string | undefined | null = choice.path;
	return {
		get resolvedId() {
			return id;
		},
		async matches(file: EventFile): Promise<boolean> {
			if (choice.everything) return true;
			if (file.path !== null && (choice.path !== undefined || choice.includeSubfolders)) {
				if (path === undefined) path = (await folderPathOf(ctx, choice)) ?? null;
				if (path !== null) {
					return choice.includeSubfolders ? file.path.startsWith(`${path}/`) : parentPath(file.path) === path;
				}
			}
			if (file.parentId === null) return false;
			id ??= await folderIdOf(ctx, choice, cached);
			return file.parentId === id;
		},
	};
}
