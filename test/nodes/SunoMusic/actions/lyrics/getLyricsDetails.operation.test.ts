import { FAST_WAIT, errorOf, run, useSimulator, parametersFor } from '../../support';

const sim = useSimulator();

const lyricsDetails = parametersFor('lyrics', 'getLyricsDetails');

describe('Lyrics → Get Lyrics Details', () => {
	it('waits for a pending lyrics task and outputs one item per variant', async () => {
		const taskId = sim.createTask({ kind: 'lyrics', params: { prompt: 'rainy city' } });

		const result = await run(sim, {
			parameters: lyricsDetails({ taskId, waitForCompletion: true, waitOptions: FAST_WAIT }),
		});

		expect(result.output.map((item) => item.json.variantIndex)).toEqual([0, 1]);
		expect(result.output.map((item) => item.json.title)).toEqual(['Rainy City', 'Rainy City (Reprise)']);
		expect(result.output[0].json).toMatchObject({ taskId, status: 'SUCCESS', param: { prompt: 'rainy city' } });
	});

	it('without waiting returns the task as it is, as one item', async () => {
		const taskId = sim.createTask({ kind: 'lyrics', scenario: 'never-completes' });

		const result = await run(sim, { parameters: lyricsDetails({ taskId }) });

		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toMatchObject({ taskId, status: 'PENDING', variantIndex: null, variantCount: 0 });
	});

	it('gives up after Max Wait with the task ID and last status', async () => {
		const taskId = sim.createTask({ kind: 'lyrics', scenario: 'never-completes' });

		const result = await run(sim, {
			parameters: lyricsDetails({ taskId, waitForCompletion: true, waitOptions: { pollInterval: 0.05, maxWait: 0.3 } }),
		});

		expect(errorOf(result)).toBe(`Suno task ${taskId} was not finished after 0.3 s (last status: PENDING)`);
		expect((result.error as { description?: string }).description).toContain('Get Lyrics Details');
	});

	it('treats a lyrics task whose callback failed but whose lyrics exist as done', async () => {
		const taskId = sim.createTask({ kind: 'lyrics', scenario: 'callback-exception', durationS: 1 });

		const result = await run(sim, {
			parameters: lyricsDetails({ taskId, waitForCompletion: true, waitOptions: FAST_WAIT }),
		});

		expect(result.error).toBeUndefined();
		expect(result.output.map((item) => item.json.status)).toEqual(['CALLBACK_EXCEPTION', 'CALLBACK_EXCEPTION']);
	});
});
