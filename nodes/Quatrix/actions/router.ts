import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { inputError } from '../helpers/validate';
import type { Operation } from './resources';
import { RESOURCES } from './resources';

/**
 * The Limit of a listing, where the operation has one. n8n checks a number field's range only when it is typed
 * in; a value from an expression arrives unchecked (-5 listed nothing, or dropped the last rows; 10^12 listed all).
 */
function checkLimit(ctx: IExecuteFunctions, operation: Operation, itemIndex: number) {
	const field = operation.description.find((property) => property.name === 'limit' && property.type === 'number');
	if (!field) return;
	const hasReturnAll = operation.description.some((property) => property.name === 'returnAll');
	if (hasReturnAll && ctx.getNodeParameter('returnAll', itemIndex, false) === true) return;
	const limit = ctx.getNodeParameter('limit', itemIndex, field.default) as unknown;
	const min = Number(field.typeOptions?.minValue ?? 1);
	const max = Number(field.typeOptions?.maxValue ?? Number.MAX_SAFE_INTEGER);
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < min || limit > max) {
		throw inputError(
			ctx,
			itemIndex,
			'Limit',
			`${String(limit)} is not a whole number from ${min} to ${max}`,
			`Give a Limit from ${min} to ${max}${hasReturnAll ? ', or turn on Return All' : ''}.`,
		);
	}
}

/** Runs the chosen operation once per input item; owns Continue On Fail and paired items for all of them. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resourceName = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = RESOURCES.find((resource) => resource.value === resourceName)?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resourceName}" is not known to this version of the node`);
	}

	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			checkLimit(this, operation, i);
			const results = await operation.execute.call(this, i);
			for (const result of results) returnData.push({ ...result, pairedItem: { item: i } });
		} catch (error) {
			if (this.continueOnFail()) {
				const description = (error as NodeApiError).description ?? undefined;
				const httpCode = (error as NodeApiError).httpCode ?? undefined;
				if (this.getNode().onError === 'continueErrorOutput') {
					// n8n sends an item to the error output only when its JSON holds nothing but error, message and
					// details; it then adds the input item's fields.
					returnData.push({
						json: { error: (error as Error).message, details: { ...(description ? { description } : {}), ...(httpCode ? { httpCode } : {}), item: i } },
						pairedItem: { item: i },
					});
					continue;
				}
				returnData.push({
					json: {
						error: (error as Error).message,
						...(description ? { description } : {}),
						...(httpCode ? { httpCode } : {}),
						item: i,
					},
					pairedItem: { item: i },
				});
				continue;
			}
			if (error instanceof NodeApiError) {
				if (error.context.itemIndex === undefined) error.context.itemIndex = i;
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			}
			if (error instanceof NodeOperationError && error.context.itemIndex === undefined) error.context.itemIndex = i;
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		}
	}
	return [returnData];
}
