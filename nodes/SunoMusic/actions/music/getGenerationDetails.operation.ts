import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	readRequestTimeoutMs,
	readWaitSettings,
	requestTimeoutOption,
	waitForCompletionOff,
	waitOptionsProperty,
} from '../../descriptions/common';
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{
						name: 'One Item per Track',
						value: 'tracks',
						description: 'Task and track fields, camelCase, ISO times',
					},
					{
						name: 'Raw Response',
						value: 'raw',
						description: 'The data object exactly as Suno sent it, one item per task',
					},
				],
				default: 'tracks',
			},
			requestTimeoutOption,
		],
	},
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
	const wait = readWaitSettings(this, itemIndex);
	const read = wait
		? await waitForMusicTask(this, run, taskId, itemIndex, wait, timeoutMs)
		: { ...(await readMusicTask(run, taskId, { timeoutMs })), timedOut: false };
	assertMusicTaskUsable(this, read.task, itemIndex);
	return musicTaskOutput(read, itemIndex, { rawResponse: options.output === 'raw', timedOut: read.timedOut });
}
