import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	FIRST_CHECK_AFTER_CREATE_S,
	itemRequestTimeoutMs,
	readDownloadSettings,
	readWaitSettings,
} from '../descriptions/common';
import type { Field } from '../descriptions/fields';
import { audioSourceProperties, requiredNegativeTagsField, tuningFields } from '../descriptions/fields';
import { modelProperties } from '../descriptions/models';
import { bodyFields, createDescription, type CreateLayout, type OperationExecute } from '../descriptions/operation';
import { attachTrackFiles, readAudioSource, sourceUrl } from './binary';
import { readBody, readModel, type ModelChoice, type ReadBody } from './body';
import { requireAll } from './musicRules';
import { assertMusicTaskUsable, musicTaskOutput, waitForMusicTask, type MusicTaskRead } from './musicTask';
import type { RunContext } from './run';
import type { WaitFor } from './status';

/**
 * Suno refuses a create without callBackUrl ("Please enter callBackUrl."), even when the result is
 * fetched by polling, as this node does. Without the user's own Callback URL this address is sent:
 * example.com is reserved for documentation (RFC 2606) and runs no webhook receiver, so no service
 * acts on or keeps what Suno posts there, and it is nobody's endpoint that could be mistaken for
 * the user's. Set Callback URL to an address of your own to receive Suno's callbacks.
 */
export const DEFAULT_CALLBACK_URL = 'https://example.com/suno-callback';

export interface CreateRequest {
	resource: string;
	operation: string;
	path: string;
	body: IDataObject;
}

/**
 * Sends one create. The transport never sends a create twice unless Suno's answer proves nothing
 * was made (rate limit, maintenance), so an ambiguous failure costs at most one task.
 */
export async function sendCreate(
	ctx: IExecuteFunctions,
	run: RunContext,
	itemIndex: number,
	request: CreateRequest,
	timeoutMs: number,
): Promise<string> {
	const body = {
		...request.body,
		callBackUrl: request.body.callBackUrl ?? DEFAULT_CALLBACK_URL,
	};
	const data = await run.client.request<IDataObject | null>({
		method: 'POST',
		path: request.path,
		kind: 'create',
		body,
		timeoutMs,
	});
	const taskId = String(data?.taskId ?? data?.task_id ?? '').trim();
	if (!taskId) {
		throw new NodeApiError(
			ctx.getNode(),
			{ path: request.path, data: JSON.stringify(data ?? null) },
			{
				message: 'Suno accepted the request but sent no task ID',
				description: 'A task may exist anyway: look for it in your sunoapi.org logs before running the item again.',
				itemIndex,
			},
		);
	}
	return taskId;
}

/** Without waiting, the task ID is the result, so the user can wait elsewhere (Get … Details, a webhook). */
export function pendingItem(taskId: string, request: CreateRequest, itemIndex: number): INodeExecutionData {
	return {
		json: {
			taskId,
			status: 'PENDING',
			resource: request.resource,
			operation: request.operation,
		},
		pairedItem: { item: itemIndex },
	};
}

/** The per-track items of a music task, with their files when Download Audio is on. */
export async function musicItems(
	ctx: IExecuteFunctions,
	itemIndex: number,
	read: MusicTaskRead & { timedOut: boolean },
	timeoutMs: number,
	waitFor?: WaitFor,
): Promise<INodeExecutionData[]> {
	const items = musicTaskOutput(read, itemIndex, {
		rawResponse: false,
		timedOut: read.timedOut,
	});
	const download = readDownloadSettings(ctx, itemIndex, timeoutMs);
	return download ? await attachTrackFiles(ctx, itemIndex, items, download, waitFor) : items;
}

/**
 * Every music create: send it, then either return the pending task or wait for it and return
 * exactly what Get Generation Details returns for it (one item per track), plus files if asked.
 */
export async function createMusicTask(
	ctx: IExecuteFunctions,
	run: RunContext,
	itemIndex: number,
	request: CreateRequest,
): Promise<INodeExecutionData[]> {
	const timeoutMs = itemRequestTimeoutMs(ctx, itemIndex);
	const taskId = await sendCreate(ctx, run, itemIndex, request, timeoutMs);
	const wait = readWaitSettings(ctx, itemIndex, FIRST_CHECK_AFTER_CREATE_S);
	if (!wait) return [pendingItem(taskId, request, itemIndex)];
	const read = await waitForMusicTask(ctx, run, taskId, itemIndex, wait, timeoutMs);
	assertMusicTaskUsable(ctx, read.task, itemIndex);
	return await musicItems(ctx, itemIndex, read, timeoutMs, wait.waitFor);
}

type Check = (ctx: IExecuteFunctions, itemIndex: number, read: ReadBody, model: ModelChoice) => void;

/** Checks its sources first and uploads after, so a bad second source stops before the first upload. */
export type ResolveInput = (
	ctx: IExecuteFunctions,
	run: RunContext,
	itemIndex: number,
	timeoutMs: number,
) => Promise<IDataObject>;

/** Input audio: the properties that pick it (shown first) and how it becomes body fields. */
export interface AudioInput {
	properties: INodeProperties[];
	resolve: ResolveInput;
}

/** One input audio from the node's face, sent as uploadUrl. */
export const ONE_AUDIO: AudioInput = {
	properties: audioSourceProperties(),
	resolve: async (ctx, run, itemIndex, timeoutMs) => ({
		uploadUrl: await sourceUrl(ctx, run, itemIndex, readAudioSource(ctx, itemIndex), timeoutMs),
	}),
};

/** A music create, declared: its endpoint, what it shows and sends, and its cross-field rules. */
export interface MusicCreateSpec {
	/** Shown after the input audio and the model, in order. */
	face: CreateLayout['face'];
	options: Field[];
	/** Cross-field rules, run after every field passed its own checks. */
	checks?: Check[];
	input?: AudioInput;
	/** The description of the Model field, when the generic one says too little. */
	model?: string;
}

/**
 * The common path of the music creates: read and check everything, and only then upload input
 * audio and send the create, so a refused item costs neither an upload nor a credit.
 */
async function runMusicCreate(
	ctx: IExecuteFunctions,
	run: RunContext,
	itemIndex: number,
	request: Omit<CreateRequest, 'body'>,
	spec: MusicCreateSpec,
	fields: Field[],
): Promise<INodeExecutionData[]> {
	const model = readModel(ctx, itemIndex);
	const read = readBody(ctx, itemIndex, fields, model);
	for (const check of spec.checks ?? []) check(ctx, itemIndex, read, model);
	const timeoutMs = itemRequestTimeoutMs(ctx, itemIndex);
	const input = spec.input ? await spec.input.resolve(ctx, run, itemIndex, timeoutMs) : {};
	return await createMusicTask(ctx, run, itemIndex, {
		...request,
		body: { ...read.body, ...input, model: model.id },
	});
}

/** The description and execute of the music create `operation`, which POSTs to `path`. */
export function musicCreateOperation(
	operation: string,
	path: string,
	spec: MusicCreateSpec,
): { description: INodeProperties[]; execute: OperationExecute } {
	const layout: CreateLayout = {
		resource: 'music',
		operation,
		face: [...(spec.input?.properties ?? []), ...modelProperties(spec.model ?? 'The Suno model to use'), ...spec.face],
		options: spec.options,
	};
	const fields = bodyFields(layout);
	const request = { resource: 'music', operation, path };
	return {
		description: createDescription(layout),
		async execute(this: IExecuteFunctions, itemIndex: number, run: RunContext) {
			return await runMusicCreate(this, run, itemIndex, request, spec, fields);
		},
	};
}

/**
 * Add Instrumental and Add Vocals: a layer over an input audio, with the fields `content` (all of
 * `required` must be filled) plus negative tags and tuning, which both endpoints share.
 */
export function layerOperation(
	operation: string,
	path: string,
	content: Field[],
	required: { keys: string[]; by: string },
): { description: INodeProperties[]; execute: OperationExecute } {
	return musicCreateOperation(operation, path, {
		input: ONE_AUDIO,
		model: 'The Suno model to use; recent docs accept V6 models here',
		face: [...content, requiredNegativeTagsField()],
		options: tuningFields(),
		checks: [requireAll(required.keys, required.by)],
	});
}
