/**
 * The coverage table cannot drift from the code.
 *
 * Convention: every workflow test of a node operation lives in `test/operations/<resource>.test.ts` inside a
 * `describe('<resource>.<operation>', …)` block named after the operation it runs (e.g.
 * `describe('user.create', …)`). This test scans those files for such blocks and fails when a node
 * operation has none. It also fails when:
 * - an operation of Quatrix's spec (../shared/quatrix-api/swagger.yaml) is neither covered by an operation's
 *   `covers` nor excluded with a reason (scripts/coverage-data.ts, EXCLUDED);
 * - a `covers` entry names something not in the spec (besides the upload byte routes outside /api/1.0);
 * - docs/coverage.md or docs/operations-table.md differ from what `npm run coverage` would write.
 * Without ../shared the spec checks are skipped with a visible notice, never passed silently.
 */
import * as fs from 'fs';
import * as path from 'path';

import {
	COVERAGE_DOC,
	EXCLUDED,
	OPERATIONS_DOC,
	REPO_ROOT,
	SPEC_PATH,
	computeCoverage,
	nodeOperations,
	readSpec,
	renderCoverage,
	renderOperationsTable,
	README,
	readmeWithTable,
} from '../scripts/coverage-data';

const spec = readSpec();
const specIt = spec ? it : it.skip;
if (!spec) {
	// eslint-disable-next-line no-console
	console.warn(`SKIPPED: the Quatrix spec is not at ${SPEC_PATH} (../shared is absent); the coverage checks against the spec did not run.`);
}

const OPERATIONS_TESTS = path.join(REPO_ROOT, 'test/operations');

function testedOperations(): Set<string> {
	const tested = new Set<string>();
	if (!fs.existsSync(OPERATIONS_TESTS)) return tested;
	for (const file of fs.readdirSync(OPERATIONS_TESTS).filter((name) => name.endsWith('.test.ts'))) {
		const source = fs.readFileSync(path.join(OPERATIONS_TESTS, file), 'utf8');
		for (const match of source.matchAll(/describe(?:\.each\([^)]*\))?\(\s*['"`]([A-Za-z]+\.[A-Za-z]+)['"`\s]/g)) tested.add(match[1]);
	}
	return tested;
}

describe('coverage table', () => {
	specIt('every operation of the spec is covered by a node operation or excluded with a reason', () => {
		const coverage = computeCoverage(spec!);
		expect(coverage.uncovered.map((operation) => operation.key)).toEqual([]);
		expect(coverage.staleExclusions).toEqual([]);
		expect(coverage.unknownExclusions).toEqual([]);
		expect(coverage.missingCredentialUses).toEqual([]);
		for (const [key, reason] of Object.entries(EXCLUDED)) expect(`${key}: ${reason.trim().length > 20 ? 'has a reason' : reason}`).toBe(`${key}: has a reason`);
	});

	specIt('every covers entry names an operation of the spec (or an upload byte route)', () => {
		expect(computeCoverage(spec!).unknownCovers).toEqual([]);
	});

	specIt('docs/coverage.md and docs/operations-table.md are up to date (run `npm run coverage`)', () => {
		const coverage = computeCoverage(spec!);
		expect(fs.existsSync(COVERAGE_DOC) ? fs.readFileSync(COVERAGE_DOC, 'utf8') : '(missing)').toBe(renderCoverage(coverage));
		expect(fs.existsSync(OPERATIONS_DOC) ? fs.readFileSync(OPERATIONS_DOC, 'utf8') : '(missing)').toBe(renderOperationsTable(coverage.nodeOps));
	});

	it("the README's operations table is the one the code gives (run `npm run coverage`)", () => {
		const readme = fs.readFileSync(README, 'utf8');
		expect(readme).toBe(readmeWithTable(readme, renderOperationsTable(nodeOperations())));
	});

	it('every node operation declares what it covers', () => {
		expect(nodeOperations().filter((op) => op.covers.length === 0).map((op) => `${op.resource}.${op.operation}`)).toEqual([]);
	});

	it("every node operation has a workflow test (a describe('<resource>.<operation>') block in test/operations)", () => {
		const tested = testedOperations();
		const untested = nodeOperations()
			.map((op) => `${op.resource}.${op.operation}`)
			.filter((name) => !tested.has(name));
		expect(untested).toEqual([]);
	});

	it('test blocks name real node operations (no typos)', () => {
		const known = new Set(nodeOperations().map((op) => `${op.resource}.${op.operation}`));
		const resources = new Set(nodeOperations().map((op) => op.resource));
		const unknown = [...testedOperations()].filter((name) => resources.has(name.split('.')[0]) && !known.has(name));
		expect(unknown).toEqual([]);
	});
});
