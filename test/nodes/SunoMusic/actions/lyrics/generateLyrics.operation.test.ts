import { DEFAULT_CALLBACK_URL } from '../../../../../nodes/SunoMusic/helpers/create';
import { errorOf, postsTo, run, useSimulator, parametersFor } from '../../support';

const sim = useSimulator();

const generateLyrics = parametersFor('lyrics', 'generateLyrics');

describe('Lyrics → Generate Lyrics', () => {
	it('sends the prompt and callback URL, waits, and outputs one item per lyric variant', async () => {
		const result = await run(sim, { parameters: generateLyrics({ prompt: 'A peaceful night in the city' }) });

		const [create] = postsTo(sim, '/api/v1/lyrics');
		expect(create.body).toEqual({ prompt: 'A peaceful night in the city', callBackUrl: DEFAULT_CALLBACK_URL });
		expect(result.output).toHaveLength(2);
		result.output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toMatchObject({
				taskId: create.taskId,
				status: 'SUCCESS',
				type: 'LYRICS',
				variantIndex: index,
				variantCount: 2,
				variantStatus: 'complete',
			});
			expect(String(item.json.text)).toContain('[Chorus]');
		});
		expect(result.output[0].json.title).toBe('A Peaceful Night In');
		expect(result.output[1].json.title).toBe('A Peaceful Night In (Reprise)');
	});

	it('returns one PENDING item with the task ID when not waiting', async () => {
		const result = await run(sim, { parameters: generateLyrics({ prompt: 'idea', waitForCompletion: false }) });

		expect(result.output).toEqual([
			{
				json: {
					taskId: postsTo(sim, '/api/v1/lyrics')[0].taskId,
					status: 'PENDING',
					resource: 'lyrics',
					operation: 'generateLyrics',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('refuses a prompt over 200 words, sending nothing', async () => {
		const result = await run(sim, { parameters: generateLyrics({ prompt: 'word '.repeat(201) }) });

		expect(errorOf(result)).toBe('Item 0: Prompt is 201 words; Suno allows 200');
		expect(sim.requests).toHaveLength(0);
	});

	it('reports a failed lyrics task with Suno’s reason', async () => {
		sim.setNextScenario({ scenario: 'lyrics-failed' });

		const result = await run(sim, { parameters: generateLyrics({ prompt: 'idea' }) });

		expect(errorOf(result)).toMatch(/^Suno task [0-9a-f]+ ended with GENERATE_LYRICS_FAILED \(500: Internal Error/);
	});

	it('does not send the lyrics create again after an ambiguous failure', async () => {
		sim.addFault({ kind: 'reset', afterHandling: true, match: { pathPrefix: '/api/v1/lyrics' } });

		const result = await run(sim, { parameters: generateLyrics({ prompt: 'idea' }) });

		expect(postsTo(sim, '/api/v1/lyrics')).toHaveLength(1);
		expect(errorOf(result)).toBe('Suno may have created the task, but its answer did not arrive');
	});
});
