import * as http from 'http';

import type { CallbackDelivery, CallbackStage } from './types';

const DELIVERY_TIMEOUT_MS = 15_000;

/**
 * The address to connect to for a loopback host (127.0.0.0/8, localhost, ::1), the only hosts the simulator
 * ever contacts; undefined for any other host. 'localhost' is pinned to 127.0.0.1 so no resolver can route it elsewhere.
 */
export function loopbackAddress(hostname: string): string | undefined {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
	if (host === 'localhost') return '127.0.0.1';
	if (host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return host;
	return undefined;
}

/**
 * Delivers callbacks one at a time per task, in stage order, with no retries.
 * Deliveries started before a reset or close are aborted and left out of the record.
 */
export class CallbackSender {
	readonly deliveries: CallbackDelivery[] = [];
	private inflight = new Set<http.ClientRequest>();
	private queues = new Map<string, Promise<void>>();
	private generation = 0;

	constructor(private readonly warn: (message: string) => void) {}

	enqueue(taskId: string, stage: CallbackStage, url: string, body: unknown, times: number): void {
		const generation = this.generation;
		let queue = this.queues.get(taskId) ?? Promise.resolve();
		for (let i = 0; i < times; i++) queue = queue.then(() => (generation === this.generation ? this.deliver(taskId, stage, url, body) : undefined));
		this.queues.set(taskId, queue);
		void queue.then(() => {
			if (this.queues.get(taskId) === queue) this.queues.delete(taskId);
		});
	}

	/** Forgets every delivery and aborts those in flight. */
	reset(): void {
		this.generation++;
		this.deliveries.length = 0;
		this.queues.clear();
		for (const req of this.inflight) req.destroy();
		this.inflight.clear();
	}

	private deliver(taskId: string, stage: CallbackStage, url: string, body: unknown): Promise<void> {
		const generation = this.generation;
		const record = (outcome: Partial<CallbackDelivery>) => {
			if (generation === this.generation) this.deliveries.push({ taskId, stage, url, at: Date.now(), body, ...outcome });
		};
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			record({ error: 'invalid callback URL' });
			return Promise.resolve();
		}
		const address = loopbackAddress(target.hostname);
		if (!address) {
			this.warn(`callback for ${taskId} (${stage}) not sent: ${target.hostname} is not a loopback host`);
			record({ skipped: 'non-loopback' });
			return Promise.resolve();
		}
		if (target.protocol !== 'http:') {
			record({ error: `unsupported callback protocol ${target.protocol}` });
			return Promise.resolve();
		}
		const at = Date.now();
		const payload = Buffer.from(JSON.stringify(body));
		return new Promise((resolve) => {
			let status: number | undefined;
			let finished = false;
			const finish = (outcome: Partial<CallbackDelivery>) => {
				if (finished) return;
				finished = true;
				this.inflight.delete(req);
				if (outcome.error && generation === this.generation) this.warn(`callback for ${taskId} (${stage}) to ${url} failed: ${outcome.error}`);
				record({ ...outcome, at });
				resolve();
			};
			const req = http.request(
				{
					host: address,
					port: target.port || 80,
					path: `${target.pathname}${target.search}`,
					method: 'POST',
					agent: false,
					headers: {
						host: target.host,
						'content-type': 'application/json',
						'content-length': payload.length,
						'user-agent': 'suno-api-simulator',
					},
				},
				(res) => {
					status = res.statusCode;
					res.resume();
					res.on('end', () => finish({ status }));
				},
			);
			this.inflight.add(req);
			req.setTimeout(DELIVERY_TIMEOUT_MS, () => req.destroy(new Error(`timeout after ${DELIVERY_TIMEOUT_MS} ms`)));
			req.on('error', (err) => finish({ error: err.message }));
			req.on('close', () => finish(status === undefined ? { error: 'connection closed without a response' } : { status }));
			req.end(payload);
		});
	}
}
