import { FAST_WAIT, bytesOf, cdnRequests, errorOf, run, useSimulator, parametersFor } from '../../support';

/** Download Audio on Get Generation Details (the lead's getGenerationDetails.operation.test.ts covers the rest). */
const sim = useSimulator();

const details = parametersFor('music', 'getGenerationDetails');

describe('Music → Get Generation Details with Download Audio', () => {
	it('adds the MP3 and cover image of every track of an existing task', async () => {
		const taskId = sim.createTask({ durationS: 1 });

		const result = await run(sim, {
			parameters: details({
				taskId,
				waitForCompletion: true,
				waitOptions: FAST_WAIT,
				downloadAudio: true,
				downloadOptions: { downloadCover: true },
			}),
		});

		expect(result.output).toHaveLength(2);
		for (const item of result.output) {
			expect(item.json).toMatchObject({ taskId, audioDownloaded: true });
			expect(bytesOf(item, 'data').equals(sim.audioBytes())).toBe(true);
			expect(bytesOf(item, 'cover').equals(sim.imageBytes())).toBe(true);
		}
		expect(cdnRequests(sim)).toHaveLength(4);
		for (const download of cdnRequests(sim)) expect(download.headers.authorization).toBeUndefined();
	});

	it('without waiting downloads nothing for a task that has no final audio yet, and says so', async () => {
		const taskId = sim.createTask({ durationS: 10_000_000, streamsAtS: 1, firstAtS: 10_000_000 });
		await new Promise((resolve) => setTimeout(resolve, 5));

		const result = await run(sim, { parameters: details({ taskId, downloadAudio: true }) });

		expect(result.output).toHaveLength(2);
		for (const item of result.output) {
			expect(item.binary).toBeUndefined();
			expect(item.json).toMatchObject({
				status: 'TEXT_SUCCESS',
				audioDownloaded: false,
				downloadNote:
					'The final audio of this track was not ready yet, so it was not downloaded. Run Get Generation Details with Download Audio later.',
			});
		}
		expect(cdnRequests(sim)).toHaveLength(0);
	});

	it('refuses Download Audio with the raw output before reading the task', async () => {
		const result = await run(sim, {
			parameters: details({ taskId: 'sim.success', downloadAudio: true, options: { output: 'raw' } }),
		});

		expect(errorOf(result)).toBe('Item 0: Download Audio needs the per-track output');
		expect(sim.requests).toHaveLength(0);
	});
});
