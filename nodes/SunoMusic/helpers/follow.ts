import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RunContext } from './run';
import { timeoutMessage, type PollPlan } from './waiter';

/**
 * Follows a task through the execution's one waiter until it settles. Running out of time is an
 * error naming the task and how to fetch it later, except under Continue On Fail, where the last
 * known state is passed on marked as timed out.
 */
export async function followTask<T>(
	ctx: IExecuteFunctions,
	run: RunContext,
	itemIndex: number,
	plan: PollPlan<T>,
	fetchLaterWith: string,
): Promise<{ state: T; timedOut: boolean }> {
	const result = await run.waiter.wait<T>(plan);
	if (result.settled) return { state: result.state, timedOut: false };
	if (ctx.continueOnFail() && result.state !== undefined) return { state: result.state, timedOut: true };
	throw new NodeOperationError(ctx.getNode(), timeoutMessage(plan.taskId, result), {
		itemIndex,
		description: `Raise Max Wait in Wait Options, or turn off Wait for Completion and fetch the task later with ${fetchLaterWith}.`,
	});
}

/** A read of a record-info endpoint: the normalised task and the data Suno sent. */
export interface TaskRead<T> {
	task: T;
	raw: IDataObject;
}

export interface ReadOptions {
	retries?: number;
	timeoutMs?: number;
}

/** One read of a task's record-info endpoint at `path`, normalised; no data reads as {}. */
export async function readTask<T>(
	run: RunContext,
	path: string,
	taskId: string,
	normalise: (data: IDataObject, requestedTaskId: string) => T,
	options: ReadOptions = {},
): Promise<TaskRead<T>> {
	const data = await run.client.request<IDataObject | null>({
		method: 'GET',
		path,
		qs: { taskId },
		kind: 'read',
		...options,
	});
	const raw = data ?? {};
	return { task: normalise(raw, taskId), raw };
}
