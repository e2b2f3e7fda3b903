/**
 * TEST STAND-IN for n8n's `n8n-nodes-base.readWriteFile` ("Read/Write Files from Disk") — not the real node.
 * Operation `read` only: streams each file matching `fileSelector` (a plain path; no glob) into binary data,
 * as the real node does, so tests and benchmarks can feed large files without holding them in memory.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

export class ReadWriteFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Read/Write Files from Disk',
		name: 'readWriteFile',
		icon: 'fa:file',
		group: ['input'],
		version: 1,
		description: 'Read a file from disk',
		defaults: { name: 'Read/Write Files from Disk' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Operation', name: 'operation', type: 'options', options: [{ name: 'Read', value: 'read' }], default: 'read' },
			{ displayName: 'File(s) Selector', name: 'fileSelector', type: 'string', default: '' },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Put Output File in Field', name: 'dataPropertyName', type: 'string', default: 'data' }],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let i = 0; i < items.length; i++) {
			const path = this.getNodeParameter('fileSelector', i) as string;
			const { dataPropertyName = 'data' } = this.getNodeParameter('options', i, {}) as { dataPropertyName?: string };
			let size: number;
			try {
				size = statSync(path).size;
			} catch (error) {
				throw new NodeOperationError(this.getNode(), `No file at ${path}`, { itemIndex: i });
			}
			const binary = await this.helpers.prepareBinaryData(createReadStream(path), basename(path));
			out.push({ json: { path, size }, binary: { [dataPropertyName]: binary }, pairedItem: { item: i } });
		}
		return [out];
	}
}
