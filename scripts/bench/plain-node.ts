/**
 * The reference "plain Node.js" client of `npm run bench`: the same transfer as curl (upload: link → chunked
 * POSTs with Content-Range → finalize; download: download-link → GET into a file), written directly on
 * node:http and node:fs, with no n8n and no node code in the way. It shows what the Node.js runtime itself
 * reaches on this machine, so the node can be compared with its own floor as well as with curl.
 *
 *   node --import tsx scripts/bench/plain-node.ts upload <url> <apiKey> <file> <parentId> <chunkBytes>
 *   node --import tsx scripts/bench/plain-node.ts download <url> <apiKey> <fileId> <outFile>
 * Prints one JSON line: { seconds, bytes, id? }.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import * as http from 'node:http';
import { pipeline } from 'node:stream/promises';

const agent = new http.Agent({ keepAlive: true });

async function call(method: string, url: string, headers: Record<string, string | number>, body?: Buffer | string): Promise<{ status: number; text: string }> {
	return await new Promise((resolve, reject) => {
		const request = http.request(url, { method, agent, headers: body === undefined ? headers : { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (response) => {
			const parts: Buffer[] = [];
			response.on('data', (part: Buffer) => parts.push(part));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
			response.on('error', reject);
		});
		request.on('error', reject);
		request.end(body);
	});
}

async function json(method: string, url: string, key: string, body?: unknown) {
	const answer = await call(method, url, { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body === undefined ? undefined : JSON.stringify(body));
	if (answer.status !== 200) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
	return JSON.parse(answer.text) as Record<string, unknown>;
}

async function upload(url: string, key: string, file: string, parentId: string, chunkBytes: number) {
	const size = statSync(file).size;
	const started = process.hrtime.bigint();
	const link = await json('POST', `${url}/api/1.0/upload/link`, key, { name: `plain-node-${Date.now()}.bin`, parent_id: parentId, resolve: true, file_size: size });
	let sent = 0;
	for await (const chunk of createReadStream(file, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
		const answer = await call('POST', `${url}/upload/chunked/${String(link.upload_key)}`, { 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${sent}-${sent + chunk.length - 1}/${size}` }, chunk);
		if (answer.status !== 200) throw new Error(`chunk at ${sent}: ${answer.status} ${answer.text}`);
		sent += chunk.length;
	}
	const done = await json('GET', `${url}/api/1.0/upload/finalize/${String(link.upload_key)}`, key);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	if (done.size !== size) throw new Error(`stored ${String(done.size)} of ${size} bytes`);
	return { seconds, bytes: size, id: done.id };
}

async function download(url: string, key: string, fileId: string, out: string) {
	const started = process.hrtime.bigint();
	const link = await json('POST', `${url}/api/1.0/file/download-link`, key, { ids: [fileId] });
	const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
		http.get(`${url}/api/1.0/file/download/${String(link.id)}`, { agent, headers: { Authorization: `Bearer ${key}` } }, resolve).on('error', reject);
	});
	if (response.statusCode !== 200) throw new Error(`download: ${response.statusCode}`);
	await pipeline(response, createWriteStream(out));
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	return { seconds, bytes: statSync(out).size };
}

async function main() {
	const [mode, url, key, a, b, c] = process.argv.slice(2);
	const result = mode === 'upload' ? await upload(url, key, a, b, Number(c)) : await download(url, key, a, b);
	console.log(JSON.stringify(result));
	agent.destroy();
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
