import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { quatrixCodeOf } from './errors';
import { quatrixRequest } from './request';
import { expectShape } from './shape';

export const MIB = 1024 * 1024;
/**
 * Default chunk size. Each chunk is one request through n8n's HTTP helpers, which costs tens of milliseconds on
 * top of the bytes (measured in BENCHMARKS.md): 16 MiB keeps an upload near curl's speed while memory stays
 * near two chunks.
 */
export const DEFAULT_CHUNK_MIB = 16;

export type NameConflict = 'rename' | 'replace' | 'fail';

/** Where the bytes come from; `open` may be called again to restart an upload from the beginning. */
export interface UploadSource {
	size: number;
	open(chunkSize: number): Promise<AsyncIterable<Buffer>>;
}

export interface UploadRequest {
	parentId: string;
	name: string;
	source: UploadSource;
	conflict: NameConflict;
	chunkSize: number;
	/** Modification time to store, epoch seconds. */
	mtime?: number;
	mimeType?: string;
	itemIndex: number;
	/** Reserves the file another way (e.g. a files-return upload link) instead of /upload/link or /file/modify. */
	reserve?: () => Promise<UploadSlot>;
}

export interface UploadSlot {
	upload_key: string;
	file_id: string;
	parent_id: string;
	name: string;
}

/** Re-cuts a stream into pieces of exactly `size` bytes (the last one shorter), copying only when it must. */
export async function* fixedChunks(stream: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
	let pending: Buffer[] = [];
	let pendingLength = 0;
	for await (const piece of stream) {
		let data = Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
		if (pendingLength === 0 && data.length === size) {
			yield data;
			continue;
		}
		while (data.length > 0) {
			const take = Math.min(size - pendingLength, data.length);
			pending.push(take === data.length ? data : data.subarray(0, take));
			pendingLength += take;
			data = data.subarray(take);
			if (pendingLength === size) {
				yield pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingLength);
				pending = [];
				pendingLength = 0;
			}
		}
	}
	if (pendingLength > 0) yield pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingLength);
}

async function findFileByName(ctx: IExecuteFunctions, parentId: string, name: string, itemIndex: number) {
	const folder = await quatrixRequest.call(ctx, {
		method: 'GET',
		path: `/file/metadata/${parentId}`,
		qs: { content: 1 },
		action: 'look for an existing file to replace',
		itemIndex,
	});
	const children = (folder.content as IDataObject[] | undefined) ?? [];
	return children.find((child) => child.name === name && child.type === 'F');
}

async function reserve(ctx: IExecuteFunctions, request: UploadRequest): Promise<UploadSlot> {
	if (request.reserve) return await request.reserve();
	const { parentId, name, source, conflict, itemIndex } = request;
	if (conflict === 'replace') {
		const existing = await findFileByName(ctx, parentId, name, itemIndex);
		if (existing) {
			const slot = await quatrixRequest.call(ctx, {
				method: 'POST',
				path: '/file/modify',
				body: { id: existing.id as string, truncate: source.size },
				action: `replace the content of "${name}"`,
				itemIndex,
			});
			return expectShape<UploadSlot & IDataObject>(ctx, 'replace a file', slot, { upload_key: 'string' }, itemIndex);
		}
	}
	const slot = await quatrixRequest.call(ctx, {
		method: 'POST',
		path: '/upload/link',
		body: { name, parent_id: parentId, resolve: conflict === 'rename', file_size: source.size },
		action: `start the upload of "${name}"`,
		itemIndex,
	});
	return expectShape<UploadSlot & IDataObject>(ctx, 'start an upload', slot, { upload_key: 'string', file_id: 'string' }, itemIndex);
}

async function sendChunks(ctx: IExecuteFunctions, request: UploadRequest, slot: UploadSlot) {
	const { source, chunkSize, itemIndex } = request;
	const total = source.size;
	const chunkCount = Math.max(1, Math.ceil(total / chunkSize));
	let sent = 0;
	let index = 0;
	for await (const chunk of fixedChunks(await source.open(chunkSize), chunkSize)) {
		if (chunk.length === 0) continue;
		index++;
		const last = sent + chunk.length - 1;
		await quatrixRequest.call(ctx, {
			method: 'POST',
			siteRoot: true,
			path: `/upload/chunked/${slot.upload_key}`,
			body: chunk,
			headers: {
				'Content-Type': 'application/octet-stream',
				'Content-Range': `bytes ${sent}-${last}/${total}`,
			},
			encoding: 'text',
			// Quatrix accepts the same Content-Range again, so a chunk cut off mid-way is simply re-sent.
			idempotent: true,
			action: `upload "${slot.name}" (chunk ${index} of ${chunkCount})`,
			itemIndex,
		});
		sent += chunk.length;
	}
	return sent;
}

const EXPIRED = 60;

function isExpiredKey(error: unknown) {
	return quatrixCodeOf(error) === EXPIRED;
}

/**
 * Uploads a file: reserve it (new, or the existing one for "replace"), send the bytes in `Content-Range` chunks
 * straight from the source stream, then finalize. Memory stays near one chunk whatever the file size.
 * An upload key that expires mid-way (15 minutes) restarts the upload once from a fresh key.
 */
export async function uploadFile(this: IExecuteFunctions, request: UploadRequest): Promise<IDataObject> {
	for (let attempt = 1; ; attempt++) {
		const slot = await reserve(this, request);
		let sent: number;
		try {
			sent = await sendChunks(this, request, slot);
		} catch (error) {
			if (attempt === 1 && isExpiredKey(error)) continue;
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
		if (sent !== request.source.size) {
			throw new NodeApiError(this.getNode(), {
				message: `Quatrix: upload of "${slot.name}" read ${sent} bytes but the file has ${request.source.size}`,
				description: 'The input binary data changed or was cut short while it was being uploaded.',
			}, { itemIndex: request.itemIndex });
		}
		const finalized = await quatrixRequest.call(this, {
			method: 'GET',
			path: `/upload/finalize/${slot.upload_key}`,
			qs: request.mtime !== undefined ? { mtime: request.mtime } : undefined,
			idempotent: false,
			action: `finish the upload of "${slot.name}"`,
			itemIndex: request.itemIndex,
		});
		const result = expectShape(this, 'finish an upload', finalized, { id: 'string', size: 'number' }, request.itemIndex);
		if (result.size !== sent) {
			throw new NodeApiError(this.getNode(), {
				message: `Quatrix: upload of "${slot.name}" is incomplete: Quatrix stored ${String(result.size)} bytes, ${sent} were sent`,
				description: 'Run the step again. If it keeps happening, lower the chunk size in the options.',
			}, { itemIndex: request.itemIndex });
		}
		return { ...result, name: slot.name, parent_id: (result.parent_id as string) ?? slot.parent_id };
	}
}
