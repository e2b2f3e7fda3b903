/**
 * One-time set-up of the pieces of n8n-core that live in its DI container, the way an n8n
 * instance has them after start-up:
 *
 * - an n8n "user folder" in a temp directory (n8n-core's InstanceSettings writes its config
 *   file there; nothing is written to ~/.n8n) and a fixed encryption key, so `Credentials`
 *   (used by the credentials helper) can encrypt and decrypt;
 * - `BinaryDataService` + `BinaryDataConfig` in the mode asked for: 'filesystem' (n8n 2.x's
 *   default: bytes on disk under the temp folder, items only carry an id) or 'default'
 *   (bytes inline as base64 in the item);
 * - nothing is done to the outbound HTTP client: n8n-core takes `OutboundHttp` from the
 *   container, which with SSRF protection off (n8n's default) and no proxy variables in the
 *   environment sends requests straight out. When a proxy variable is set, loopback hosts
 *   are added to NO_PROXY so the local sandbox is still reached directly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { BinaryDataConfig, BinaryDataService, ErrorReporter } from 'n8n-core';

export type BinaryMode = 'filesystem' | 'default';

interface Environment {
	root: string;
	services: Record<BinaryMode, { config: BinaryDataConfig; service: BinaryDataService }>;
}

let environment: Promise<Environment> | undefined;

function prepareProcessEnv(root: string) {
	// Must happen before the first Container.get() of any @n8n/config class: they read env on construction.
	process.env.N8N_USER_FOLDER = root;
	process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-quatrix-test-harness';
	// n8n logs every node error it reports; tests read them from the result instead (N8N_LOG_LEVEL=debug to see them)
	process.env.N8N_LOG_LEVEL ??= 'silent';
	process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';

	const proxied = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'].some(
		(name) => process.env[name] || process.env[name.toLowerCase()],
	);
	if (proxied) {
		const current = process.env.NO_PROXY ?? process.env.no_proxy ?? '';
		const loopback = ['127.0.0.1', 'localhost', '::1'];
		const merged = [...current.split(','), ...loopback].map((s) => s.trim()).filter(Boolean);
		process.env.NO_PROXY = [...new Set(merged)].join(',');
	}
}

// At import time, before any @n8n/config class can be built by someone else.
const root = mkdtempSync(join(tmpdir(), 'n8n-quatrix-harness-'));
process.once('exit', () => rmSync(root, { recursive: true, force: true }));
prepareProcessEnv(root);

/** The temp folder used as n8n's user folder (binary data lives in its `storage/`). */
export const harnessRoot = root;

async function createEnvironment(): Promise<Environment> {
	const baseConfig = Container.get(BinaryDataConfig);
	baseConfig.localStoragePath = join(root, 'storage');

	const make = async (mode: BinaryMode) => {
		const config = Object.assign(Object.create(BinaryDataConfig.prototype) as BinaryDataConfig, baseConfig, {
			mode,
		});
		const service = new BinaryDataService(config, Container.get(ErrorReporter), Container.get(Logger));
		// Both modes get the filesystem manager, so either can read ids written by the other.
		await service.init();
		return { config, service };
	};

	return { root, services: { filesystem: await make('filesystem'), default: await make('default') } };
}

/** Sets the environment up once per process and returns it. */
export async function ensureEnvironment(): Promise<Environment> {
	environment ??= createEnvironment();
	return await environment;
}

/**
 * Puts the binary data service of the given mode into the container, where n8n-core's helpers
 * (prepareBinaryData, getBinaryDataBuffer, getBinaryStream …) look it up on every call.
 * Runs in one process share the container, so runs with different modes must not overlap.
 */
export async function useBinaryMode(mode: BinaryMode): Promise<BinaryDataService> {
	const env = await ensureEnvironment();
	const { config, service } = env.services[mode];
	Container.set(BinaryDataConfig, config);
	Container.set(BinaryDataService, service);
	return service;
}

/** A service that can read binary data of either mode (ids on disk or inline base64). */
export async function binaryReader(): Promise<BinaryDataService> {
	return (await ensureEnvironment()).services.filesystem.service;
}
