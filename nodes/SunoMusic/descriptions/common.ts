import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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
			displayName: 'Max Requests per Window',
			name: 'requestBudget',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
			description:
				'How many requests all items of this run may send together within one Request Window; Suno refuses more than 20 per 10 seconds. Taken from the first item.',
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
			displayName: 'Request Window (Seconds)',
			name: 'requestWindow',
			type: 'number',
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			default: 10,
			description:
				'The span Max Requests per Window counts over: 10 seconds for sunoapi.org; change it for a host with another limit. Taken from the first item.',
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

/**
 * A task this node has just created has nothing to show for about 30 seconds (streams come after
 * 30–40 s, audio later), so its first check waits that long instead of spending requests.
 */
export const FIRST_CHECK_AFTER_CREATE_S = 30;

/** The wait options of a create: those of Get Generation Details plus when to check first. */
export const createWaitOptionsProperty: INodeProperties = {
	...waitOptionsProperty,
	options: [
		{
			displayName: 'First Check After (Seconds)',
			name: 'firstCheckAfter',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: FIRST_CHECK_AFTER_CREATE_S,
			description:
				'How long after creating the task to ask Suno the first time; Suno has nothing to show for about 30 seconds',
		},
		...(waitOptionsProperty.options as INodeProperties[]),
	],
};

/** Lyrics tasks have no tracks, so they wait for completion only. */
export const lyricsWaitOptionsProperty: INodeProperties = {
	...waitOptionsProperty,
	options: (waitOptionsProperty.options as INodeProperties[]).filter((option) => option.name !== 'waitFor'),
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
	firstCheckAfterMs: number;
}

/**
 * Undefined when the user does not want to wait. `firstCheckAfterS` is the default of First Check
 * After, which only creates show: an existing task is checked at once.
 */
export function readWaitSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
	firstCheckAfterS = 0,
): WaitSettings | undefined {
	if (!(ctx.getNodeParameter('waitForCompletion', itemIndex, false) as boolean)) return undefined;
	const options = ctx.getNodeParameter('waitOptions', itemIndex, {}) as IDataObject;
	return {
		waitFor: (options.waitFor as WaitFor) ?? 'complete',
		pollIntervalMs: Number(options.pollInterval ?? 10) * 1000,
		maxWaitMs: Number(options.maxWait ?? 600) * 1000,
		firstCheckAfterMs: Number(options.firstCheckAfter ?? firstCheckAfterS) * 1000,
	};
}

/** The budget is shared by the whole run, so it is read once, from the first item. */
export function readRequestBudget(ctx: IExecuteFunctions): { maxRequests: number; windowMs: number } {
	const options = ctx.getNodeParameter('waitOptions', 0, {}) as IDataObject;
	return {
		maxRequests: Number(options.requestBudget ?? 20),
		windowMs: Number(options.requestWindow ?? 10) * 1000,
	};
}

export function readRequestTimeoutMs(options: IDataObject): number {
	return Number(options.requestTimeout ?? 60) * 1000;
}

/** The Request Timeout of an item's Options collection, in milliseconds. */
export function itemRequestTimeoutMs(ctx: IExecuteFunctions, itemIndex: number): number {
	return readRequestTimeoutMs(ctx.getNodeParameter('options', itemIndex, {}) as IDataObject);
}

/** Shown for track-producing operations; creates show it only while waiting, since a pending task has no files. */
export function downloadProperties(whileWaiting: boolean): INodeProperties[] {
	const waiting = whileWaiting ? { waitForCompletion: [true] } : {};
	return [
		{
			displayName: 'Download Audio',
			name: 'downloadAudio',
			type: 'boolean',
			default: false,
			description:
				'Whether to add each track’s audio file to its item as binary data, so later nodes get a file instead of a URL',
			...(whileWaiting ? { displayOptions: { show: waiting } } : {}),
		},
		{
			displayName: 'Download Options',
			name: 'downloadOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show: { ...waiting, downloadAudio: [true] } },
			options: [
				{
					displayName: 'Cover Image Field',
					name: 'coverPropertyName',
					type: 'string',
					default: 'cover',
					placeholder: 'e.g. cover',
					hint: 'The name of the output binary field to put the cover image in',
					displayOptions: { show: { downloadCover: [true] } },
				},
				{
					displayName: 'Download Cover Image',
					name: 'downloadCover',
					type: 'boolean',
					default: false,
					description: 'Whether to also add each track’s cover image as binary data',
				},
				{
					displayName: 'Max File Size (MB)',
					name: 'maxFileSizeMb',
					type: 'number',
					typeOptions: { minValue: 0.001, numberPrecision: 3 },
					default: 100,
					description: 'A larger file stops the download with an error instead of filling memory or disk',
				},
				{
					displayName: 'Put Audio in Field',
					name: 'binaryPropertyName',
					type: 'string',
					default: 'data',
					placeholder: 'e.g. data',
					hint: 'The name of the output binary field to put the audio file in',
				},
			],
		},
	];
}

export interface DownloadSettings {
	audioProperty: string;
	/** Undefined when cover images are not wanted. */
	coverProperty?: string;
	maxBytes: number;
	timeoutMs: number;
}

/** Undefined when the user does not want files. */
export function readDownloadSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
	timeoutMs: number,
): DownloadSettings | undefined {
	if (!(ctx.getNodeParameter('downloadAudio', itemIndex, false) as boolean)) return undefined;
	const options = ctx.getNodeParameter('downloadOptions', itemIndex, {}) as IDataObject;
	const name = (value: unknown, fallback: string) => String(value ?? '').trim() || fallback;
	return {
		audioProperty: name(options.binaryPropertyName, 'data'),
		coverProperty: options.downloadCover === true ? name(options.coverPropertyName, 'cover') : undefined,
		maxBytes: Math.floor(Number(options.maxFileSizeMb ?? 100) * 1024 * 1024),
		timeoutMs,
	};
}

/** The Operation selector of a resource; keep `operations` alphabetical by name, actions in sentence case. */
export function operationProperty(
	resource: string,
	operations: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations,
		default: defaultOperation,
	};
}

/** Output choice shared by the action and trigger nodes: the normalised items, or Suno's body as sent. */
export function outputOption(tracksDescription: string, raw: { name: string; description: string }): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per Track', value: 'tracks', description: tracksDescription },
			{ name: raw.name, value: 'raw', description: raw.description },
		],
		default: 'tracks',
	};
}
