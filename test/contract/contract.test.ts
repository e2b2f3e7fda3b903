/**
 * The contract checker itself: it must know the spec's 129 operations plus the two upload routes, and refuse
 * what Quatrix would not accept. (test/setup/contract.ts applies it to every request the suite sends.)
 */
import { loadContract, specAvailable, specLocation, UPLOAD_ROUTES } from './spec';

const describeWithSpec = specAvailable() ? describe : describe.skip;
if (!specAvailable()) console.warn(`SKIPPED: the contract tests need ${specLocation()} (absent in this clone).`);

describeWithSpec('the Quatrix spec contract', () => {
	const contract = loadContract()!;

	it('knows all 129 operations of the spec and the upload routes outside /api/1.0', () => {
		expect(contract.operations).toHaveLength(129 + UPLOAD_ROUTES.length);
		expect(contract.list()).toEqual(expect.arrayContaining(['POST /share/create', 'GET /tracking/activity', 'POST /upload/chunked/{key}']));
	});

	it('matches literal segments before {id} ones, with or without a trailing slash', () => {
		expect(contract.match('GET', '/api/1.0/tracking/activity')?.template).toBe('/tracking/activity');
		expect(contract.match('GET', '/api/1.0/tracking/1f0e')?.template).toBe('/tracking/{id}');
		expect(contract.match('GET', '/api/1.0/tracking')?.template).toBe('/tracking/');
		expect(contract.match('POST', '/api/1.0/project-folder/delete-users')?.template).toBe('/project-folder/delete-users/');
	});

	it.each([
		[{ method: 'GET', path: '/api/1.0/file/nowhere' }, /not an operation of the Quatrix spec/],
		[{ method: 'DELETE', path: '/api/1.0/file/metadata/abc' }, /not an operation/],
		[{ method: 'GET', path: '/file/metadata' }, /not an operation/],
		[{ method: 'POST', path: '/api/1.0/upload/link', body: { name: 'a.txt' } }, /"parent_id" is missing/],
		[{ method: 'GET', path: '/api/1.0/file/diff/abc', query: {} }, /query parameter "from" is missing/],
		[{ method: 'POST', path: '/api/1.0/share/create', body: { files: [], folder_id: 'x' } }, /"contacts" is missing/],
		[{ method: 'POST', path: '/api/1.0/file/copy', body: ['a'] }, /must be a JSON object/],
	])('refuses %j', (request, reason) => {
		expect(contract.check(request)).toMatch(reason);
	});

	it.each([
		{ method: 'GET', path: '/api/1.0/file/metadata', query: { content: '1' } },
		{ method: 'POST', path: '/api/1.0/upload/link', body: { name: 'a.txt', parent_id: 'p' } },
		{ method: 'POST', path: '/upload/chunked/0c5d6e7f' },
		{ method: 'GET', path: '/api/1.0/file/diff/abc', query: { from: '1' } },
	])('accepts %j', (request) => {
		expect(contract.check(request)).toBeUndefined();
	});
});
