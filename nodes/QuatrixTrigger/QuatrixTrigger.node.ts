import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { folderLocator } from '../Quatrix/descriptions/locators';
import { searchFolders } from '../Quatrix/methods/listSearch';
import { TRIGGER_EVENTS } from './events';
import { pollQuatrix } from './poll';
import { authenticationProperty, quatrixCredentials } from '../Quatrix/descriptions/authentication';

export class QuatrixTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Quatrix Trigger',
		name: 'quatrixTrigger',
		icon: { light: 'file:quatrix.svg', dark: 'file:quatrix.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when files or shares change in Quatrix',
		defaults: { name: 'Quatrix Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: quatrixCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: TRIGGER_EVENTS.map(({ name, value, description }) => ({ name, value, description })),
				default: ['fileUploaded'],
				description: 'What starts the workflow: one item per event',
			},
			{
				displayName:
					'Each item describes one event: what happened, when, who did it and which file or share, plus Quatrix\'s raw record. To work with the file itself, add a Quatrix node after this one (download, share, quicklink …).',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			folderLocator({
				displayOptions: undefined,
				description:
					'Only events of files in this folder. "/" with Include Subfolders means no folder filter; "New or Changed File in a Folder" watches this folder.',
			}),
			{
				displayName: 'Include Subfolders',
				name: 'includeSubfolders',
				type: 'boolean',
				default: true,
				description: 'Whether events of files in subfolders of the folder count too',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Only These Users',
						name: 'userEmails',
						type: 'string',
						default: '',
						placeholder: 'alice@acme.com, bob@acme.com',
						description: 'Only events done by these users (emails, separated by commas). Does not apply to shares received or folder changes.',
					},
					{
						displayName: 'Start From',
						name: 'startFrom',
						type: 'dateTime',
						default: '',
						description:
							'When the workflow is first activated, also emit the events since this time. Without it the trigger starts from the moment of activation. Later activations always continue where the trigger stopped.',
					},
				],
			},
		],
	};

	methods = { listSearch: { searchFolders } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollQuatrix(this);
	}
}
