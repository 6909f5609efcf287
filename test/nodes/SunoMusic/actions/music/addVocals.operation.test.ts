import { DEFAULT_CALLBACK_URL } from '../../../../../nodes/SunoMusic/helpers/create';
import { errorOf, postsTo, run, useSimulator, parametersFor } from '../../support';

const PATH = '/api/v1/generate/add-vocals';

const sim = useSimulator();

const addVocals = parametersFor('music', 'addVocals', { uploadUrl: 'https://example.com/instrumental.mp3' });

describe('Music → Add Vocals', () => {
	it('sends lyrics as prompt with style, title and negative tags, and waits to the tracks', async () => {
		const result = await run(sim, {
			parameters: addVocals({
				model: 'V5',
				prompt: '[Verse] Sing it',
				style: 'soul',
				title: 'Voices',
				negativeTags: 'autotune',
				options: { vocalGender: 'f', weirdnessConstraint: 0.1 },
			}),
		});

		expect(postsTo(sim, PATH).map((r) => r.body)).toEqual([
			{
				uploadUrl: 'https://example.com/instrumental.mp3',
				model: 'V5',
				prompt: '[Verse] Sing it',
				style: 'soul',
				title: 'Voices',
				negativeTags: 'autotune',
				vocalGender: 'f',
				weirdnessConstraint: 0.1,
				callBackUrl: DEFAULT_CALLBACK_URL,
			},
		]);
		expect(result.output).toHaveLength(2);
		expect(result.output[0].json.operationType).toBe('add_vocals');
	});

	it('refuses an item without lyrics and title, sending nothing', async () => {
		const result = await run(sim, { parameters: addVocals({ style: 'soul' }) });

		expect(errorOf(result)).toBe('Item 0: Lyrics and Title are empty; Add Vocals requires Lyrics, Style and Title');
		expect(sim.requests).toHaveLength(0);
	});
});
