import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import * as lyrics from './actions/lyrics/Lyrics.resource';
import * as music from './actions/music/Music.resource';
import { router } from './actions/router';

export class SunoMusic implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Suno Music',
		name: 'sunoMusic',
		icon: { light: 'file:../../icons/suno.svg', dark: 'file:../../icons/suno.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Generate music and lyrics with the Suno API and get the finished tracks as files, one item per track',
		defaults: { name: 'Suno Music' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sunoApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Lyric', value: 'lyrics' },
					{ name: 'Music', value: 'music' },
				],
				default: 'music',
			},
			...account.description,
			...lyrics.description,
			...music.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
