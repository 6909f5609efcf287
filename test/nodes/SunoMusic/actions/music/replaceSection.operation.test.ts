import { DEFAULT_CALLBACK_URL } from '../../../../../nodes/SunoMusic/helpers/create';
import { createRequests, errorOf, postsTo, run, useSimulator, parametersFor } from '../../support';

const PATH = '/api/v1/generate/replace-section';

const sim = useSimulator();

/** A finished V6 task whose tracks are about 60 s long. */
async function finishedTrack(): Promise<{ taskId: string; audioId: string; duration: number }> {
	const taskId = sim.createTask({ params: { model: 'V6', duration: 60 }, durationS: 1 });
	await new Promise((resolve) => setTimeout(resolve, 20));
	const answer = await fetch(`${sim.baseUrl}/api/v1/generate/record-info?taskId=${taskId}`, {
		headers: { Authorization: `Bearer ${sim.apiKey}` },
	});
	const track = ((await answer.json()) as { data: { response: { sunoData: Array<{ id: string; duration: number }> } } })
		.data.response.sunoData[0];
	sim.clearRequests();
	return { taskId, audioId: track.id, duration: track.duration };
}

const section = parametersFor('music', 'replaceSection', {
	prompt: 'A soaring guitar solo',
	tags: 'rock',
	title: 'Fixed',
});

describe('Music → Replace Section of a generated track', () => {
	it('reads the source task first, then sends taskId and audioId without a model, and waits to the tracks', async () => {
		const { taskId, audioId } = await finishedTrack();

		const result = await run(sim, {
			parameters: section({
				taskId,
				audioId,
				infillStartS: 10.25,
				infillEndS: 22.5,
				fullLyrics: '[Verse] all of it',
				options: { lyrics: '[Solo]', variety: 2 },
			}),
		});

		expect(
			sim.requests
				.filter((r) => r.server === 'api')
				.map((r) => `${r.method} ${r.path}`)
				.slice(0, 2),
		).toEqual(['GET /api/v1/generate/record-info', `POST ${PATH}`]);
		expect(postsTo(sim, PATH).map((r) => r.body)).toEqual([
			{
				taskId,
				audioId,
				prompt: 'A soaring guitar solo',
				tags: 'rock',
				title: 'Fixed',
				infillStartS: 10.25,
				infillEndS: 22.5,
				fullLyrics: '[Verse] all of it',
				lyrics: '[Solo]',
				variety: 2,
				callBackUrl: DEFAULT_CALLBACK_URL,
			},
		]);
		expect(result.output.map((item) => item.json.operationType)).toEqual(['replace_section', 'replace_section']);
	});

	it('refuses a section longer than half of the known track, before any create', async () => {
		const { taskId, audioId, duration } = await finishedTrack();

		const result = await run(sim, { parameters: section({ taskId, audioId, infillStartS: 0, infillEndS: 40 }) });

		expect(errorOf(result)).toBe(
			`Item 0: the section is 40 s long; Suno replaces at most half of the track (${Math.round((duration / 2) * 100) / 100} s of ${duration} s)`,
		);
		expect(createRequests(sim)).toHaveLength(0);
	});

	it('refuses a section shorter than 10 s when the source task used a V6 model', async () => {
		const { taskId, audioId } = await finishedTrack();

		const result = await run(sim, { parameters: section({ taskId, audioId, infillStartS: 5, infillEndS: 12 }) });

		expect(errorOf(result)).toBe('Item 0: the section is 7 s long; model V6 replaces at least 10 s');
		expect(createRequests(sim)).toHaveLength(0);
	});

	it('refuses an audio ID that is not a track of the task', async () => {
		const { taskId } = await finishedTrack();

		const result = await run(sim, {
			parameters: section({ taskId, audioId: 'nope', infillStartS: 0, infillEndS: 12 }),
		});

		expect(errorOf(result)).toBe(`Item 0: task ${taskId} has no track with Audio ID nope`);
		expect(createRequests(sim)).toHaveLength(0);
	});
});

describe('Music → Replace Section of an audio file', () => {
	it('sends uploadUrl and model instead of taskId and audioId', async () => {
		await run(sim, {
			parameters: section({
				waitForCompletion: false,
				sourceMode: 'file',
				uploadUrl: 'https://example.com/mine.mp3',
				model: 'V5',
				infillStartS: 30,
				infillEndS: 45,
			}),
		});

		expect(postsTo(sim, PATH).map((r) => r.body)).toEqual([
			{
				uploadUrl: 'https://example.com/mine.mp3',
				model: 'V5',
				prompt: 'A soaring guitar solo',
				tags: 'rock',
				title: 'Fixed',
				infillStartS: 30,
				infillEndS: 45,
				callBackUrl: DEFAULT_CALLBACK_URL,
			},
		]);
	});

	it.each([
		['V6', 20, 28, 'Item 0: the section is 8 s long; model V6 replaces at least 10 s'],
		['V5', 0, 70, 'Item 0: the section is 70 s long; model V5 replaces at most 60 s'],
		['V6', 30, 20, 'Item 0: End (Seconds) is 20; it must be after Start (Seconds), 30'],
	])('refuses a %s range from %i to %i s, sending nothing', async (model, infillStartS, infillEndS, message) => {
		const result = await run(sim, {
			parameters: section({
				sourceMode: 'file',
				uploadUrl: 'https://example.com/mine.mp3',
				model,
				infillStartS,
				infillEndS,
			}),
		});

		expect(errorOf(result)).toBe(message);
		expect(sim.requests).toHaveLength(0);
	});
});
