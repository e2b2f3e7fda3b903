/**
 * An upload key that expires while one of its chunks is still arriving: that chunk is answered "expired"
 * (code 60), nothing hangs, and no part file is left behind.
 */
import { existsSync } from 'node:fs';
import { request } from 'node:http';

import { startSandbox, type Sandbox } from './index';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.stop();
});

it('answers a chunk whose key expired mid-way with code 60 and removes the part file', async () => {
	const auth = { Authorization: `Bearer ${sandbox.admin.apiKey}`, 'Content-Type': 'application/json' };
	const link = (await (
		await fetch(`${sandbox.url}/api/1.0/upload/link`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'slow.bin', parent_id: sandbox.admin.homeId, file_size: 2000 }) })
	).json()) as { upload_key: string };
	const upload = sandbox.state.uploads.get(link.upload_key)!;

	const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
		const chunk = request(
			`${sandbox.url}/upload/chunked/${link.upload_key}`,
			{ method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': 'bytes 0-1999/2000', 'Content-Length': 2000 } },
			(response) => {
				let body = '';
				response.on('data', (data) => (body += data));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
			},
		);
		chunk.on('error', reject);
		chunk.write(Buffer.alloc(1000, 1));
		// Expire the key while the chunk is half sent, then send the rest.
		setTimeout(() => {
			sandbox.faults.expireUploadKeys();
			chunk.end(Buffer.alloc(1000, 2));
		}, 100);
	});
	const { status, body } = await answer;
	expect(status).toBe(400);
	expect(JSON.parse(body)).toMatchObject({ code: 60 });
	await new Promise((resolve) => setTimeout(resolve, 50));
	expect(existsSync(upload.tmpPath)).toBe(false);
});
