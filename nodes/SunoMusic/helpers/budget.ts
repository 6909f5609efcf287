import { CancelledError, pause, type StopSignal } from './pause';

/** A create starts a task's clock, so it goes before status reads that can wait a little. */
export type RequestPriority = 'create' | 'read';

interface Waiter {
	signal: StopSignal;
	grant: (answered: () => void) => void;
	cancel: (error: Error) => void;
}

/** Call when the answer has arrived (or the request failed): Suno has surely counted it by then. */
export type Answered = () => void;

const NEVER_STOPPED: StopSignal = { aborted: false };

/** How often a queued caller whose execution was stopped is noticed while the budget is full. */
const RECHECK_MS = 50;

/**
 * One request budget per execution, shared by every item, so a batch stays inside Suno's limit
 * (20 requests per 10 s) instead of tripping it and failing items.
 */
export class RequestBudget {
	/**
	 * One entry per request of the last window: when its answer arrived, or undefined while it is in
	 * flight. Counting from the answer, not the send, keeps the budget inside Suno's window however
	 * long a request spends on the way, since Suno saw it before it answered.
	 */
	private slots: Array<number | undefined>[] = [];

	private blockedUntil = 0;

	private penaltyMs = 0;

	private readonly waiting: Record<RequestPriority, Waiter[]> = { create: [], read: [] };

	private pumping = false;

	constructor(
		readonly maxRequests: number,
		readonly windowMs: number,
	) {}

	/**
	 * Resolves when a request may be sent: creates first, then reads, each in the order they asked.
	 * The caller must call the returned function once the answer is in.
	 */
	async acquire(signal: StopSignal, priority: RequestPriority = 'read'): Promise<Answered> {
		return await new Promise<Answered>((grant, cancel) => {
			this.waiting[priority].push({ signal, grant, cancel });
			void this.pump();
		});
	}

	/**
	 * After a rate-limit answer every caller holds back, not only the one that was refused. Refusals
	 * that arrive while a pause is already running come from the same burst and do not lengthen it;
	 * a refusal after the pause doubles the next one (up to three windows). Accepted requests shrink it.
	 */
	onRateLimited(): void {
		const now = Date.now();
		if (now < this.blockedUntil) return;
		this.penaltyMs = Math.min(Math.max(this.penaltyMs * 2, this.windowMs / 10), this.windowMs * 3);
		this.blockedUntil = now + this.penaltyMs;
	}

	onAccepted(): void {
		this.penaltyMs = this.penaltyMs < 1 ? 0 : this.penaltyMs / 2;
	}

	private delayForNextSlot(now: number): number {
		this.slots = this.slots.filter(([answeredAt]) => answeredAt === undefined || now - answeredAt < this.windowMs);
		let windowWait = 0;
		if (this.slots.length >= this.maxRequests) {
			const answered = this.slots.map(([at]) => at).filter((at): at is number => at !== undefined);
			// All in flight: nothing frees up before an answer arrives, so look again shortly.
			windowWait = answered.length > 0 ? Math.min(...answered) + this.windowMs - now : RECHECK_MS;
		}
		return Math.max(this.blockedUntil - now, windowWait, 0);
	}

	/** One loop hands out slots while anyone waits; callers only enqueue. */
	private async pump(): Promise<void> {
		if (this.pumping) return;
		this.pumping = true;
		try {
			for (;;) {
				const queue = this.waiting.create.length > 0 ? this.waiting.create : this.waiting.read;
				const next = queue[0];
				if (!next) return;
				if (next.signal.aborted) {
					queue.shift();
					next.cancel(new CancelledError());
					continue;
				}
				const now = Date.now();
				const delay = this.delayForNextSlot(now);
				if (delay === 0) {
					queue.shift();
					const slot: Array<number | undefined> = [undefined];
					this.slots.push(slot);
					next.grant(() => {
						slot[0] ??= Date.now();
					});
					continue;
				}
				await pause(Math.min(delay, RECHECK_MS), NEVER_STOPPED);
			}
		} finally {
			this.pumping = false;
		}
	}
}
