import { ConcurrencyLimit, downloadLimitFor, MAX_PARALLEL_DOWNLOADS } from '../../../../nodes/SunoMusic/helpers/limit';

describe('ConcurrencyLimit', () => {
	it('never runs more than its maximum at once and finishes every task in order of start', async () => {
		const limit = new ConcurrencyLimit(3);
		let running = 0;
		let most = 0;
		const started: number[] = [];
		const results = await Promise.all(
			Array.from({ length: 10 }, async (_, index) =>
				await limit.run(async () => {
					started.push(index);
					running++;
					most = Math.max(most, running);
					await new Promise((resolve) => setTimeout(resolve, 5));
					running--;
					return index * 2;
				}),
			),
		);
		expect(most).toBe(3);
		expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
	});

	it('frees the slot of a task that fails', async () => {
		const limit = new ConcurrencyLimit(1);
		await expect(limit.run(async () => await Promise.reject(new Error('no')))).rejects.toThrow('no');
		await expect(limit.run(async () => await Promise.resolve('next'))).resolves.toBe('next');
	});

	it('gives each node run its own download limit', () => {
		const first = {};
		expect(downloadLimitFor(first)).toBe(downloadLimitFor(first));
		expect(downloadLimitFor({})).not.toBe(downloadLimitFor(first));
		expect(downloadLimitFor(first).max).toBe(MAX_PARALLEL_DOWNLOADS);
	});
});
