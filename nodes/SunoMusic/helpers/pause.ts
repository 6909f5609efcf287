import { sleep } from 'n8n-workflow';

/** Thrown when the execution was stopped while the node was waiting. */
export class CancelledError extends Error {
	constructor() {
		super('The execution was stopped while waiting for Suno');
		this.name = 'CancelledError';
	}
}

// Short slices let a stopped execution end a long wait quickly without one abort listener per
// waiting item (hundreds of items would trip Node's listener-leak warning on the shared signal).
const SLICE_MS = 200;

/** Only `aborted` is read, so the execution's signal and the node's own stop flag both fit. */
export interface StopSignal {
	readonly aborted: boolean;
}

export function throwIfCancelled(signal: StopSignal): void {
	if (signal.aborted) throw new CancelledError();
}

export async function pause(ms: number, signal: StopSignal): Promise<void> {
	const end = Date.now() + ms;
	for (;;) {
		throwIfCancelled(signal);
		const left = end - Date.now();
		if (left <= 0) return;
		await sleep(Math.min(left, SLICE_MS));
	}
}
