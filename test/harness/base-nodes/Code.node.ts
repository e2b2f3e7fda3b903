/**
 * TEST STAND-IN for n8n's `n8n-nodes-base.code` — not the real node, and NOT a sandbox: the code
 * runs in this process. Only JavaScript, both modes, with the real parameter names
 * (`mode`, `language`, `jsCode`).
 *
 * The code sees what the real node offers through n8n-workflow's data proxy (`$input.all()`,
 * `$input.first()`, `$json`, `$now` (a luxon DateTime), `$('Node name')`, `$workflow`, `$execution`,
 * `$jmespath` …) plus `items` (all-items mode) or `item` (each-item mode). The result goes
 * through n8n's `normalizeItems`, like the real node's result validation; binary values returned
 * as `{ data: <base64>, mimeType, fileName }` are stored with `prepareBinaryData`, so in
 * filesystem mode they end up on disk with an id like any other n8n binary data.
 */
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { BINARY_ENCODING, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-empty-function
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (
	...args: string[]
) => (...args: unknown[]) => Promise<unknown>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

async function runUserCode(code: string, context: Record<string, unknown>): Promise<unknown> {
	const names = Object.keys(context).filter((name) => IDENTIFIER.test(name));
	const fn = new AsyncFunction(...names, code);
	return await fn(...names.map((name) => context[name]));
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Code implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Code',
		name: 'code',
		icon: 'fa:code',
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		description: 'Run custom JavaScript or Python code',
		defaults: { name: 'Code' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		parameterPane: 'wide',
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Run Once for All Items', value: 'runOnceForAllItems' },
					{ name: 'Run Once for Each Item', value: 'runOnceForEachItem' },
				],
				default: 'runOnceForAllItems',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { '@version': [2] } },
				options: [{ name: 'JavaScript', value: 'javaScript' }],
				default: 'javaScript',
			},
			{
				displayName: 'JavaScript',
				name: 'jsCode',
				type: 'string',
				typeOptions: { editor: 'codeNodeEditor', editorLanguage: 'javaScript' },
				default: '',
				noDataExpression: true,
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const nodeMode = this.getNodeParameter('mode', 0) as string;
		const inputItems = this.getInputData();

		if (nodeMode === 'runOnceForEachItem') {
			const out: INodeExecutionData[] = [];
			for (let index = 0; index < inputItems.length; index++) {
				const jsCode = this.getNodeParameter('jsCode', index) as string;
				const proxy = this.getWorkflowDataProxy(index);
				try {
					const result = await runUserCode(jsCode, {
						...proxy,
						item: proxy.$input.item,
						console,
					});
					if (result === undefined || result === null) continue;
					if (!isObject(result)) {
						throw new NodeOperationError(this.getNode(), "Code doesn't return an object", { itemIndex: index });
					}
					const [item] = this.helpers.normalizeItems([result as INodeExecutionData]);
					out.push({ ...(await storeBinaries(this, item)), pairedItem: { item: index } });
				} catch (error) {
					if (!this.continueOnFail()) throw wrap(this, error, index);
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: index } });
				}
			}
			return [out];
		}

		const jsCode = this.getNodeParameter('jsCode', 0) as string;
		const proxy = this.getWorkflowDataProxy(0);
		let items: INodeExecutionData[];
		try {
			const result = await runUserCode(jsCode, {
				...proxy,
				items: proxy.$input.all(),
				console,
			});
			if (result === undefined || result === null) return [[]];
			if (typeof result !== 'object') {
				throw new NodeOperationError(this.getNode(), "Code doesn't return items properly", {
					description: 'Please return an array of objects, one for each item you would like to output.',
				});
			}
			items = this.helpers.normalizeItems(result as INodeExecutionData[]);
			for (const [index, item] of items.entries()) {
				if (!isObject(item.json)) {
					throw new NodeOperationError(this.getNode(), "A 'json' property isn't an object", { itemIndex: index });
				}
				items[index] = await storeBinaries(this, item);
			}
		} catch (error) {
			if (!this.continueOnFail()) throw wrap(this, error);
			items = [{ json: { error: (error as Error).message } }];
		}
		return [items];
	}
}

function wrap(ctx: IExecuteFunctions, error: unknown, itemIndex?: number) {
	if (error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** Binary entries given inline (base64 `data`, no `id`) are stored the n8n way. */
async function storeBinaries(ctx: IExecuteFunctions, item: INodeExecutionData): Promise<INodeExecutionData> {
	if (!item.binary) return item;
	const binary: Record<string, IBinaryData> = {};
	for (const [key, value] of Object.entries(item.binary)) {
		if (!isObject(value) || value.id || typeof value.data !== 'string') {
			binary[key] = value;
			continue;
		}
		const stored = await ctx.helpers.prepareBinaryData(
			Buffer.from(value.data, BINARY_ENCODING),
			value.fileName as string | undefined,
			value.mimeType as string | undefined,
		);
		if (value.fileName) stored.fileName = value.fileName as string;
		binary[key] = stored;
	}
	return { ...item, binary };
}
