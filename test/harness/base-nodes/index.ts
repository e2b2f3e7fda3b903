/** The stand-ins for n8n's base nodes that example workflows use, under their real type names. */
import type { INodeType } from 'n8n-workflow';

import { Code } from './Code.node';
import { ConvertToFile } from './ConvertToFile.node';
import { ManualTrigger } from './ManualTrigger.node';
import { NoOp } from './NoOp.node';
import { ReadWriteFile } from './ReadWriteFile.node';
import { ScheduleTrigger } from './ScheduleTrigger.node';

export function baseNodeTypes(): Record<string, INodeType> {
	return {
		'n8n-nodes-base.manualTrigger': new ManualTrigger(),
		'n8n-nodes-base.scheduleTrigger': new ScheduleTrigger(),
		'n8n-nodes-base.noOp': new NoOp(),
		'n8n-nodes-base.code': new Code(),
		'n8n-nodes-base.convertToFile': new ConvertToFile(),
		'n8n-nodes-base.readWriteFile': new ReadWriteFile(),
	};
}
