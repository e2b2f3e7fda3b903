import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** Return All + Limit, the pair every list operation offers. */
export function returnAllOrLimit(displayOptions: IDisplayOptions, maxValue = 10000): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions,
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { ...displayOptions, show: { ...displayOptions.show, returnAll: [false] } },
			typeOptions: { minValue: 1, maxValue },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** Applies Return All / Limit to a list that Quatrix returned whole. */
export function limitRows<T>(ctx: IExecuteFunctions, itemIndex: number, rows: T[]): T[] {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return rows;
	const limit = ctx.getNodeParameter('limit', itemIndex, 50) as number;
	return rows.slice(0, Math.max(0, Math.floor(limit)));
}

export function toItems(rows: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(rows) ? rows : [rows]).map((json) => ({ json }));
}

export const binaryPropertyField = (displayOptions: IDisplayOptions, forOutput: boolean): INodeProperties => ({
	displayName: forOutput ? 'Put Output File in Field' : 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	displayOptions,
	hint: forOutput ? 'The name of the output binary field to put the file in' : 'The name of the input binary field containing the file to upload',
});
