/**
 * Every request our nodes send to a sandbox during the tests must be an operation of Quatrix's official spec
 * (or one of the upload routes the catalogue documents outside it), with the spec's required fields present.
 * Runs after every test file (jest setupFilesAfterEnv); a violation fails that file. Requests sent by tests
 * themselves (plain fetch, e.g. the sandbox's own tests of bad requests) are not ours and are not checked.
 * Without ../shared/quatrix-api/swagger.yaml the check is skipped with a visible notice.
 */
import { loadContract, specLocation } from '../contract/spec';
import { requestObservers, type RecordedRequest } from '../sandbox';

const contract = loadContract();
const violations: string[] = [];
let checked = 0;

function sentByN8n(request: RecordedRequest) {
	const agent = String(request.headers['user-agent'] ?? '');
	return /\bn8n\b/.test(agent);
}

function observe(request: RecordedRequest) {
	if (!contract || !sentByN8n(request)) return;
	checked++;
	const problem = contract.check({ method: request.method, path: request.path, query: request.query, body: request.body });
	if (problem && !violations.includes(problem)) violations.push(problem);
}

beforeAll(() => {
	requestObservers.add(observe);
});

afterAll(() => {
	requestObservers.delete(observe);
	if (!contract) {
		if (checked === 0) console.warn(`Contract check skipped: ${specLocation()} not found (a clone outside the team).`);
		return;
	}
	if (violations.length) {
		throw new Error(`Requests that break Quatrix's spec (${violations.length}):\n  ${violations.join('\n  ')}`);
	}
});
