import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	downloadProperties,
	readRequestTimeoutMs,
	readWaitSettings,
	outputOption,
	requestTimeoutOption,
	waitForCompletionOff,
	waitOptionsProperty,
} from '../../descriptions/common';
import { optionsCollection } from '../../descriptions/fields';
import { invalidItem } from '../../helpers/body';
import { musicItems } from '../../helpers/create';
import {
	assertMusicTaskUsable,
	musicTaskOutput,
	readMusicTask,
	requireTaskId,
	waitForMusicTask,
} from '../../helpers/musicTask';
import type { RunContext } from '../../helpers/run';

const properties: INodeProperties[] = [
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. a35d6710b5e21873b4f5960c7f32f491',
		description: 'The taskId returned by a Suno create operation',
	},
	waitForCompletionOff,
	waitOptionsProperty,
	...downloadProperties(false),
	optionsCollection(
		[],
		[
			outputOption('Task and track fields, camelCase, ISO times', {
				name: 'Raw Response',
				description: 'The data object exactly as Suno sent it, one item per task',
			}),
			requestTimeoutOption,
		],
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['music'], operation: ['getGenerationDetails'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunContext,
): Promise<INodeExecutionData[]> {
	const taskId = requireTaskId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeoutMs = readRequestTimeoutMs(options);
	if (options.output === 'raw' && this.getNodeParameter('downloadAudio', itemIndex, false) === true) {
		throw invalidItem(
			this,
			itemIndex,
			'Download Audio needs the per-track output',
			'Set Options › Output to One Item per Track, or turn off Download Audio.',
		);
	}
	const wait = readWaitSettings(this, itemIndex);
	const read = wait
		? await waitForMusicTask(this, run, taskId, itemIndex, wait, timeoutMs)
		: { ...(await readMusicTask(run, taskId, { timeoutMs })), timedOut: false };
	assertMusicTaskUsable(this, read.task, itemIndex);
	if (options.output !== 'raw') return await musicItems(this, itemIndex, read, timeoutMs, wait?.waitFor);
	return musicTaskOutput(read, itemIndex, { rawResponse: true, timedOut: read.timedOut });
}
