/**
 * The Site rule: the TypeScript function the node uses and the n8n expression the credential tests use must
 * agree on every input (property-based), and both must follow the documented examples.
 */
import fc from 'fast-check';
import { Workflow, type INode } from 'n8n-workflow';

import { SITE_BASE_URL_EXPRESSION, siteBaseUrl } from '../../credentials/site';
import { loadNodeTypes } from '../harness';

const node: INode = { id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
let workflow: Workflow;

beforeAll(() => {
	workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: loadNodeTypes() });
});

function viaExpression(site: unknown): string {
	// As n8n resolves credential expressions (CredentialsHelper: getSimpleParameterValue with $credentials).
	return workflow.expression.getSimpleParameterValue(node, SITE_BASE_URL_EXPRESSION, 'internal', { $credentials: { site } } as never) as string;
}

describe('siteBaseUrl', () => {
	it.each([
		['acme', 'https://acme.quatrix.it'],
		['  acme  ', 'https://acme.quatrix.it'],
		['acme.quatrix.it', 'https://acme.quatrix.it'],
		['acme.quatrix.it/', 'https://acme.quatrix.it'],
		['https://files.example.com', 'https://files.example.com'],
		['https://acme.quatrix.it/api/1.0/', 'https://acme.quatrix.it'],
		['HTTPS://Acme.Quatrix.It', 'HTTPS://Acme.Quatrix.It'],
		['http://127.0.0.1:8123', 'http://127.0.0.1:8123'],
		['127.0.0.1:8123', 'https://127.0.0.1:8123'],
		['localhost:8123', 'https://localhost:8123'],
	])('%s → %s', (typed, expected) => {
		expect(siteBaseUrl(typed)).toBe(expected);
		expect(viaExpression(typed)).toBe(expected);
	});

	it('uses plain http only when http:// is written', () => {
		fc.assert(
			fc.property(fc.string(), (typed) => {
				const url = siteBaseUrl(typed);
				return url.startsWith('http://') ? /^\s*http:\/\//i.test(typed) : /^https:\/\//i.test(url);
			}),
		);
	});

	it('gives the same URL as the credential expression, whatever is typed', () => {
		const host = fc.stringMatching(/^[a-z0-9-]{1,12}(\.[a-z0-9-]{1,8}){0,3}(:\d{1,5})?$/);
		const typed = fc.oneof(
			fc.string(),
			host,
			fc.tuple(fc.constantFrom('http://', 'https://', 'HTTPS://', ''), host, fc.constantFrom('', '/', '//', '/api/1.0', '/api/1.0/'), fc.constantFrom('', ' ', '  ')).map(
				([scheme, name, tail, space]) => `${space}${scheme}${name}${tail}${space}`,
			),
		);
		fc.assert(fc.property(typed, (value) => viaExpression(value) === siteBaseUrl(value)), { numRuns: 300 });
	});

	it('never ends with a slash or /api/1.0', () => {
		fc.assert(fc.property(fc.string(), (typed) => !/\/$|\/api\/1\.0$/i.test(siteBaseUrl(typed)) || siteBaseUrl(typed) === 'https://'));
	});
});
