/**
 * The node and credential types a harness run knows, like n8n's `NodeTypes` / `CredentialTypes`
 * after `LoadNodesAndCredentials`:
 *
 * - this package, loaded from `dist/` by n8n-core's own `PackageDirectoryLoader` (so the same
 *   post-processing happens as in n8n: polling nodes get the `pollTimes` parameter, codex,
 *   `supportedNodes` on credentials …) and registered as `<package name>.<node name>`, e.g.
 *   `n8n-nodes-quatrix.quatrix`. Files listed in package.json that are not built yet are skipped;
 * - the stand-in base nodes of `./base-nodes` under their real `n8n-nodes-base.*` names;
 * - whatever a test adds with `registerNodeType` / `registerCredentialType` (fixtures).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';
import type {
	ICredentialType,
	IDataObject,
	INodeProperties,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { baseNodeTypes } from './base-nodes';

export const PACKAGE_ROOT = resolve(__dirname, '..', '..');

type AnyNodeType = INodeType | IVersionedNodeType;

export class HarnessNodeTypes implements INodeTypes {
	readonly types = new Map<string, AnyNodeType>();

	register(typeName: string, nodeType: AnyNodeType) {
		this.types.set(typeName, nodeType);
	}

	getByName(nodeType: string): AnyNodeType {
		const type = this.types.get(nodeType);
		if (!type) {
			throw new UnexpectedError(`Unrecognized node type: ${nodeType}`, {
				extra: { known: [...this.types.keys()] },
			});
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, {}]));
	}
}

export class HarnessCredentialTypes {
	readonly types = new Map<string, ICredentialType>();
	/** credential type name → full node type names that list it */
	readonly supportedNodes = new Map<string, string[]>();

	register(credentialType: ICredentialType, supportedNodes: string[] = []) {
		this.types.set(credentialType.name, credentialType);
		const known = this.supportedNodes.get(credentialType.name) ?? [];
		this.supportedNodes.set(credentialType.name, [...new Set([...known, ...supportedNodes])]);
	}

	recognizes(name: string) {
		return this.types.has(name);
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new UnexpectedError(`Unrecognized credential type: ${name}`);
		return type;
	}

	getSupportedNodes(name: string): string[] {
		return this.supportedNodes.get(name) ?? [];
	}

	/** All types this one extends, directly or not (n8n's CredentialTypes.getParentTypes). */
	getParentTypes(name: string): string[] {
		const direct = this.types.get(name)?.extends ?? [];
		return [...direct, ...direct.flatMap((parent) => this.getParentTypes(parent))];
	}

	/** The properties of a type merged with those of the types it extends (own ones win). */
	getProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		if (!type.extends) return type.properties;
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}

interface Registry {
	nodeTypes: HarnessNodeTypes;
	credentialTypes: HarnessCredentialTypes;
	/** package.json entries that could not be loaded (not built yet), with the reason */
	skipped: Array<{ file: string; reason: string }>;
}

let registry: Registry | undefined;

function loadPackage(reg: Registry) {
	const packageJson = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
		name: string;
		version: string;
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
	const { nodes = [], credentials = [] } = packageJson.n8n ?? {};

	// Same order as PackageDirectoryLoader.loadAll(): nodes first (they tell which nodes use
	// which credential), then credentials. Done file by file so a missing build skips one entry.
	for (const file of nodes) {
		if (!existsSync(join(PACKAGE_ROOT, file))) {
			reg.skipped.push({ file, reason: 'not built (run npm run build)' });
			continue;
		}
		loader.loadNodeFromFile(file, packageJson.version);
	}
	for (const file of credentials) {
		if (!existsSync(join(PACKAGE_ROOT, file))) {
			reg.skipped.push({ file, reason: 'not built (run npm run build)' });
			continue;
		}
		loader.loadCredentialFromFile(file);
	}
	(loader as unknown as { inferSupportedNodes(): void }).inferSupportedNodes();

	for (const [name, { type }] of Object.entries(loader.nodeTypes)) {
		reg.nodeTypes.register(`${loader.packageName}.${name}`, type);
	}
	for (const { type } of Object.values(loader.credentialTypes)) {
		const supported = (type.supportedNodes ?? []).map((n) => `${loader.packageName}.${n}`);
		reg.credentialTypes.register(type, supported);
	}
}

function getRegistry(): Registry {
	if (registry) return registry;
	const reg: Registry = {
		nodeTypes: new HarnessNodeTypes(),
		credentialTypes: new HarnessCredentialTypes(),
		skipped: [],
	};
	for (const [typeName, nodeType] of Object.entries(baseNodeTypes())) {
		reg.nodeTypes.register(typeName, nodeType);
	}
	loadPackage(reg);
	registry = reg;
	return reg;
}

/** Our built nodes + the stand-in base nodes (+ anything registered by tests). Loaded once per process. */
export function loadNodeTypes(): HarnessNodeTypes {
	return getRegistry().nodeTypes;
}

export function loadCredentialTypes(): HarnessCredentialTypes {
	return getRegistry().credentialTypes;
}

/** package.json entries that were skipped because `dist/` does not have them yet. */
export function skippedPackageFiles() {
	return [...getRegistry().skipped];
}

/**
 * Adds a node type (e.g. a test fixture) under a full type name such as `test.fakeNode`.
 * Polling nodes registered this way do not get n8n's `pollTimes` parameter added.
 */
export function registerNodeType(typeName: string, nodeType: AnyNodeType) {
	loadNodeTypes().register(typeName, nodeType);
	const reg = getRegistry();
	const versions =
		'nodeVersions' in nodeType ? Object.values(nodeType.nodeVersions) : [nodeType as INodeType];
	for (const version of versions) {
		for (const { name } of version.description.credentials ?? []) {
			const known = reg.credentialTypes.supportedNodes.get(name) ?? [];
			reg.credentialTypes.supportedNodes.set(name, [...new Set([...known, typeName])]);
		}
	}
}

export function registerCredentialType(credentialType: ICredentialType) {
	loadCredentialTypes().register(credentialType);
}
