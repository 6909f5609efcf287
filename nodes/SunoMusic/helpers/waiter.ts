import { SunoRequestError, backoffMs } from '../transport';
import type { Outcome } from './status';
import { pause, type StopSignal } from './pause';

/** What is needed to follow one task until it is done, has failed or runs out of time. */
export interface PollPlan<T> {
	taskId: string;
	read: () => Promise<T>;
	/** Folds a fresh read into what was seen before, so the state never moves backwards. */
	merge: (previous: T | undefined, next: T) => T;
	outcome: (state: T) => Outcome;
	status: (state: T) => string;
	intervalMs: number;
	maxWaitMs: number;
	firstPollAfterMs?: number;
}

/** Either the task settled (done or failed) or time ran out; `state` is the last thing seen. */
export type WaitResult<T> =
	| { settled: true; state: T }
	| { settled: false; state: T | undefined; lastStatus: string; maxWaitMs: number };

export function timeoutMessage(taskId: string, result: { lastStatus: string; maxWaitMs: number }): string {
	return `Suno task ${taskId} was not finished after ${result.maxWaitMs / 1000} s (last status: ${result.lastStatus})`;
}

/**
 * All polling of an execution goes through one waiter. Tasks are followed concurrently; requests
 * still queue on the client's shared budget, and transient answers (rate limit, maintenance, 5xx,
 * garbled bodies, dropped connections) only delay the next read until the deadline.
 */
export class TaskWaiter {
	constructor(private readonly signal: StopSignal) {}

	async wait<T>(plan: PollPlan<T>): Promise<WaitResult<T>> {
		const deadline = Date.now() + plan.maxWaitMs;
		let state: T | undefined;
		let transientFailures = 0;
		let delay = plan.firstPollAfterMs ?? 0;
		for (;;) {
			if (delay > 0) await pause(Math.min(delay, Math.max(0, deadline - Date.now())), this.signal);
			const read = await plan.read().then(
				(value) => ({ ok: true as const, value }),
				(error: unknown) => ({ ok: false as const, error }),
			);
			if (read.ok) {
				state = plan.merge(state, read.value);
				transientFailures = 0;
			} else if (read.error instanceof SunoRequestError && read.error.transient) {
				transientFailures++;
			} else {
				throw read.error;
			}
			if (state !== undefined && plan.outcome(state) !== 'pending') return { settled: true, state };
			if (Date.now() >= deadline) {
				const lastStatus = state === undefined ? 'unknown' : plan.status(state);
				return { settled: false, state, lastStatus, maxWaitMs: plan.maxWaitMs };
			}
			delay = transientFailures > 0 ? backoffMs(plan.intervalMs, transientFailures) : plan.intervalMs;
		}
	}
}
