import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import type { QuatrixItem } from '../helpers/locators';
import { FOLDER_TYPES, getFolderContent, getHome } from '../helpers/locators';

/** How far the pickers browse: enough for a real tree, bounded so that a huge account stays responsive. */
const BROWSE_LIMITS = { listings: 40, results: 500 };

/**
 * Browses the tree breadth-first from the home folder and lists entries by path ("/Projects/2026"),
 * filtered by the text typed into the picker.
 */
async function browse(ctx: ILoadOptionsFunctions, filter: string | undefined, includeFiles: boolean): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = [];
	const home = await getHome(ctx);
	if (!includeFiles && (wanted === '' || 'home'.includes(wanted))) results.push({ name: '/ (Home)', value: home.id });
	const queue: Array<{ folder: QuatrixItem; path: string }> = [{ folder: home, path: '' }];
	let listings = 0;
	while (queue.length > 0 && results.length < BROWSE_LIMITS.results) {
		const { folder, path } = queue.shift()!;
		let content = folder.content;
		if (!content) {
			if (listings >= BROWSE_LIMITS.listings) break;
			listings++;
			content = (await getFolderContent(ctx, folder.id)).content ?? [];
		}
		const sorted = [...content].sort((a, b) => a.name.localeCompare(b.name));
		for (const child of sorted) {
			const childPath = `${path}/${child.name}`;
			const isFolder = FOLDER_TYPES.has(child.type) && child.type !== 'T';
			if (isFolder) queue.push({ folder: child, path: childPath });
			if ((isFolder || includeFiles) && (wanted === '' || childPath.toLowerCase().includes(wanted))) {
				results.push({ name: isFolder && includeFiles ? `${childPath}/` : childPath, value: child.id });
			}
		}
	}
	return { results };
}

export async function searchFolders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await browse(this, filter, false);
}

export async function searchItems(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await browse(this, filter, true);
}
