import type { IExecuteFunctions } from 'n8n-workflow';

import { readRequestBudget } from '../descriptions/common';
import { SunoClient } from '../transport';
import { RequestBudget } from './budget';
import type { StopSignal } from './pause';
import { TaskWaiter } from './waiter';


const DEFAULT_TIMEOUT_MS = 60_000;
const RETRY_BASE_MS = 1_000;

/** What the items of one execution share: one client, one request budget, one waiter. */
export interface RunContext {
	client: SunoClient;
	waiter: TaskWaiter;
	signal: StopSignal;
	/** Ends every wait of this execution, e.g. once one item has failed the whole node. */
	stop: () => void;
}

export function createRunContext(ctx: IExecuteFunctions): RunContext {
	const executionSignal = ctx.getExecutionCancelSignal?.();
	let stopped = false;
	const signal: StopSignal = {
		get aborted() {
			return stopped || executionSignal?.aborted === true;
		},
	};
	const { maxRequests, windowMs } = readRequestBudget(ctx);
	const budget = new RequestBudget(maxRequests, windowMs);
	return {
		client: new SunoClient(ctx, { signal, budget, timeoutMs: DEFAULT_TIMEOUT_MS, retryBaseMs: RETRY_BASE_MS }),
		waiter: new TaskWaiter(signal),
		signal,
		stop: () => {
			stopped = true;
		},
	};
}
