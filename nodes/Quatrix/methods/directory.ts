import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { getList } from '../helpers/directory';

/** Quatrix returns these lists whole; the pickers filter them by the text typed and cap what they show. */
const MAX_RESULTS = 500;

function pick(rows: IDataObject[], filter: string | undefined, label: (row: IDataObject) => string, value: (row: IDataObject) => unknown): INodeListSearchResult {
	const wanted = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = rows
		.map((row) => ({ name: label(row), value: String(value(row) ?? '') }))
		.filter((entry) => entry.value !== '' && (wanted === '' || entry.name.toLowerCase().includes(wanted)))
		.sort((a, b) => a.name.localeCompare(b.name))
		.slice(0, MAX_RESULTS);
	return { results };
}

const person = (row: IDataObject) => (row.name ? `${String(row.name)} <${String(row.email ?? '')}>` : String(row.email ?? row.id));

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return pick(await getList(this, '/user', 'list users'), filter, person, (row) => row.id);
}

export async function searchContacts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return pick(await getList(this, '/contact', 'list contacts'), filter, person, (row) => row.id);
}

export async function searchGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return pick(await getList(this, '/group', 'list groups'), filter, (row) => String(row.name ?? row.id), (row) => row.id);
}

export async function searchProjectFolders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return pick(
		await getList(this, '/project-folder', 'list project folders'),
		filter,
		(row) => {
			const owner = (row.owner as IDataObject | undefined)?.name;
			return owner ? `${String(row.name)} (${String(owner)})` : String(row.name ?? row.project_id);
		},
		(row) => row.project_id,
	);
}

export async function searchAutomationRules(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return pick(
		await getList(this, '/automation', 'list automation rules'),
		filter,
		(row) => `${row.rule_num !== undefined ? `#${String(row.rule_num)} ` : ''}${String(row.action ?? 'rule')} on ${String(row.file_path ?? row.file_id)}`,
		(row) => row.id,
	);
}

function toOptions(rows: IDataObject[], label: (row: IDataObject) => string): INodePropertyOptions[] {
	return rows
		.map((row) => ({ name: label(row), value: String(row.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions(await getList(this, '/user', 'list users'), person);
}

export async function getUserGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions(await getList(this, '/user/group', 'list user groups'), (row) => String(row.name ?? row.id));
}

export async function getContactGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions(await getList(this, '/contact/group', 'list contact groups'), (row) => String(row.name ?? row.id));
}

export async function getProjectFolders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await getList(this, '/project-folder', 'list project folders'))
		.map((row) => ({ name: String(row.name ?? row.project_id), value: String(row.project_id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
