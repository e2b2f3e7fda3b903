/**
 * TEST STAND-IN for n8n's `n8n-nodes-base.scheduleTrigger` — not the real node.
 * Keeps the real parameter names (`rule.interval[]`) so workflows import unchanged into n8n,
 * but never schedules anything: started by a (test) run it emits one item describing "now"
 * in the workflow's timezone, like the real node does when run by hand.
 */
import type { INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { DateTime } from 'luxon';

export class ScheduleTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Schedule Trigger',
		name: 'scheduleTrigger',
		icon: 'fa:clock',
		group: ['trigger', 'schedule'],
		version: [1, 1.1, 1.2, 1.3],
		description: 'Triggers the workflow on a given schedule',
		eventTriggerDescription: '',
		activationMessage: 'Your schedule trigger will now trigger executions on the schedule you have defined.',
		defaults: { name: 'Schedule Trigger', color: '#31C49F' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Trigger Rules',
				name: 'rule',
				placeholder: 'Add Rule',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: { interval: [{ field: 'days' }] },
				options: [
					{
						name: 'interval',
						displayName: 'Trigger Interval',
						values: [
							{
								displayName: 'Trigger Interval',
								name: 'field',
								type: 'options',
								default: 'days',
								options: [
									{ name: 'Seconds', value: 'seconds' },
									{ name: 'Minutes', value: 'minutes' },
									{ name: 'Hours', value: 'hours' },
									{ name: 'Days', value: 'days' },
									{ name: 'Weeks', value: 'weeks' },
									{ name: 'Months', value: 'months' },
									{ name: 'Custom (Cron)', value: 'cronExpression' },
								],
							},
							{ displayName: 'Seconds Between Triggers', name: 'secondsInterval', type: 'number', default: 30, displayOptions: { show: { field: ['seconds'] } } },
							{ displayName: 'Minutes Between Triggers', name: 'minutesInterval', type: 'number', default: 5, displayOptions: { show: { field: ['minutes'] } } },
							{ displayName: 'Hours Between Triggers', name: 'hoursInterval', type: 'number', default: 1, displayOptions: { show: { field: ['hours'] } } },
							{ displayName: 'Days Between Triggers', name: 'daysInterval', type: 'number', default: 1, displayOptions: { show: { field: ['days'] } } },
							{ displayName: 'Trigger at Hour', name: 'triggerAtHour', type: 'number', default: 0, displayOptions: { show: { field: ['days', 'weeks', 'months'] } } },
							{ displayName: 'Trigger at Minute', name: 'triggerAtMinute', type: 'number', default: 0, displayOptions: { show: { field: ['hours', 'days', 'weeks', 'months'] } } },
							{ displayName: 'Expression', name: 'expression', type: 'string', default: '', displayOptions: { show: { field: ['cronExpression'] } } },
						],
					},
				],
			},
		],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const timezone = this.getTimezone();
		const emitNow = () => {
			const now = DateTime.now().setZone(timezone);
			this.emit([
				this.helpers.returnJsonArray([
					{
						timestamp: now.toISO(),
						'Readable date': now.toFormat('MMMM d yyyy, h:mm:ss a'),
						'Readable time': now.toFormat('h:mm:ss a'),
						'Day of week': now.toFormat('cccc'),
						Year: now.toFormat('yyyy'),
						Month: now.toFormat('MMMM'),
						'Day of month': now.toFormat('dd'),
						Hour: now.toFormat('HH'),
						Minute: now.toFormat('mm'),
						Second: now.toFormat('ss'),
						Timezone: `${timezone} (UTC${now.toFormat('ZZ')})`,
					},
				]),
			]);
		};
		// Whatever the mode, a harness run is a one-off start: behave as when run by hand.
		return { manualTriggerFunction: async () => emitNow() };
	}
}
