import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { WaitSettings } from '../descriptions/common';
import { followTask, readTask, type ReadOptions, type TaskRead } from './follow';
import { taskEndedError } from './musicTask';
import { lyricsTaskToItems, normaliseLyricsTask, type LyricsTask } from './normalise';
import type { RunContext } from './run';
import type { Outcome } from './status';

export type LyricsTaskRead = TaskRead<LyricsTask>;

export const LYRICS_RECORD_INFO_PATH = '/api/v1/lyrics/record-info';

const LYRICS_FAILURES = new Set([
	'CREATE_TASK_FAILED',
	'GENERATE_LYRICS_FAILED',
	'GENERATE_AUDIO_FAILED',
	'SENSITIVE_WORD_ERROR',
]);

/** CALLBACK_EXCEPTION only means Suno's callback was not delivered; with lyrics present they are fine. */
export function isFailedLyricsTask(task: LyricsTask): boolean {
	if (LYRICS_FAILURES.has(task.status)) return true;
	return task.status === 'CALLBACK_EXCEPTION' && task.variants.every((variant) => variant.text === null);
}

export function lyricsOutcome(task: LyricsTask): Outcome {
	if (isFailedLyricsTask(task)) return 'failed';
	return task.status === 'SUCCESS' || task.status === 'CALLBACK_EXCEPTION' ? 'done' : 'pending';
}

/** Lyrics go from PENDING straight to an end state; a stale PENDING after it must not undo it. */
function furthestLyricsTask(previous: LyricsTaskRead | undefined, next: LyricsTaskRead): LyricsTaskRead {
	if (!previous) return next;
	return lyricsOutcome(previous.task) !== 'pending' && lyricsOutcome(next.task) === 'pending' ? previous : next;
}

export async function readLyricsTask(
	run: RunContext,
	taskId: string,
	options: ReadOptions = {},
): Promise<LyricsTaskRead> {
	return await readTask(run, LYRICS_RECORD_INFO_PATH, taskId, normaliseLyricsTask, options);
}

/** Reads the task once, or follows it through the shared waiter when waiting is on. */
export async function lyricsTaskResult(
	ctx: IExecuteFunctions,
	run: RunContext,
	itemIndex: number,
	follow: { taskId: string; wait?: WaitSettings; timeoutMs: number },
): Promise<INodeExecutionData[]> {
	const { taskId, wait, timeoutMs } = follow;
	let read: LyricsTaskRead;
	let timedOut = false;
	if (wait) {
		({ state: read, timedOut } = await followTask<LyricsTaskRead>(
			ctx,
			run,
			itemIndex,
			{
				taskId,
				read: async () => await readLyricsTask(run, taskId, { retries: 0, timeoutMs }),
				merge: furthestLyricsTask,
				outcome: (state) => lyricsOutcome(state.task),
				status: (state) => state.task.status,
				intervalMs: wait.pollIntervalMs,
				maxWaitMs: wait.maxWaitMs,
			},
			'Get Lyrics Details',
		));
	} else {
		read = await readLyricsTask(run, taskId, { timeoutMs });
	}
	if (isFailedLyricsTask(read.task)) throw taskEndedError(ctx, read.task, itemIndex, 'lyrics');
	return lyricsTaskToItems(read.task).map((json) => ({
		json: timedOut ? { ...json, timedOut: true } : json,
		pairedItem: { item: itemIndex },
	}));
}
