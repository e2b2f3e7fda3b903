import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import type { QuatrixContext } from '../transport/request';
import { quatrixRequest } from '../transport/request';
import { inputError, requireQuatrixId } from './validate';

export interface QuatrixItem extends IDataObject {
	id: string;
	parent_id?: string;
	name: string;
	type: string;
	size?: number;
	content?: QuatrixItem[];
}

export const FOLDER_TYPES = new Set(['D', 'T', 'S']);

/** The home folder with its direct children. */
export async function getHome(ctx: QuatrixContext, itemIndex?: number): Promise<QuatrixItem> {
	return (await quatrixRequest.call(ctx, {
		method: 'GET',
		path: '/file/metadata',
		qs: { content: 1 },
		action: 'open the home folder',
		itemIndex,
	})) as QuatrixItem;
}

export async function getFolderContent(ctx: QuatrixContext, folderId: string, itemIndex?: number): Promise<QuatrixItem> {
	return (await quatrixRequest.call(ctx, {
		method: 'GET',
		path: `/file/metadata/${folderId}`,
		qs: { content: 1 },
		action: 'list the folder',
		itemIndex,
	})) as QuatrixItem;
}

export function splitPath(path: string): string[] {
	return path
		.split('/')
		.map((segment) => segment.trim())
		.filter((segment) => segment !== '' && segment !== '.');
}

/** Resolved paths of this node run, so that 100 items uploading to one folder walk the tree once. */
const pathCache = new WeakMap<object, Map<string, QuatrixItem>>();

/**
 * Walks a path such as `/Projects/2026/report.pdf` from the home folder, one listing per level.
 * Names match exactly first, then case-insensitively when that is unambiguous.
 */
export async function resolvePath(ctx: IExecuteFunctions, itemIndex: number, field: string, path: string): Promise<QuatrixItem> {
	const segments = splitPath(path);
	if (segments.includes('..')) {
		throw inputError(ctx, itemIndex, field, `"${path}" contains ".."`, 'Write the path from your home folder without "..", e.g. /Projects/2026.');
	}
	let cache = pathCache.get(ctx);
	if (!cache) pathCache.set(ctx, (cache = new Map()));
	const key = (depth: number) => '/' + segments.slice(0, depth).join('/');
	let current = cache.get('/') ?? (await getHome(ctx, itemIndex));
	cache.set('/', current);
	for (let depth = 1; depth <= segments.length; depth++) {
		const known = cache.get(key(depth));
		if (known) {
			current = known;
			continue;
		}
		const listing = current.content ? current : await getFolderContent(ctx, current.id, itemIndex);
		const wanted = segments[depth - 1];
		const children = listing.content ?? [];
		let next = children.find((child) => child.name === wanted);
		if (!next) {
			const loose = children.filter((child) => child.name.toLowerCase() === wanted.toLowerCase());
			if (loose.length === 1) next = loose[0];
		}
		if (!next) {
			throw inputError(
				ctx,
				itemIndex,
				field,
				`nothing at "${path}": "${wanted}" is not in "${key(depth - 1)}"`,
				'Check the path (it starts at your home folder), or pick from the list.',
			);
		}
		if (depth < segments.length && !FOLDER_TYPES.has(next.type)) {
			throw inputError(ctx, itemIndex, field, `"${key(depth)}" is a file, not a folder`, 'Check the path.');
		}
		current = depth < segments.length ? await getFolderContent(ctx, next.id, itemIndex) : next;
		cache.set(key(depth), current);
	}
	return current;
}

/** Forgets cached paths after the tree changed (created, renamed, moved or deleted something). */
export function forgetPaths(ctx: object) {
	pathCache.delete(ctx);
}

/** A folder with its direct children, from a folder locator: one listing, reused when the path walk has it. */
export async function resolveFolderListing(ctx: IExecuteFunctions, itemIndex: number, parameter: string, field: string): Promise<QuatrixItem> {
	const locator = ctx.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string;
	if (typeof locator === 'object' && locator.mode === 'path') {
		const folder = await resolvePath(ctx, itemIndex, field, String(locator.value ?? ''));
		if (!FOLDER_TYPES.has(folder.type)) {
			throw inputError(ctx, itemIndex, field, `"${String(locator.value)}" is a file, not a folder`, 'Choose a folder.');
		}
		return folder.content ? folder : await getFolderContent(ctx, folder.id, itemIndex);
	}
	return await getFolderContent(ctx, await resolveItemId(ctx, itemIndex, parameter, field, 'folder'), itemIndex);
}

/**
 * The ID behind a file/folder resource locator, whatever mode the user chose.
 * `expect` checks the kind for paths (an ID is checked by Quatrix itself, which saves a request).
 */
export async function resolveItemId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	field: string,
	expect: 'folder' | 'file' | 'any' = 'any',
): Promise<string> {
	const locator = ctx.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string;
	const mode = typeof locator === 'object' ? locator.mode : 'id';
	const value = typeof locator === 'object' ? locator.value : locator;
	if (mode === 'path') {
		const item = await resolvePath(ctx, itemIndex, field, String(value ?? ''));
		if (expect === 'folder' && !FOLDER_TYPES.has(item.type)) {
			throw inputError(ctx, itemIndex, field, `"${String(value)}" is a file, not a folder`, 'Choose a folder.');
		}
		if (expect === 'file' && FOLDER_TYPES.has(item.type)) {
			throw inputError(ctx, itemIndex, field, `"${String(value)}" is a folder, not a file`, 'Choose a file.');
		}
		return item.id;
	}
	if (mode === 'list' && (value === '' || value === undefined) && expect === 'folder') {
		return (await resolvePath(ctx, itemIndex, field, '/')).id;
	}
	return requireQuatrixId(ctx, itemIndex, field, value);
}
