/** Runs at most `max` tasks at once; the others start, in order, as running ones finish. */
export class ConcurrencyLimit {
	private running = 0;

	private readonly queue: Array<() => void> = [];

	constructor(readonly max: number) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.running >= this.max) await new Promise<void>((resolve) => this.queue.push(resolve));
		this.running++;
		try {
			return await task();
		} finally {
			this.running--;
			this.queue.shift()?.();
		}
	}
}

/**
 * A few downloads at a time per node run: every item's tracks may be ready at once, and hundreds
 * of parallel streams would only compete for the same bandwidth and open sockets.
 */
export const MAX_PARALLEL_DOWNLOADS = 4;

const downloadLimits = new WeakMap<object, ConcurrencyLimit>();

/** One limit per node run, keyed by its execute context, so separate runs do not wait on each other. */
export function downloadLimitFor(runContext: object): ConcurrencyLimit {
	let limit = downloadLimits.get(runContext);
	if (!limit) {
		limit = new ConcurrencyLimit(MAX_PARALLEL_DOWNLOADS);
		downloadLimits.set(runContext, limit);
	}
	return limit;
}
