import { DEFAULT_CALLBACK_URL } from '../../../../../nodes/SunoMusic/helpers/create';
import { errorOf, postsTo, run, useSimulator, parametersFor } from '../../support';

const PATH = '/api/v1/generate/sounds';

const sim = useSimulator();

const sounds = parametersFor('music', 'generateSounds');

describe('Music → Generate Sounds', () => {
	it('sends the sound options with their API names and types, and waits to the tracks', async () => {
		const result = await run(sim, {
			parameters: sounds({
				prompt: 'Rain on a tin roof',
				options: { soundLoop: true, soundTempo: 90, soundKey: 'F#m', grabLyrics: false },
			}),
		});

		expect(postsTo(sim, PATH).map((r) => r.body)).toEqual([
			{
				prompt: 'Rain on a tin roof',
				model: 'V6',
				soundLoop: true,
				soundTempo: 90,
				soundKey: 'F#m',
				grabLyrics: false,
				callBackUrl: DEFAULT_CALLBACK_URL,
			},
		]);
		expect(result.output.map((item) => item.json.operationType)).toEqual(['sounds', 'sounds']);
	});

	it.each([
		[{ prompt: 'p'.repeat(501) }, 'Item 0: Sound Description is 501 characters; Suno allows 500'],
		[{ prompt: 'rain', options: { soundTempo: 301 } }, 'Item 0: Tempo (BPM) is 301; it must be between 1 and 300'],
		[
			{ prompt: 'rain', options: { soundTempo: 90.5 } },
			'Item 0: Tempo (BPM) is 90.5; it must be a whole number between 1 and 300',
		],
	])('refuses %j, sending nothing', async (parameters, message) => {
		const result = await run(sim, { parameters: sounds(parameters) });

		expect(errorOf(result)).toBe(message);
		expect(sim.requests).toHaveLength(0);
	});
});
