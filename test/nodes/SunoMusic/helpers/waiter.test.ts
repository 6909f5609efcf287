import { RequestBudget } from '../../../../nodes/SunoMusic/helpers/budget';
import { CancelledError, pause } from '../../../../nodes/SunoMusic/helpers/pause';
import { TaskWaiter, type PollPlan } from '../../../../nodes/SunoMusic/helpers/waiter';
import { SunoRequestError } from '../../../../nodes/SunoMusic/transport';

type State = { step: number };

// A failure is terminal, so it ranks above every healthy step.
const FAILED = 9;

function plan(reads: Array<State | Error>, overrides: Partial<PollPlan<State>> = {}): PollPlan<State> & { calls: () => number } {
	let calls = 0;
	return {
		taskId: 'task-1',
		read: async () => {
			const next = reads[Math.min(calls++, reads.length - 1)];
			if (next instanceof Error) throw next;
			return next;
		},
		merge: (previous, next) => (previous && previous.step > next.step ? previous : next),
		outcome: (state) => (state.step === FAILED ? 'failed' : state.step >= 3 ? 'done' : 'pending'),
		status: (state) => `step ${state.step}`,
		intervalMs: 5,
		maxWaitMs: 2_000,
		calls: () => calls,
		...overrides,
	};
}

const rateLimited = () => new SunoRequestError({ kind: 'rateLimited', requestKind: 'read', path: '/x', code: 430 });

describe('TaskWaiter', () => {
	const never = { aborted: false };

	it('polls until the task is done and returns the final state', async () => {
		const p = plan([{ step: 0 }, { step: 1 }, { step: 3 }]);
		await expect(new TaskWaiter(never).wait(p)).resolves.toEqual({ settled: true, state: { step: 3 } });
		expect(p.calls()).toBe(3);
	});

	it('returns at once on a failed state so the caller can report it', async () => {
		const p = plan([{ step: 1 }, { step: FAILED }, { step: 3 }]);
		await expect(new TaskWaiter(never).wait(p)).resolves.toEqual({ settled: true, state: { step: FAILED } });
		expect(p.calls()).toBe(2);
	});

	it('keeps the furthest state when a stale read comes back', async () => {
		const p = plan([{ step: 2 }, { step: 0 }], { maxWaitMs: 30 });
		const result = await new TaskWaiter(never).wait(p);
		expect(result).toMatchObject({ settled: false, state: { step: 2 }, lastStatus: 'step 2' });
	});

	it('rides out transient answers such as a rate limit instead of failing', async () => {
		const p = plan([rateLimited(), rateLimited(), { step: 3 }]);
		await expect(new TaskWaiter(never).wait(p)).resolves.toMatchObject({ settled: true, state: { step: 3 } });
		expect(p.calls()).toBe(3);
	});

	it('passes a refusal straight through', async () => {
		const refused = new SunoRequestError({ kind: 'refused', requestKind: 'read', path: '/x', code: 401 });
		await expect(new TaskWaiter(never).wait(plan([refused]))).rejects.toBe(refused);
	});

	it('reports a timeout with the last status once max wait has passed', async () => {
		const started = Date.now();
		const result = await new TaskWaiter(never).wait(plan([{ step: 1 }], { intervalMs: 20, maxWaitMs: 100 }));
		expect(result).toEqual({ settled: false, state: { step: 1 }, lastStatus: 'step 1', maxWaitMs: 100 });
		expect(Date.now() - started).toBeGreaterThanOrEqual(100);
		expect(Date.now() - started).toBeLessThan(1_000);
	});

	it('stops waiting soon after the execution is cancelled', async () => {
		const signal = { aborted: false };
		const waiting = new TaskWaiter(signal).wait(plan([{ step: 0 }], { intervalMs: 60_000, maxWaitMs: 120_000 }));
		await pause(50, never);
		const cancelledAt = Date.now();
		signal.aborted = true;
		await expect(waiting).rejects.toBeInstanceOf(CancelledError);
		expect(Date.now() - cancelledAt).toBeLessThan(1_000);
	});
});

describe('RequestBudget', () => {
	const signal = { aborted: false };
	/** A request whose answer comes back at once. */
	const instant = async (budget: RequestBudget, priority?: 'create' | 'read') => (await budget.acquire(signal, priority))();

	it('never lets more than the budget through in any window', async () => {
		const budget = new RequestBudget(3, 200);
		const grantedAt: number[] = [];
		await Promise.all(
			Array.from({ length: 7 }, async () => {
				await instant(budget);
				grantedAt.push(Date.now());
			}),
		);
		grantedAt.sort((a, b) => a - b);
		for (let i = 3; i < grantedAt.length; i++) expect(grantedAt[i] - grantedAt[i - 3]).toBeGreaterThanOrEqual(195);
	});

	it('counts a request from its answer, so a slow answer keeps its slot taken for a whole window after it', async () => {
		const budget = new RequestBudget(1, 100);
		const first = Date.now();
		const answered = await budget.acquire(signal);
		const second = budget.acquire(signal).then(() => Date.now());
		await pause(80, signal);
		answered();
		expect((await second) - first).toBeGreaterThanOrEqual(175);
	});

	it('holds every caller back after a rate-limit answer, longer while refusals go on', async () => {
		const budget = new RequestBudget(100, 1_000);
		const heldFor = async () => {
			const started = Date.now();
			await instant(budget);
			return Date.now() - started;
		};
		budget.onRateLimited();
		expect(await heldFor()).toBeGreaterThanOrEqual(95);
		budget.onRateLimited();
		expect(await heldFor()).toBeGreaterThanOrEqual(195);
		budget.onAccepted();
		budget.onAccepted();
		budget.onRateLimited();
		const third = await heldFor();
		expect(third).toBeGreaterThanOrEqual(95);
		expect(third).toBeLessThan(195);
	});

	it('does not lengthen the pause for refusals of the same burst', async () => {
		const budget = new RequestBudget(100, 1_000);
		for (let i = 0; i < 5; i++) budget.onRateLimited();
		const started = Date.now();
		await instant(budget);
		expect(Date.now() - started).toBeGreaterThanOrEqual(95);
		expect(Date.now() - started).toBeLessThan(195);
	});

	it('serves waiting creates before waiting reads, so new tasks are not starved by polling', async () => {
		const budget = new RequestBudget(1, 60);
		await instant(budget);
		const order: string[] = [];
		await Promise.all([
			instant(budget, 'read').then(() => order.push('read 1')),
			instant(budget, 'read').then(() => order.push('read 2')),
			instant(budget, 'create').then(() => order.push('create')),
		]);
		expect(order).toEqual(['create', 'read 1', 'read 2']);
	});

	it('drops a queued caller whose execution was stopped', async () => {
		const budget = new RequestBudget(1, 10_000);
		await instant(budget);
		const stopped = { aborted: false };
		const queued = budget.acquire(stopped);
		stopped.aborted = true;
		await expect(queued).rejects.toBeInstanceOf(CancelledError);
	});
});
