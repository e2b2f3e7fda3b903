/**
 * Our package as users get it: `npm pack`, then placed the way n8n's community-package installer
 * places a package (n8n 2.40 CommunityPackagesService.downloadPackage): the tarball extracted into
 * `<N8N_USER_FOLDER>/.n8n/nodes/node_modules/<name>`, its dev/peer/optional dependencies dropped,
 * `npm install` there with scripts off, and the package listed in `<N8N_USER_FOLDER>/.n8n/nodes/package.json`.
 * Node types are then `n8n-nodes-quatrix.<node>`, exactly as for a user who installed it from the UI.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { runCommand } from './proc';

export const REPO = resolve(__dirname, '../../..');

export interface PackedPackage {
	name: string;
	version: string;
	tarball: string;
}

export async function packPackage(workDir: string): Promise<PackedPackage> {
	// A tarball made earlier (e.g. of a given release) can be tested instead of packing the work tree.
	const given = process.env.E2E_PACKAGE_TGZ;
	if (given) {
		const manifest = await runCommand('tar', ['-xOzf', given, 'package/package.json']);
		const { name, version } = JSON.parse(manifest.stdout) as { name: string; version: string };
		return { name, version, tarball: resolve(given) };
	}
	const result = await runCommand('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: REPO, timeoutMs: 120_000 });
	if (result.code !== 0) throw new Error(`npm pack failed:\n${result.stdout}${result.stderr}`);
	const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as Array<{
		name: string;
		version: string;
		filename: string;
		files: Array<{ path: string }>;
	}>;
	const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const packed = new Set(info.files.map((f) => f.path));
	const missing = [...manifest.n8n.nodes, ...manifest.n8n.credentials].filter((f) => !packed.has(f));
	if (missing.length) throw new Error(`npm pack left out files that package.json "n8n" lists: ${missing.join(', ')} (did the build run?)`);
	return { name: info.name, version: info.version, tarball: join(workDir, info.filename) };
}

export async function installIntoUserFolder(pkg: PackedPackage, userFolder: string) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', pkg.name);
	mkdirSync(packageDir, { recursive: true });
	const untar = await runCommand('tar', ['-xzf', pkg.tarball, '-C', packageDir, '--strip-components=1']);
	if (untar.code !== 0) throw new Error(`tar: ${untar.stderr}`);
	const packageJsonPath = join(packageDir, 'package.json');
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { devDependencies, peerDependencies, optionalDependencies, ...packageJson } = JSON.parse(
		readFileSync(packageJsonPath, 'utf8'),
	) as Record<string, unknown>;
	writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));
	const install = await runCommand(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageDir, timeoutMs: 120_000 },
	);
	if (install.code !== 0) throw new Error(`npm install in ${packageDir}: ${install.stdout}${install.stderr}`);
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [pkg.name]: pkg.version } }, null, 2),
	);
	return packageDir;
}
