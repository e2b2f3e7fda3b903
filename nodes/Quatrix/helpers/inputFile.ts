import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import type { UploadSource } from '../transport/upload';
import { DEFAULT_CHUNK_MIB, MIB } from '../transport/upload';
import { inputError, requireItemName } from './validate';

/** A file to upload, taken from the item's binary field named by the "Input Binary Field" parameter. */
export interface InputFile {
	binary: IBinaryData;
	/** The name to store: the File Name option, else the binary's own name. */
	name: string;
	source: UploadSource;
	chunkSize: number;
}

/** The bytes of an input binary: streamed from n8n's binary store, or from memory when the data has no id. */
async function sourceOf(ctx: IExecuteFunctions, binary: IBinaryData): Promise<UploadSource> {
	if (binary.id) {
		const id = binary.id;
		const { fileSize } = await ctx.helpers.getBinaryMetadata(id);
		return { size: Number(fileSize), open: async (chunkSize) => await ctx.helpers.getBinaryStream(id, chunkSize) };
	}
	const buffer = Buffer.from(binary.data ?? '', 'base64');
	return {
		size: buffer.length,
		open: async () =>
			(async function* () {
				yield buffer;
			})(),
	};
}

/** Checks the binary field, the file name and the chunk size (before anything is sent) and opens the bytes. */
export async function inputFileOf(
	ctx: IExecuteFunctions,
	i: number,
	options: { fileName?: string; chunkSizeMib?: number },
): Promise<InputFile> {
	const propertyName = String(ctx.getNodeParameter('binaryPropertyName', i) ?? '').trim();
	const binary = ctx.getInputData()[i]?.binary?.[propertyName];
	if (!propertyName || !binary) {
		const available = Object.keys(ctx.getInputData()[i]?.binary ?? {});
		throw inputError(
			ctx,
			i,
			'Input Binary Field',
			`the item has no binary field "${propertyName}"`,
			available.length
				? `This item has binary fields: ${available.join(', ')}. Put one of them in "Input Binary Field".`
				: 'This item has no binary data. Add a node before this one that reads or creates a file.',
		);
	}
	const name = requireItemName(ctx, i, options.fileName ? 'File Name' : 'Input Binary Field (file name)', options.fileName || binary.fileName || 'file');
	const chunkSizeMib = options.chunkSizeMib ?? DEFAULT_CHUNK_MIB;
	if (!(chunkSizeMib >= 1 && chunkSizeMib <= 100)) {
		throw inputError(ctx, i, 'Chunk Size (MiB)', `${chunkSizeMib} is out of range`, 'Use a chunk size from 1 to 100 MiB.');
	}
	return { binary, name, source: await sourceOf(ctx, binary), chunkSize: Math.round(chunkSizeMib * MIB) };
}
