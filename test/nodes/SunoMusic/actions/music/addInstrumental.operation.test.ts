import { DEFAULT_CALLBACK_URL } from '../../../../../nodes/SunoMusic/helpers/create';
import { errorOf, postsTo, run, useSimulator, parametersFor } from '../../support';

const PATH = '/api/v1/generate/add-instrumental';

const sim = useSimulator();

const addInstrumental = parametersFor('music', 'addInstrumental', { uploadUrl: 'https://example.com/vocals.mp3' });

describe('Music → Add Instrumental', () => {
	it('sends style as tags and an empty negativeTags, which the API requires present, and waits to the tracks', async () => {
		const result = await run(sim, {
			parameters: addInstrumental({ title: 'Backing', tags: 'acoustic guitar, warm', options: { audioWeight: 0.8 } }),
		});

		expect(postsTo(sim, PATH).map((r) => r.body)).toEqual([
			{
				uploadUrl: 'https://example.com/vocals.mp3',
				model: 'V6',
				title: 'Backing',
				tags: 'acoustic guitar, warm',
				negativeTags: '',
				audioWeight: 0.8,
				callBackUrl: DEFAULT_CALLBACK_URL,
			},
		]);
		expect(result.output.map((item) => item.json.status)).toEqual(['SUCCESS', 'SUCCESS']);
	});

	it('refuses an item without a style, sending nothing', async () => {
		const result = await run(sim, { parameters: addInstrumental({ title: 'Backing' }) });

		expect(errorOf(result)).toBe('Item 0: Style is empty; Add Instrumental requires Title and Style');
		expect(sim.requests).toHaveLength(0);
	});
});
