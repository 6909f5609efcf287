import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { WaitSettings } from '../descriptions/common';
import { musicTaskToItems, normaliseMusicTask, type MusicTask } from './normalise';
import type { RunContext } from './run';
import { furthestMusicTask, isFailedMusicTask, musicOutcome } from './status';
import { followTask, readTask, type ReadOptions, type TaskRead } from './follow';

/** A read of the music record-info endpoint: the normalised task and the data Suno sent. */
export type MusicTaskRead = TaskRead<MusicTask>;

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

export async function readMusicTask(run: RunContext, taskId: string, options: ReadOptions = {}): Promise<MusicTaskRead> {
	return await readTask(run, MUSIC_RECORD_INFO_PATH, taskId, normaliseMusicTask, options);
}

/** Polls until the task reaches what `settings.waitFor` asks for or fails (see followTask for timeouts). */
export async function waitForMusicTask(
	ctx: IExecuteFunctions,
	run: RunContext,
	taskId: string,
	itemIndex: number,
	settings: WaitSettings,
	timeoutMs?: number,
): Promise<MusicTaskRead & { timedOut: boolean }> {
	const { state, timedOut } = await followTask<MusicTaskRead>(
		ctx,
		run,
		itemIndex,
		{
			taskId,
			read: async () => await readMusicTask(run, taskId, { retries: 0, timeoutMs }),
			merge: (previous, next) =>
				previous && furthestMusicTask(previous.task, next.task) === previous.task ? previous : next,
			outcome: (read) => musicOutcome(read.task, settings.waitFor),
			status: (read) => read.task.status,
			intervalMs: settings.pollIntervalMs,
			maxWaitMs: settings.maxWaitMs,
			firstPollAfterMs: settings.firstCheckAfterMs,
		},
		'Get Generation Details',
	);
	return { ...state, timedOut };
}

/** The fields of a music or lyrics task that say how it ended. */
export interface TaskEnding {
	taskId: string;
	status: string;
	errorCode: number | string | null;
	errorMessage: string | null;
}

/** Suno finished the task without a usable result; the message carries Suno's own reason. */
export function taskEndedError(
	ctx: IExecuteFunctions,
	task: TaskEnding,
	itemIndex: number,
	product = 'audio',
): NodeApiError {
	const reason = [task.errorCode, task.errorMessage].filter((part) => part !== null && part !== '').join(': ');
	const hint =
		task.status === 'SENSITIVE_WORD_ERROR'
			? 'Suno’s moderation stopped it: reword the prompt, lyrics or style (no artist names or copyrighted lyrics).'
			: `Suno usually refunds the credits of a task that did not produce ${product}. Run it again, or change the prompt if it keeps happening.`;
	return new NodeApiError(
		ctx.getNode(),
		{ taskId: task.taskId, status: task.status, errorCode: task.errorCode, errorMessage: task.errorMessage },
		{
			message: `Suno task ${task.taskId} ended with ${task.status}${reason ? ` (${reason})` : ''}`,
			description: hint,
			itemIndex,
		},
	);
}

export function assertMusicTaskUsable(ctx: IExecuteFunctions, task: MusicTask, itemIndex: number): void {
	if (isFailedMusicTask(task)) throw taskEndedError(ctx, task, itemIndex);
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
