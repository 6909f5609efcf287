import { pause, type StopSignal } from './pause';

/**
 * One request budget per execution, shared by every item, so a batch stays inside Suno's limit
 * (20 requests per 10 s) instead of tripping it and failing items.
 */
export class RequestBudget {
	private sentAt: number[] = [];

	private blockedUntil = 0;

	private penaltyMs = 0;

	private queue: Promise<void> = Promise.resolve();

	constructor(
		readonly maxRequests: number,
		readonly windowMs: number,
	) {}

	/** Resolves when a request may be sent; callers are served in the order they asked. */
	async acquire(signal: StopSignal): Promise<void> {
		const turn = this.queue.then(async () => await this.waitForSlot(signal));
		this.queue = turn.catch(() => undefined);
		return await turn;
	}

	/**
	 * After a rate-limit answer every caller holds back, not only the one that was refused; the pause
	 * doubles while refusals continue (up to three windows) and shrinks again as requests pass.
	 */
	onRateLimited(): void {
		this.penaltyMs = Math.min(Math.max(this.penaltyMs * 2, this.windowMs / 10), this.windowMs * 3);
		this.blockedUntil = Math.max(this.blockedUntil, Date.now() + this.penaltyMs);
	}

	onAccepted(): void {
		this.penaltyMs = this.penaltyMs < 1 ? 0 : this.penaltyMs / 2;
	}

	private async waitForSlot(signal: StopSignal): Promise<void> {
		for (;;) {
			const now = Date.now();
			while (this.sentAt.length > 0 && now - this.sentAt[0] >= this.windowMs) this.sentAt.shift();
			const windowWait = this.sentAt.length >= this.maxRequests ? this.sentAt[0] + this.windowMs - now : 0;
			const delay = Math.max(this.blockedUntil - now, windowWait, 0);
			if (delay === 0) {
				this.sentAt.push(now);
				return;
			}
			await pause(delay, signal);
		}
	}
}
