/**
 * TEST STAND-IN for n8n's `n8n-nodes-base.convertToFile` — not the real node.
 * Only two of its operations, with the real parameter names:
 * - `toText`: the text in field `sourceProperty` becomes a file (`options.fileName`, `options.encoding`, `options.addBOM`);
 * - `toBinary` ("Move Base64 String to File"): the base64 string in `sourceProperty` becomes a file
 *   (`options.fileName`, `options.mimeType`, `options.dataIsBase64`, `options.encoding`).
 * The file goes to `binaryPropertyName` (default `data`) through `prepareBinaryData`.
 * Encodings are the ones Node's Buffer knows (the real node uses iconv-lite).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { BINARY_ENCODING, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

const ENCODINGS: Record<string, BufferEncoding> = {
	utf8: 'utf8',
	'utf-8': 'utf8',
	utf16le: 'utf16le',
	'utf-16le': 'utf16le',
	ucs2: 'utf16le',
	latin1: 'latin1',
	'iso-8859-1': 'latin1',
	binary: 'latin1',
	ascii: 'ascii',
	base64: 'base64',
	hex: 'hex',
};

/** `a.b[0].c` style path lookup, like lodash's get */
function get(source: unknown, path: string): unknown {
	const keys = path.replace(/\[(\w+)\]/g, '.$1').split('.').filter(Boolean);
	let value: unknown = source;
	for (const key of keys) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

export class ConvertToFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Convert to File',
		name: 'convertToFile',
		icon: 'file:convertToFile.svg',
		group: ['input'],
		version: [1, 1.1],
		description: 'Convert JSON data to binary data',
		defaults: { name: 'Convert to File' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Convert to Text File', value: 'toText', action: 'Convert to text file' },
					{ name: 'Move Base64 String to File', value: 'toBinary', action: 'Move base64 string to file' },
				],
				default: 'toText',
			},
			{
				displayName: 'Text Input Field',
				name: 'sourceProperty',
				type: 'string',
				default: '',
				required: true,
				displayOptions: { show: { operation: ['toText'] } },
			},
			{
				displayName: 'Base64 Input Field',
				name: 'sourceProperty',
				type: 'string',
				default: '',
				required: true,
				displayOptions: { show: { operation: ['toBinary'] } },
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				required: true,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{ displayName: 'Add Byte Order Mark (BOM)', name: 'addBOM', type: 'boolean', default: false },
					{ displayName: 'Data Is Base64', name: 'dataIsBase64', type: 'boolean', default: true, displayOptions: { show: { '/operation': ['toBinary'] } } },
					{ displayName: 'Encoding', name: 'encoding', type: 'string', default: 'utf8' },
					{ displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
					{ displayName: 'MIME Type', name: 'mimeType', type: 'string', default: '', displayOptions: { show: { '/operation': ['toBinary'] } } },
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const operation = this.getNodeParameter('operation', i) as string;
				const sourceProperty = this.getNodeParameter('sourceProperty', i) as string;
				const binaryPropertyName = this.getNodeParameter('binaryPropertyName', i, 'data') as string;
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const encodingName = String(options.encoding || 'utf8').toLowerCase();
				const encoding = ENCODINGS[encodingName];
				if (!encoding) {
					throw new NodeOperationError(this.getNode(), `Encoding "${encodingName}" is not supported by the test stand-in`, { itemIndex: i });
				}
				const value = get(items[i].json, sourceProperty);
				if (value === undefined) {
					throw new NodeOperationError(this.getNode(), `The item has no field called '${sourceProperty}'`, { itemIndex: i });
				}

				let buffer: Buffer;
				let mimeType: string | undefined;
				if (operation === 'toBinary' && options.dataIsBase64 !== false) {
					buffer = Buffer.from(String(value), BINARY_ENCODING);
					mimeType = (options.mimeType as string) || undefined;
				} else {
					const text = typeof value === 'string' ? value : JSON.stringify(value);
					buffer = Buffer.from(text, encoding);
					if (options.addBOM && encoding === 'utf8') buffer = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buffer]);
					mimeType = operation === 'toText' ? 'text/plain' : (options.mimeType as string) || undefined;
				}
				const fileName = (options.fileName as string) || (operation === 'toText' ? 'file.txt' : undefined);
				const binaryData = await this.helpers.prepareBinaryData(buffer, fileName, mimeType);
				if (fileName) binaryData.fileName = fileName;
				out.push({ json: {}, binary: { [binaryPropertyName]: binaryData }, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}
