/**
 * Property-based tests (fast-check) of the rules everything else relies on: the Site rule (beyond what
 * test/credentials/site.test.ts already checks: the expression equals the function, http only when written,
 * no trailing slash), path splitting and resolution against generated folder trees, error mapping, and what
 * the transport makes of arbitrary answers.
 */
import fc from 'fast-check';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { siteBaseUrl } from '../../credentials/site';
import { resolvePath, splitPath } from '../../nodes/Quatrix/helpers/locators';
import { QUATRIX_ERROR_CODES, quatrixApiError, redact } from '../../nodes/Quatrix/transport/errors';
import { quatrixRequest, RETRY } from '../../nodes/Quatrix/transport/request';

const node: INode = { id: '1', name: 'Quatrix', type: 'n8n-nodes-quatrix.quatrix', typeVersion: 1, position: [0, 0], parameters: {} };

jest.setTimeout(60_000);

let runs = 0;
const check = <T>(property: fc.IProperty<T> | fc.IAsyncProperty<T>, numRuns = 300) => {
	runs += numRuns;
	return fc.assert(property as fc.IAsyncProperty<T>, { numRuns });
};
afterAll(() => console.info(`fuzz.test: ${runs} generated cases`));

describe('site URL normalisation', () => {
	const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
	// the last label has a letter: a host ending in a number is read as an IPv4 address
	const topLevel = fc.stringMatching(/^[a-z]{2,6}$/);
	const hostName = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), topLevel).map(([labels, top]) => [...labels, top].join('.'));
	const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
	const space = fc.constantFrom('', ' ', '\t', '  \n');
	const tail = fc.constantFrom('', '/', '///', '/api/1.0', '/API/1.0/', '/api/1.0//');

	it('a site name alone becomes https://<name>.quatrix.it, a parseable URL with nothing after the host', () => {
		check(
			fc.property(label, space, space, (name, before, after) => {
				const url = siteBaseUrl(`${before}${name}${after}`);
				const parsed = new URL(url);
				return url === `https://${name}.quatrix.it` && parsed.protocol === 'https:' && parsed.pathname === '/' && parsed.search === '';
			}),
		);
	});

	it('a host name, with or without scheme, port, trailing slashes or a pasted /api/1.0, keeps its host and port', () => {
		check(
			fc.property(fc.constantFrom('', 'https://', 'HTTPS://', 'http://'), hostName, port, tail, space, (scheme, host, portNumber, end, pad) => {
				const hostPort = portNumber ? `${host}:${portNumber}` : host;
				const url = siteBaseUrl(`${pad}${scheme}${hostPort}${end}${pad}`);
				const parsed = new URL(url);
				const expectedProtocol = scheme === 'http://' ? 'http:' : 'https:';
				return (
					parsed.protocol === expectedProtocol &&
					parsed.hostname === host &&
					parsed.port === (portNumber && !(portNumber === 443 && expectedProtocol === 'https:') && !(portNumber === 80 && expectedProtocol === 'http:') ? String(portNumber) : '') &&
					parsed.pathname === '/' &&
					url.toLowerCase() === `${expectedProtocol}//${hostPort}`
				);
			}),
		);
	});

	it('is idempotent for every site it turns into a URL of a host', () => {
		check(
			fc.property(fc.constantFrom('', 'https://', 'http://'), fc.oneof(label, hostName), port, tail, (scheme, host, portNumber, end) => {
				const once = siteBaseUrl(`${scheme}${host}${portNumber ? `:${portNumber}` : ''}${end}`);
				return siteBaseUrl(once) === once;
			}),
		);
	});

	it('ignores the whitespace around what was typed, whatever was typed', () => {
		check(fc.property(fc.string(), space, space, (typed, before, after) => siteBaseUrl(`${before}${typed}${after}`) === siteBaseUrl(typed)));
	});

	it('never throws, whatever the credential holds', () => {
		check(fc.property(fc.anything(), (value) => typeof siteBaseUrl(value) === 'string'));
	});
});

describe('path splitting', () => {
	const segment = fc.string({ minLength: 1, maxLength: 12 }).filter((text) => !text.includes('/') && text.trim() !== '' && text.trim() !== '.');

	it('gives back the segments a path was built from, whatever slashes and "." are around them', () => {
		check(
			fc.property(fc.array(segment, { maxLength: 6 }), fc.array(fc.constantFrom('/', '//', '/./', '/ /'), { minLength: 7, maxLength: 7 }), (segments, glue) => {
				const trimmed = segments.map((text) => text.trim());
				const path = glue[0] + trimmed.map((text, index) => text + glue[index + 1]).join('');
				return JSON.stringify(splitPath(path)) === JSON.stringify(trimmed);
			}),
		);
	});

	it('never returns an empty segment or ".", and every segment is trimmed', () => {
		check(
			fc.property(fc.string(), (path) =>
				splitPath(path).every((part) => part !== '' && part !== '.' && part === part.trim() && !part.includes('/')),
			),
		);
	});
});

/** A folder tree in memory, served the way GET /file/metadata[/{id}]?content=1 answers. */
interface TreeNode {
	id: string;
	name: string;
	type: 'D' | 'F';
	parent_id: string;
	children: TreeNode[];
}

const nameArbitrary = fc
	.oneof(fc.stringMatching(/^[A-Za-z0-9 ._()-]{1,10}$/), fc.constantFrom('Report', 'report', 'REPORT', 'été', 'Été', 'a.b', 'x..y', '(1)'))
	.map((text) => text.trim())
	.filter((text) => text !== '' && text !== '.' && text !== '..');

interface TreeSpec {
	name: string;
	folder: boolean;
	/** picks the parent among home and the folders made before this entry */
	parent: number;
}
const treeArbitrary: fc.Arbitrary<TreeSpec[]> = fc.array(fc.record({ name: nameArbitrary, folder: fc.boolean(), parent: fc.nat() }), { maxLength: 14 });

function buildTree(specs: TreeSpec[]) {
	let counter = 0;
	const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
	const home: TreeNode = { id: id(), name: 'Home', type: 'D', parent_id: '00000000-0000-0000-0000-000000000000', children: [] };
	const byId = new Map<string, TreeNode>([[home.id, home]]);
	const folders: Array<{ node: TreeNode; path: string[] }> = [{ node: home, path: [] }];
	const all: Array<{ node: TreeNode; path: string[] }> = [];
	for (const spec of specs) {
		const parent = folders[spec.parent % folders.length];
		if (parent.node.children.some((child) => child.name === spec.name)) continue; // names are unique in a folder
		const child: TreeNode = { id: id(), name: spec.name, type: spec.folder ? 'D' : 'F', parent_id: parent.node.id, children: [] };
		parent.node.children.push(child);
		byId.set(child.id, child);
		const entry = { node: child, path: [...parent.path, spec.name] };
		all.push(entry);
		if (spec.folder) folders.push(entry);
	}
	return { home, byId, all };
}

/** Just enough of n8n's execute context for quatrixRequest, answering from the tree. */
function treeContext(tree: ReturnType<typeof buildTree>) {
	const requests: string[] = [];
	const view = (item: TreeNode, content: boolean): IDataObject => ({
		id: item.id,
		parent_id: item.parent_id,
		name: item.name,
		type: item.type,
		size: 0,
		...(content ? { content: item.children.map((child) => view(child, false)) } : {}),
	});
	const ctx = {
		getNode: () => node,
		getNodeParameter: (name: string, _index: number, fallback?: unknown) => (name === 'authentication' ? 'apiKey' : fallback),
		getCredentials: async () => ({ site: 'https://fuzz.example', apiKey: 'fuzz-key-123456' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: { url: string }) => {
				requests.push(options.url);
				const id = /\/file\/metadata\/?([^/?]*)$/.exec(options.url)?.[1] || tree.home.id;
				const item = tree.byId.get(id);
				if (!item) throw Object.assign(new Error('404'), { response: { status: 404, data: { msg: 'Not found', code: 20 }, headers: {} } });
				return { statusCode: 200, headers: {}, body: view(item, true) };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, requests };
}

/** Changes the case of some letters. */
const recase = (text: string, mask: boolean[]) => [...text].map((char, index) => (mask[index % mask.length] ? char.toUpperCase() : char.toLowerCase())).join('');

describe('path resolution', () => {
	it('every item of a generated tree is found by its path, with one listing per level at most', async () => {
		await check(
			fc.asyncProperty(treeArbitrary, fc.constantFrom('/', '//', ''), async (specs, lead) => {
				const tree = buildTree(specs);
				for (const { node: item, path } of tree.all) {
					const { ctx, requests } = treeContext(tree);
					const found = await resolvePath(ctx, 0, 'Item', lead + path.join('/'));
					if (found.id !== item.id) return false;
					if (requests.length > path.length) return false;
				}
				return true;
			}),
			150,
		);
	});

	it('a path in other letter case finds the item exactly when that is unambiguous, and otherwise says what is missing', async () => {
		await check(
			fc.asyncProperty(treeArbitrary, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), async (specs, mask) => {
				const tree = buildTree(specs);
				for (const { path } of tree.all) {
					const typed = path.map((segment) => recase(segment, mask));
					const { ctx } = treeContext(tree);
					// walk the tree the documented way: exact name first, else the only case-insensitive match
					let expected: TreeNode | undefined = tree.home;
					for (const segment of typed) {
						const children: TreeNode[] = expected?.children ?? [];
						expected = children.find((child) => child.name === segment) ?? (() => {
							const loose = children.filter((child) => child.name.toLowerCase() === segment.toLowerCase());
							return loose.length === 1 ? loose[0] : undefined;
						})();
						if (!expected) break;
						if (expected.type === 'F' && segment !== typed[typed.length - 1]) {
							expected = undefined;
							break;
						}
					}
					try {
						const found = await resolvePath(ctx, 0, 'Item', typed.join('/'));
						if (!expected || found.id !== expected.id) return false;
					} catch (error) {
						if (expected || !(error instanceof NodeOperationError) || !/^Item: .* \(item 0\)$/.test(error.message)) return false;
					}
				}
				return true;
			}),
			150,
		);
	});

	it('refuses ".." before any request, and never fails with anything but a NodeOperationError', async () => {
		await check(
			fc.asyncProperty(treeArbitrary, fc.array(fc.oneof(nameArbitrary, fc.constantFrom('..', '.', '', ' ', 'Report')), { maxLength: 5 }), async (specs, parts) => {
				const tree = buildTree(specs);
				const { ctx, requests } = treeContext(tree);
				const path = parts.join('/');
				try {
					await resolvePath(ctx, 3, 'Folder', path);
					return !splitPath(path).includes('..');
				} catch (error) {
					if (!(error instanceof NodeOperationError) || !/^Folder: .* \(item 3\)$/.test(error.message)) return false;
					return splitPath(path).includes('..') ? requests.length === 0 : true;
				}
			}),
			200,
		);
	});
});

describe('error mapping', () => {
	const secret = fc.stringMatching(/^[A-Za-z0-9_-]{8,24}$/);
	const sprinkle = (text: string, secrets: string[], where: number) => (where < 0 ? text : `${text.slice(0, where)}${secrets[where % secrets.length]}${text.slice(where)}`);
	const info = fc.record({
		action: fc.string({ maxLength: 40 }),
		status: fc.option(fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer()), { nil: undefined }),
		code: fc.option(fc.oneof(fc.constantFrom(...Object.keys(QUATRIX_ERROR_CODES).map(Number)), fc.integer()), { nil: undefined }),
		serverMessage: fc.option(fc.oneof(fc.string(), fc.constantFrom('ECONNRESET', 'socket ETIMEDOUT', 'EAI_AGAIN here', '')), { nil: undefined }),
		networkCode: fc.option(fc.oneof(fc.constantFrom('ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ENOTFOUND', 'EPIPE'), fc.string()), { nil: undefined }),
		note: fc.option(fc.string(), { nil: undefined }),
		itemIndex: fc.option(fc.nat(1000), { nil: undefined }),
	});

	it('never throws, never gives an empty message or description, keeps its own message, and leaks no given secret', () => {
		check(
			fc.property(info, fc.array(secret, { minLength: 1, maxLength: 3 }), fc.integer({ min: -1, max: 30 }), fc.integer({ min: -1, max: 30 }), (base, secrets, at1, at2) => {
				const given = {
					...base,
					serverMessage: base.serverMessage === undefined ? undefined : sprinkle(base.serverMessage, secrets, Math.min(at1, base.serverMessage.length)),
					note: base.note === undefined ? undefined : sprinkle(base.note, secrets, Math.min(at2, base.note.length)),
					action: sprinkle(base.action, secrets, Math.min(at2, base.action.length)),
					secrets,
				};
				const error = quatrixApiError(node, given);
				if (!(error instanceof NodeApiError)) return false;
				if (!error.message.startsWith('Quatrix: ') || !/ failed: \S/.test(error.message)) return false;
				if (!error.description || error.description.trim() === '') return false;
				if (/undefined|\[object Object\]/.test(`${error.message} ${error.description}`.replace(given.action, '').replace(given.serverMessage ?? '', '').replace(given.note ?? '', ''))) return false;
				// The stack's frames are file paths (…/fast-check/lib/check/property/…) that a random "secret" may spell.
				const withoutFrames = (text = '') => text.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n');
				const everything = [error.message, error.description, withoutFrames(error.stack), JSON.stringify({ ...error, stack: withoutFrames(error.stack) })].join('\n');
				return secrets.every((value) => !everything.includes(value));
			}),
			1000,
		);
	});

	it('redact() removes every occurrence of every secret, also base64- and URL-encoded', () => {
		check(
			fc.property(fc.array(secret, { minLength: 1, maxLength: 3 }), fc.array(fc.string(), { maxLength: 5 }), (secrets, pieces) => {
				const forms = secrets.flatMap((value) => [value, Buffer.from(value).toString('base64'), encodeURIComponent(value)]);
				const text = pieces.map((piece, index) => piece + forms[index % forms.length]).join('');
				const clean = redact(text, secrets);
				return secrets.every((value) => !clean.includes(value) && !clean.includes(Buffer.from(value).toString('base64')));
			}),
		);
	});
});

describe('the transport on arbitrary answers', () => {
	const saved = { ...RETRY };
	beforeAll(() => Object.assign(RETRY, { attempts: 1 }));
	afterAll(() => Object.assign(RETRY, saved));

	const body = fc.oneof(
		fc.anything(),
		fc.string(),
		fc.json(),
		fc.constantFrom('', '   ', '<html>oops</html>', '{"msg":"x","code":20}', '{"id":', 'null', '[]', '{}'),
		fc.record({ msg: fc.string(), code: fc.integer() }),
		fc.record({ id: fc.anything(), name: fc.anything(), content: fc.anything() }, { requiredKeys: [] }),
	);

	it('returns an object or a list, or throws a NodeApiError with a message: never anything else', async () => {
		await check(
			fc.asyncProperty(fc.integer({ min: 100, max: 599 }), body, fc.constantFrom('GET', 'POST'), fc.boolean(), async (status, answer, method, asText) => {
				const sent = asText && typeof answer !== 'string' ? JSON.stringify(answer) ?? '' : answer;
				const ctx = {
					getNode: () => node,
					getNodeParameter: (name: string, _index: number, fallback?: unknown) => (name === 'authentication' ? 'apiKey' : fallback),
					getCredentials: async () => ({ site: 'https://fuzz.example', apiKey: 'fuzz-key-123456' }),
					helpers: {
						httpRequestWithAuthentication: async () => {
							if (status >= 300) throw Object.assign(new Error(`Request failed with status code ${status}`), { response: { status, data: sent, headers: {} } });
							return { statusCode: status, headers: {}, body: sent };
						},
					},
				} as unknown as IExecuteFunctions;
				try {
					const result = await quatrixRequest.call(ctx, { method: method as 'GET' | 'POST', path: '/file/metadata/x', action: 'fuzz' });
					return status < 300 && result !== null && typeof result === 'object';
				} catch (error) {
					return error instanceof NodeApiError && /^Quatrix: fuzz failed: \S/.test(error.message) && !!error.description;
				}
			}),
			500,
		);
	});
});
