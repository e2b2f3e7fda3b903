/**
 * Writes docs/coverage.md (every Quatrix API operation: covered by which node operation, or why not) and
 * docs/operations-table.md (the README's operations table) from the code. `npm run coverage`.
 */
import * as fs from 'fs';
import * as path from 'path';

import { COVERAGE_DOC, OPERATIONS_DOC, README, SPEC_PATH, computeCoverage, readSpec, readmeWithTable, renderCoverage, renderOperationsTable } from './coverage-data';

const spec = readSpec();
if (!spec) {
	console.error(`The Quatrix spec is not at ${SPEC_PATH} (../shared is absent). Cannot generate the coverage table.`);
	process.exit(1);
}
const coverage = computeCoverage(spec);
fs.mkdirSync(path.dirname(COVERAGE_DOC), { recursive: true });
fs.writeFileSync(COVERAGE_DOC, renderCoverage(coverage));
const table = renderOperationsTable(coverage.nodeOps);
fs.writeFileSync(OPERATIONS_DOC, table);
fs.writeFileSync(README, readmeWithTable(fs.readFileSync(README, 'utf8'), table));
console.log(`Wrote ${path.relative(process.cwd(), COVERAGE_DOC)}, ${path.relative(process.cwd(), OPERATIONS_DOC)} and the table in README.md.`);
const problems = [
	...coverage.uncovered.map((operation) => `not covered and not excluded: ${operation.key}`),
	...coverage.unknownCovers.map(({ op, entry }) => `${op} covers "${entry}", which is not in the spec`),
	...coverage.staleExclusions.map((key) => `excluded but covered: ${key}`),
	...coverage.unknownExclusions.map((key) => `excluded or credential use not in the spec: ${key}`),
	...coverage.missingCredentialUses.map((key) => `credential no longer calls ${key}`),
];
for (const problem of problems) console.warn(`  ! ${problem}`);
if (problems.length) process.exitCode = 1;
