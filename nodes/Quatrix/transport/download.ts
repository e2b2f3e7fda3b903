import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { NETWORK_FAILURES, quatrixApiError } from './errors';
import type { ByteStream, FullResponse } from './request';
import { quatrixRequest } from './request';
import { expectShape } from './shape';

/** `attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf` or `filename="report.pdf"` → the name. */
export function fileNameFromDisposition(header: unknown): string | undefined {
	if (typeof header !== 'string') return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)?''([^;]+)/.exec(header);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// fall through to the plain form
		}
	}
	const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
	return plain ? (plain[2] ?? plain[1]).trim() : undefined;
}

/**
 * Downloads files or folders into n8n binary data: one file comes back as itself, several files or any folder
 * as one ZIP. The response is streamed into `prepareBinaryData`, so with n8n's filesystem binary mode the
 * file never sits in memory.
 */
export async function downloadToBinary(
	this: IExecuteFunctions,
	ids: string[],
	fallbackName: string,
	itemIndex: number,
): Promise<IBinaryData> {
	const link = await quatrixRequest.call(this, {
		method: 'POST',
		path: '/file/download-link',
		body: { ids },
		// A spare download id costs nothing, so asking again after a lost answer is harmless.
		idempotent: true,
		action: 'prepare the download',
		itemIndex,
	});
	const { id } = expectShape<{ id: string }>(this, 'prepare the download', link, { id: 'string' }, itemIndex);
	return await streamToBinary.call(this, `/file/download/${id}`, fallbackName, 'download', itemIndex);
}

/**
 * Streams one download (`/file/download/{id}`, `/share/download/{id}`) into n8n binary data, named after
 * Quatrix's Content-Disposition, else `fallbackName`.
 */
export async function streamToBinary(
	this: IExecuteFunctions,
	path: string,
	fallbackName: string,
	action: string,
	itemIndex: number,
	extra: { qs?: IDataObject; mimeType?: string } = {},
): Promise<IBinaryData> {
	const response = (await quatrixRequest.call(this, {
		method: 'GET',
		path,
		qs: extra.qs,
		headers: { Accept: extra.mimeType ?? 'application/octet-stream' },
		encoding: 'stream',
		returnFullResponse: true,
		action,
		itemIndex,
	})) as unknown as FullResponse<ByteStream>;
	const name = fileNameFromDisposition(response.headers['content-disposition']) ?? fallbackName;
	const contentType = String(response.headers['content-type'] ?? '').split(';')[0].trim();
	const mimeType = extra.mimeType ?? (contentType && contentType !== 'application/octet-stream' ? contentType : undefined);
	try {
		return await this.helpers.prepareBinaryData(response.body, name, mimeType);
	} catch (error) {
		// The answer began but the connection broke while the bytes were being stored.
		const code = (error as { code?: unknown }).code;
		throw quatrixApiError(this.getNode(), {
			action,
			networkCode: typeof code === 'string' && NETWORK_FAILURES[code] ? code : 'ECONNRESET',
			note: 'The file was cut off part way through. Run the step again.',
			itemIndex,
		});
	}
}
