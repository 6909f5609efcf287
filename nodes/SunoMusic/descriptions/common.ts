import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { WaitFor } from '../helpers/status';

/** Property and option definitions shared by every operation; each is defined here once. */

/** Reading an existing task returns at once unless asked to wait. */
export const waitForCompletionOff: INodeProperties = {
	displayName: 'Wait for Completion',
	name: 'waitForCompletion',
	type: 'boolean',
	default: false,
	description:
		'Whether to keep checking Suno until the tracks are ready and output them, instead of returning at once',
};

/** A create is waited on by default: users want finished tracks, not a task ID. */
export const waitForCompletionOn: INodeProperties = { ...waitForCompletionOff, default: true };

export const waitOptionsProperty: INodeProperties = {
	displayName: 'Wait Options',
	name: 'waitOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { waitForCompletion: [true] } },
	options: [
		{
			displayName: 'Max Requests per 10 Seconds',
			name: 'requestBudget',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
			description:
				'How many requests all items of this run may send to Suno in any 10 seconds together; Suno refuses more than 20. Taken from the first item.',
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWait',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 1 },
			default: 600,
			description: 'How long to wait before giving up with a timeout naming the task and its last status',
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 0.05, numberPrecision: 2 },
			default: 10,
			description: 'How often to ask Suno for the task status',
		},
		{
			displayName: 'Wait For',
			name: 'waitFor',
			type: 'options',
			options: [
				{
					name: 'All Tracks Complete',
					value: 'complete',
					description: 'Wait until every track has its final audio file (about 2–3 minutes)',
				},
				{
					name: 'First Track Complete',
					value: 'firstTrack',
					description: 'Go on as soon as one track has its final audio file',
				},
				{
					name: 'Streams Ready',
					value: 'streams',
					description: 'Go on as soon as the tracks can be streamed (about 30–40 seconds)',
				},
			],
			default: 'complete',
		},
	],
};

export const requestTimeoutOption: INodeProperties = {
	displayName: 'Request Timeout (Seconds)',
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 60,
	description: 'How long one request to Suno may take before it is given up',
};

export interface WaitSettings {
	waitFor: WaitFor;
	pollIntervalMs: number;
	maxWaitMs: number;
}

/** Undefined when the user does not want to wait. */
export function readWaitSettings(ctx: IExecuteFunctions, itemIndex: number): WaitSettings | undefined {
	if (!(ctx.getNodeParameter('waitForCompletion', itemIndex, false) as boolean)) return undefined;
	const options = ctx.getNodeParameter('waitOptions', itemIndex, {}) as IDataObject;
	return {
		waitFor: (options.waitFor as WaitFor) ?? 'complete',
		pollIntervalMs: Number(options.pollInterval ?? 10) * 1000,
		maxWaitMs: Number(options.maxWait ?? 600) * 1000,
	};
}

/** The budget is shared by the whole run, so it is read once, from the first item. */
export function readRequestBudget(ctx: IExecuteFunctions): number {
	const options = ctx.getNodeParameter('waitOptions', 0, {}) as IDataObject;
	return Number(options.requestBudget ?? 20);
}

export function readRequestTimeoutMs(options: IDataObject): number {
	return Number(options.requestTimeout ?? 60) * 1000;
}
