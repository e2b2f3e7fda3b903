/**
 * The one source of the coverage table: every operation of Quatrix's spec (read at run time from
 * ../shared/quatrix-api/swagger.yaml), the node operation that covers it (from each operation module's
 * `covers`), or the reason it is left out (EXCLUDED below). `scripts/coverage.ts` writes docs/coverage.md and
 * docs/operations-table.md from it; test/coverage.test.ts fails when they drift.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

import { RESOURCES } from '../nodes/Quatrix/actions/resources';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const SPEC_DIR = path.resolve(REPO_ROOT, '../shared/quatrix-api');
export const SPEC_PATH = path.join(SPEC_DIR, 'swagger.yaml');
export const COVERAGE_DOC = path.join(REPO_ROOT, 'docs/coverage.md');
export const OPERATIONS_DOC = path.join(REPO_ROOT, 'docs/operations-table.md');

/** Operations of the spec left out of the node, and why. Add a line here rather than leaving a gap. */
export const EXCLUDED: Record<string, string> = {
	'POST /share/send-request/{id}':
		'Deprecated by Quatrix: File Request → Create (POST /share/request) creates and sends a request in one call, and nothing today produces the id the old call needs.',
	'GET /share/preview/{id}':
		'A thumbnail for the recipient web page; Share → Download gives the file itself, and Preview → Download gives a preview of your own files.',
	'POST /session/login':
		'Second sign-in step (2FA code or PIN). n8n cannot type a one-time code; the credential tells the user to use an API key instead.',
	'GET /session/keepalive':
		'Not needed: n8n keeps the session token as an expirable credential field and signs in again after a 401.',
	'GET /session/logout':
		'Not a step: the session belongs to the credential and is shared by running executions; logging out would break them. Sessions end after 15 idle minutes.',
	'POST /session/unblock-captcha': 'Needs a CAPTCHA solved by a person in a browser.',
	'POST /profile/set-password':
		"Changing the credential's own password from a workflow would break the credential; needs the old password in clear. Done in the web app.",
	'GET /profile/2fa/generate': 'Interactive 2FA enrolment: a QR code scanned with a phone.',
	'POST /profile/set-mfa': 'Interactive 2FA/PIN enrolment: needs a one-time code from the enrolled device.',
	'POST /profile/remove-mfa':
		'Turning off your own second factor is an interactive security step; administrators use User → Turn Off Second Factor.',
	'POST /user/set-mfa':
		'Needs a one-time code of the factor being set up, which only the person with the device has. Administrators can reset or turn off factors.',
	'POST /user/signup': "Anonymous: the invited person sets their own password from the invitation email (User → Create sends it).",
	'GET /contact/pgp-key/{id}': 'Deprecated by Quatrix; PGP Key → Get Recipient Keys returns the same keys.',
	'GET /reset-password/metadata/{id}':
		'End-user half of the password-reset email: the request ID only reaches the person by email. User → Send Password Reset starts it.',
	'POST /reset-password/reset/{id}':
		'End-user half of the password-reset email: sets a password from the emailed link. User → Send Password Reset starts it.',
	'POST /widget/upload-link/{id}':
		"Anonymous call of the embedded upload widget for website visitors; the spec's answer has no upload key, so no bytes could be sent. Workflows upload with File → Upload.",
	'GET /widget/finalize-upload/{id}': 'Second half of the widget upload above (anonymous website visitors); see File → Upload.',
};

/** Spec operations used outside the node's operations (credentials), checked against their source. */
export const USED_BY_CREDENTIALS: Record<string, { by: string; file: string }> = {
	'GET /session/login': { by: 'Credential "Quatrix API" (email and password sign-in)', file: 'credentials/QuatrixApi.credentials.ts' },
};

/** Routes outside /api/1.0 (not in the spec) that `covers` may name: the byte transfer of uploads. */
export const ROUTES_OUTSIDE_SPEC = new Set(['POST /upload/chunked/{key}', 'POST /upload/multipart/{key}']);

export interface SpecOperation {
	key: string;
	method: string;
	path: string;
	tag: string;
	summary: string;
	core: boolean | undefined;
}

export interface NodeOperation {
	resource: string;
	resourceName: string;
	operation: string;
	name: string;
	action: string;
	description: string;
	covers: string[];
}

/** `undefined` when ../shared is absent (a clone outside the workspace). */
export function readSpec(): SpecOperation[] | undefined {
	if (!fs.existsSync(SPEC_PATH)) return undefined;
	const spec = parse(fs.readFileSync(SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
	const core = new Map<string, boolean>();
	const tsv = path.join(SPEC_DIR, 'operations.tsv');
	if (fs.existsSync(tsv)) {
		for (const line of fs.readFileSync(tsv, 'utf8').split('\n').slice(1)) {
			const [, method, apiPath, , , isCore] = line.split('\t');
			if (method && apiPath) core.set(`${method} ${apiPath}`, isCore?.trim() === 'yes');
		}
	}
	const operations: SpecOperation[] = [];
	for (const [apiPath, methods] of Object.entries(spec.paths)) {
		for (const [method, operation] of Object.entries(methods)) {
			if (!['get', 'post', 'put', 'patch', 'delete', 'head', 'options'].includes(method)) continue;
			const key = `${method.toUpperCase()} ${apiPath}`;
			operations.push({
				key,
				method: method.toUpperCase(),
				path: apiPath,
				tag: operation.tags?.[0] ?? '',
				summary: String(operation.summary ?? '').trim(),
				core: core.get(key),
			});
		}
	}
	return operations;
}

export function nodeOperations(): NodeOperation[] {
	const rows: NodeOperation[] = [];
	for (const resource of RESOURCES) {
		const selector = resource.properties.find((property) => property.name === 'operation' && property.type === 'options');
		const options = (selector?.options ?? []) as Array<{ name: string; value: string; action?: string; description?: string }>;
		for (const [operation, module] of Object.entries(resource.operations)) {
			const option = options.find((candidate) => candidate.value === operation);
			rows.push({
				resource: resource.value,
				resourceName: resource.name,
				operation,
				name: option?.name ?? operation,
				action: option?.action ?? '',
				description: option?.description ?? '',
				covers: module.covers ?? [],
			});
		}
	}
	return rows;
}

export interface Coverage {
	spec: SpecOperation[];
	nodeOps: NodeOperation[];
	/** spec key → "resource.operation" list */
	coveredBy: Map<string, string[]>;
	uncovered: SpecOperation[];
	/** covered AND excluded: the exclusion is stale */
	staleExclusions: string[];
	/** exclusions or credential uses naming nothing in the spec */
	unknownExclusions: string[];
	/** `covers` entries naming nothing in the spec */
	unknownCovers: Array<{ op: string; entry: string }>;
	/** credential uses whose source no longer mentions the path */
	missingCredentialUses: string[];
}

export function computeCoverage(spec: SpecOperation[]): Coverage {
	const nodeOps = nodeOperations();
	const specKeys = new Set(spec.map((operation) => operation.key));
	const coveredBy = new Map<string, string[]>();
	const unknownCovers: Coverage['unknownCovers'] = [];
	for (const op of nodeOps) {
		for (const entry of op.covers) {
			if (specKeys.has(entry)) coveredBy.set(entry, [...(coveredBy.get(entry) ?? []), `${op.resource}.${op.operation}`]);
			else if (!ROUTES_OUTSIDE_SPEC.has(entry)) unknownCovers.push({ op: `${op.resource}.${op.operation}`, entry });
		}
	}
	const missingCredentialUses = Object.entries(USED_BY_CREDENTIALS)
		.filter(([key, use]) => !fs.readFileSync(path.join(REPO_ROOT, use.file), 'utf8').includes(key.split(' ')[1]))
		.map(([key]) => key);
	const isCovered = (key: string) => coveredBy.has(key) || (key in USED_BY_CREDENTIALS && !missingCredentialUses.includes(key));
	return {
		spec,
		nodeOps,
		coveredBy,
		uncovered: spec.filter((operation) => !isCovered(operation.key) && !(operation.key in EXCLUDED)),
		staleExclusions: Object.keys(EXCLUDED).filter((key) => isCovered(key)),
		unknownExclusions: [...Object.keys(EXCLUDED), ...Object.keys(USED_BY_CREDENTIALS)].filter((key) => !specKeys.has(key)),
		unknownCovers,
		missingCredentialUses,
	};
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function label(nodeOps: NodeOperation[], ref: string): string {
	const op = nodeOps.find((candidate) => `${candidate.resource}.${candidate.operation}` === ref);
	return op ? `${op.resourceName} → ${op.name} (\`${ref}\`)` : ref;
}

export function renderCoverage(coverage: Coverage): string {
	const { spec, nodeOps, coveredBy } = coverage;
	const covered = spec.filter((operation) => coveredBy.has(operation.key) || operation.key in USED_BY_CREDENTIALS);
	const excluded = spec.filter((operation) => operation.key in EXCLUDED && !coveredBy.has(operation.key));
	const core = spec.filter((operation) => operation.core);
	const coreCovered = core.filter((operation) => covered.includes(operation));
	const lines = [
		'# Quatrix API coverage',
		'',
		'<!-- Generated by `npm run coverage` (scripts/coverage.ts) from the spec and the node code. Do not edit by hand. -->',
		'',
		`Every operation of Quatrix API 1.0 (${spec.length} in \`swagger.yaml\`), the node operation that calls it, or why it is left out.`,
		'',
		`- Covered: **${covered.length}** of ${spec.length} (core: ${coreCovered.length} of ${core.length})`,
		`- Left out, with a reason: **${excluded.length}**`,
		`- Neither: **${coverage.uncovered.length}**${coverage.uncovered.length ? ' — ' + coverage.uncovered.map((operation) => `\`${operation.key}\``).join(', ') : ''}`,
		'',
		'| Tag | Method | Path | Core | Covered by / reason left out |',
		'|---|---|---|---|---|',
	];
	const tags = [...new Set(spec.map((operation) => operation.tag))];
	for (const tag of tags) {
		for (const operation of spec.filter((candidate) => candidate.tag === tag)) {
			const refs = coveredBy.get(operation.key);
			const credential = USED_BY_CREDENTIALS[operation.key];
			const what = refs
				? refs.map((ref) => label(nodeOps, ref)).join('; ')
				: credential
					? credential.by
					: operation.key in EXCLUDED
						? `Left out: ${EXCLUDED[operation.key]}`
						: '**not covered**';
			lines.push(`| ${cell(tag)} | ${operation.method} | \`${cell(operation.path)}\` | ${operation.core === undefined ? '?' : operation.core ? 'yes' : 'no'} | ${cell(what)} |`);
		}
	}
	return lines.join('\n') + '\n';
}

export function renderOperationsTable(nodeOps: NodeOperation[]): string {
	const lines = [
		'<!-- Generated by `npm run coverage` (scripts/coverage.ts) from the node code. Do not edit by hand. -->',
		'',
		'| Resource | Operation | What it does | Quatrix API calls |',
		'|---|---|---|---|',
	];
	for (const op of nodeOps) {
		const calls = op.covers.map((entry) => `\`${entry}\``).join(', ');
		lines.push(`| ${cell(op.resourceName)} | ${cell(op.name)} | ${cell(op.description || op.action)} | ${calls} |`);
	}
	return lines.join('\n') + '\n';
}

/** The README shows the operations table between these markers; `npm run coverage` writes it there. */
export const README = path.join(__dirname, '..', 'README.md');
const TABLE_START = '<!-- operations-table:start -->';
const TABLE_END = '<!-- operations-table:end -->';

export function readmeWithTable(readme: string, table: string): string {
	const start = readme.indexOf(TABLE_START);
	const end = readme.indexOf(TABLE_END);
	if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} markers`);
	const body = table.replace(/^<!--.*-->\n+/, '');
	return `${readme.slice(0, start)}${TABLE_START}\n${body.trimEnd()}\n${readme.slice(end)}`;
}
