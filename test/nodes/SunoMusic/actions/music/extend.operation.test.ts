import { DEFAULT_CALLBACK_URL } from '../../../../../nodes/SunoMusic/helpers/create';
import { BINARY_KEY } from '../../../../harness/engine';
import { errorOf, postsTo, run, useSimulator, parametersFor } from '../../support';

const sim = useSimulator();

describe('Music → Extend', () => {
	const extend = parametersFor('music', 'extend', { audioId: 'e231a5f2-0000-4c3e-9a10-2b6f4e8d1c37' });

	it('sends only the audio ID and model when continuing with the source track’s own parameters', async () => {
		await run(sim, { parameters: extend({ waitForCompletion: false, model: 'V5' }) });

		expect(postsTo(sim, '/api/v1/generate/extend').map((r) => r.body)).toEqual([
			{
				audioId: 'e231a5f2-0000-4c3e-9a10-2b6f4e8d1c37',
				defaultParamFlag: false,
				model: 'V5',
				callBackUrl: DEFAULT_CALLBACK_URL,
			},
		]);
	});

	it('sends new lyrics, style, title, start and custom options with custom parameters, and waits to the tracks', async () => {
		const result = await run(sim, {
			parameters: extend({
				defaultParamFlag: true,
				prompt: '[Bridge] Higher',
				style: 'rock',
				title: 'Part 2',
				continueAt: 61.5,
				options: { negativeTags: 'country', styleWeight: 0.7, personaId: 'p9' },
			}),
		});

		expect(postsTo(sim, '/api/v1/generate/extend').map((r) => r.body)).toEqual([
			{
				audioId: 'e231a5f2-0000-4c3e-9a10-2b6f4e8d1c37',
				defaultParamFlag: true,
				model: 'V6',
				prompt: '[Bridge] Higher',
				style: 'rock',
				title: 'Part 2',
				continueAt: 61.5,
				negativeTags: 'country',
				styleWeight: 0.7,
				personaId: 'p9',
				callBackUrl: DEFAULT_CALLBACK_URL,
			},
		]);
		expect(result.output).toHaveLength(2);
		expect(result.output[0].json).toMatchObject({
			status: 'SUCCESS',
			operationType: 'extend',
			parentMusicId: 'e231a5f2-0000-4c3e-9a10-2b6f4e8d1c37',
		});
	});

	it.each([
		[{ style: 'rock', title: 'T', prompt: 'la' }, 'Item 0: Continue At (Seconds) is 0; it must be more than 0'],
		[
			{ continueAt: 30, prompt: 'la' },
			'Item 0: Style and Title are empty; Use Custom Parameters requires Style, Title and Lyrics',
		],
		[
			{ continueAt: 30, style: 'rock', title: 'T'.repeat(81), prompt: 'la' },
			'Item 0: Title is 81 characters; model V6 allows 80',
		],
	])('refuses incomplete custom parameters %j, sending nothing', async (fields, message) => {
		const result = await run(sim, { parameters: extend({ defaultParamFlag: true, ...fields }) });

		expect(errorOf(result)).toBe(message);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Music → Upload and Extend', () => {
	const uploadExtend = parametersFor('music', 'uploadAndExtend');

	it('sends an instrumental extension of an uploaded binary without lyrics', async () => {
		const result = await run(sim, {
			items: [
				{
					[BINARY_KEY]: {
						data: { base64: sim.audioBytes().toString('base64'), fileName: 'a.mp3', mimeType: 'audio/mpeg' },
					},
				},
			],
			parameters: uploadExtend({
				audioSource: 'binary',
				instrumental: true,
				defaultParamFlag: true,
				prompt: 'hidden while instrumental',
				style: 'ambient',
				title: 'Longer',
				continueAt: 12,
				options: { vocalGender: 'm' },
			}),
		});

		expect(result.error).toBeUndefined();
		const [upload] = postsTo(sim, '/api/file-stream-upload');
		expect(upload).toBeDefined();
		const body = postsTo(sim, '/api/v1/generate/upload-extend')[0].body as { uploadUrl: string };
		expect(body).toEqual({
			uploadUrl: expect.stringMatching(new RegExp(`^${sim.cdnBaseUrl}/uploads/n8n-suno/[a-z0-9]{16}/a\\.mp3$`)),
			instrumental: true,
			defaultParamFlag: true,
			model: 'V6',
			style: 'ambient',
			title: 'Longer',
			continueAt: 12,
			vocalGender: 'm',
			callBackUrl: DEFAULT_CALLBACK_URL,
		});
		expect(result.output.map((item) => item.json.operationType)).toEqual(['upload_extend', 'upload_extend']);
	});

	it('needs lyrics for a sung extension with custom parameters', async () => {
		const result = await run(sim, {
			parameters: uploadExtend({
				uploadUrl: 'https://example.com/a.mp3',
				defaultParamFlag: true,
				style: 's',
				title: 't',
				continueAt: 5,
			}),
		});

		expect(errorOf(result)).toBe('Item 0: Lyrics is empty; Use Custom Parameters requires Style, Title and Lyrics');
		expect(sim.requests).toHaveLength(0);
	});
});
