/**
 * The Preview resource against the sandbox, through real workflows. Convention for the coverage test: every
 * node operation run here is named in a `describe('preview.<operation>')` block.
 */
import { startSandbox, type Sandbox } from '../sandbox';
import { readBinary } from '../harness';
import { byId } from '../helpers/workflows';
import { ok, step } from './directory.fixtures';

let sandbox: Sandbox;
let photoId: string;
let notesId: string;
beforeAll(async () => {
	sandbox = await startSandbox();
	const [photo] = sandbox.seedFiles(sandbox.admin.homeId, 1, 'photo-');
	const file = sandbox.state.files.get(photo)!;
	sandbox.state.detach(file);
	file.name = 'photo.jpg';
	sandbox.state.attach(sandbox.state.files.get(sandbox.admin.homeId)!, file);
	photoId = photo;
	notesId = sandbox.seedFiles(sandbox.admin.homeId, 1, 'notes-').map((id) => {
		const f = sandbox.state.files.get(id)!;
		sandbox.state.detach(f);
		f.name = 'notes.xyz';
		sandbox.state.attach(sandbox.state.files.get(sandbox.admin.homeId)!, f);
		return id;
	})[0];
});
afterAll(async () => await sandbox.stop());

describe('preview.getInfo', () => {
	it('says which kind of preview a file has', async () => {
		expect((await ok(sandbox, { resource: 'preview', operation: 'getInfo', file: byId(photoId) }))[0]).toEqual({ fileId: photoId, type: 'image', uri: `/api/1.0/preview/${photoId}` });
	});
});

describe('preview.download', () => {
	it('downloads the preview as binary data', async () => {
		const result = await step(sandbox, { resource: 'preview', operation: 'download', file: byId(photoId), binaryPropertyName: 'data' });
		const [item] = result.output('Quatrix');
		expect(item.json).toEqual({ fileId: photoId, mimeType: 'image/jpeg' });
		expect(item.binary?.data.fileName).toBe(`preview-${photoId}.jpg`);
		expect((await readBinary(item)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
	});

	it('maps a file without a preview to a readable error', async () => {
		const result = await step(sandbox, { resource: 'preview', operation: 'download', file: byId(notesId), binaryPropertyName: 'data' });
		expect(result.error?.message).toMatch(/download the preview failed: Not supported: no preview for this kind of file \[Quatrix code 21/);
	});
});
