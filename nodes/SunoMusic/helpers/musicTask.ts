import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { WaitSettings } from '../descriptions/common';
import { musicTaskToItems, normaliseMusicTask, type MusicTask } from './normalise';
import type { RunContext } from './run';
import { furthestMusicTask, isFailedMusicTask, musicOutcome } from './status';
import { timeoutMessage } from './waiter';

/** A read of the music record-info endpoint: the normalised task and the data Suno sent. */
export interface MusicTaskRead {
	task: MusicTask;
	raw: IDataObject;
}

export const MUSIC_RECORD_INFO_PATH = '/api/v1/generate/record-info';

export function requireTaskId(ctx: IExecuteFunctions, itemIndex: number, name = 'taskId'): string {
	const taskId = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!taskId) {
		throw new NodeOperationError(ctx.getNode(), `The Task ID of item ${itemIndex} is empty`, {
			itemIndex,
			description: 'Map the taskId returned by a Suno create operation, e.g. {{ $json.taskId }}.',
		});
	}
	return taskId;
}

export async function readMusicTask(
	run: RunContext,
	taskId: string,
	options: { retries?: number; timeoutMs?: number } = {},
): Promise<MusicTaskRead> {
	const data = await run.client.request<IDataObject | null>({
		method: 'GET',
		path: MUSIC_RECORD_INFO_PATH,
		qs: { taskId },
		kind: 'read',
		...options,
	});
	const raw = data ?? {};
	return { task: normaliseMusicTask(raw, taskId), raw };
}

/**
 * Polls until the task reaches what `settings.waitFor` asks for or fails. A timeout is an error,
 * except under Continue On Fail, where the last known state is passed on marked as timed out.
 */
export async function waitForMusicTask(
	ctx: IExecuteFunctions,
	run: RunContext,
	taskId: string,
	itemIndex: number,
	settings: WaitSettings,
	timeoutMs?: number,
): Promise<MusicTaskRead & { timedOut: boolean }> {
	const result = await run.waiter.wait<MusicTaskRead>({
		taskId,
		read: async () => await readMusicTask(run, taskId, { retries: 0, timeoutMs }),
		merge: (previous, next) =>
			previous && furthestMusicTask(previous.task, next.task) === previous.task ? previous : next,
		outcome: (state) => musicOutcome(state.task, settings.waitFor),
		status: (state) => state.task.status,
		intervalMs: settings.pollIntervalMs,
		maxWaitMs: settings.maxWaitMs,
	});
	if (result.settled) return { ...result.state, timedOut: false };
	if (ctx.continueOnFail() && result.state) return { ...result.state, timedOut: true };
	throw new NodeOperationError(ctx.getNode(), timeoutMessage(taskId, result), {
		itemIndex,
		description:
			'Raise Max Wait in Wait Options, or turn off Wait for Completion and fetch the task later with Get Generation Details.',
	});
}

export function assertMusicTaskUsable(ctx: IExecuteFunctions, task: MusicTask, itemIndex: number): void {
	if (!isFailedMusicTask(task)) return;
	const reason = [task.errorCode, task.errorMessage].filter((part) => part !== null && part !== '').join(': ');
	const hint =
		task.status === 'SENSITIVE_WORD_ERROR'
			? 'Suno’s moderation stopped it: reword the prompt, lyrics or style (no artist names or copyrighted lyrics).'
			: 'Suno usually refunds the credits of a task that did not produce audio. Run it again, or change the prompt if it keeps happening.';
	throw new NodeApiError(
		ctx.getNode(),
		{ taskId: task.taskId, status: task.status, errorCode: task.errorCode, errorMessage: task.errorMessage },
		{
			message: `Suno task ${task.taskId} ended with ${task.status}${reason ? ` (${reason})` : ''}`,
			description: hint,
			itemIndex,
		},
	);
}

export interface MusicOutputOptions {
	rawResponse: boolean;
	timedOut: boolean;
}

export function musicTaskOutput(read: MusicTaskRead, itemIndex: number, options: MusicOutputOptions): INodeExecutionData[] {
	const jsons = options.rawResponse ? [read.raw] : musicTaskToItems(read.task);
	return jsons.map((json) => ({
		json: options.timedOut ? { ...json, timedOut: true } : json,
		pairedItem: { item: itemIndex },
	}));
}
