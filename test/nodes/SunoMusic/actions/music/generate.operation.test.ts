import { DEFAULT_CALLBACK_URL } from '../../../../../nodes/SunoMusic/helpers/create';
import {
	FAST_WAIT,
	bytesOf,
	cdnRequests,
	createRequests,
	errorOf,
	postsTo,
	run,
	useSimulator,
	parametersFor,
} from '../../support';

const GENERATE = '/api/v1/generate';

const sim = useSimulator();

const generate = parametersFor('music', 'generate');

describe('Music → Generate', () => {
	it('runs Manual → Generate (wait, download) into two items, each with the MP3 bytes the file host served', async () => {
		const result = await run(sim, {
			parameters: generate({ prompt: 'A calm piano piece about rain', downloadAudio: true }),
		});

		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(2);
		const served = sim.audioBytes();
		for (const [index, item] of result.output.entries()) {
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toMatchObject({ status: 'SUCCESS', trackIndex: index, trackCount: 2, audioDownloaded: true });
			const file = item.binary!.data;
			expect(file.mimeType).toBe('audio/mpeg');
			expect(file.fileName).toBe(`${String(item.json.title)}-${String(item.json.audioId)}.mp3`);
			expect(file.bytes).toBe(served.length);
			expect(bytesOf(item).equals(served)).toBe(true);
		}
		const downloads = cdnRequests(sim);
		expect(downloads.map((r) => r.path).sort()).toEqual(
			result.output.map((item) => `/audio/${String(item.json.audioId)}.mp3`).sort(),
		);
		for (const download of downloads) expect(download.headers.authorization).toBeUndefined();
	});

	const callBackUrl = DEFAULT_CALLBACK_URL;
	/** Every custom-mode option; the node's option names are the API's field names. */
	const EVERY_OPTION = {
		negativeTags: 'metal',
		vocalGender: 'm',
		styleWeight: 0.65,
		weirdnessConstraint: 0.2,
		audioWeight: 0.4,
		duration: 95,
		variety: 3,
		personaId: 'persona-1',
		personaModel: 'style_persona',
		callBackUrl: 'https://n8n.example.com/webhook/suno',
	};
	const bodies = [
		{
			name: 'a simple-mode V6 generate, with the placeholder callback URL',
			parameters: { prompt: 'A calm piano piece' },
			body: { customMode: false, instrumental: false, model: 'V6', prompt: 'A calm piano piece', callBackUrl },
		},
		{
			name: 'a custom-mode V6 generate with every custom option',
			parameters: {
				customMode: true,
				prompt: '[Verse]\nCity lights',
				style: 'synthwave',
				title: 'Neon',
				options: EVERY_OPTION,
			},
			body: {
				customMode: true,
				instrumental: false,
				model: 'V6',
				prompt: '[Verse]\nCity lights',
				style: 'synthwave',
				title: 'Neon',
				...EVERY_OPTION,
			},
		},
		{
			name: 'an instrumental, leaving out the lyrics that are hidden then',
			parameters: { customMode: true, instrumental: true, prompt: 'hidden', style: 'ambient', title: 'Drift' },
			body: { customMode: true, instrumental: true, model: 'V6', style: 'ambient', title: 'Drift', callBackUrl },
		},
		{
			name: 'simple mode, leaving out custom-only values still stored from custom mode',
			parameters: {
				prompt: 'An idea',
				style: 'stored',
				options: { negativeTags: 'stored', styleWeight: 0.3, duration: 60 },
			},
			body: { customMode: false, instrumental: false, model: 'V6', prompt: 'An idea', callBackUrl },
		},
		{
			name: 'V6 simple-mode attachments, with reference URLs as arrays',
			parameters: {
				prompt: '',
				options: {
					imageUrls: 'https://example.com/a.jpg, https://example.com/b.png',
					videoUrls: 'https://example.com/clip.mp4',
					style: 'lo-fi',
					lyrics: 'La la la',
				},
			},
			body: {
				customMode: false,
				instrumental: false,
				model: 'V6',
				imageUrls: ['https://example.com/a.jpg', 'https://example.com/b.png'],
				videoUrls: ['https://example.com/clip.mp4'],
				style: 'lo-fi',
				lyrics: 'La la la',
				callBackUrl,
			},
		},
		{
			name: 'a typed model ID, held only to generic limits',
			parameters: { model: 'custom', customModel: 'V6_5', customMode: true, style: 'pop', title: 'T'.repeat(95) },
			body: { customMode: true, instrumental: false, model: 'V6_5', style: 'pop', title: 'T'.repeat(95), callBackUrl },
		},
	];

	it.each(bodies)('sends exactly the documented body for $name', async ({ parameters, body }) => {
		await run(sim, { parameters: generate({ ...parameters, waitForCompletion: false }) });

		expect(postsTo(sim, GENERATE).map((r) => r.body)).toEqual([body]);
	});

	it('names every custom-mode field as suno-api.md §5.1 documents it', async () => {
		await run(sim, { parameters: generate({ ...bodies[1].parameters, waitForCompletion: false }) });

		expect(Object.keys(postsTo(sim, GENERATE)[0].body as object).sort()).toEqual([
			'audioWeight',
			'callBackUrl',
			'customMode',
			'duration',
			'instrumental',
			'model',
			'negativeTags',
			'personaId',
			'personaModel',
			'prompt',
			'style',
			'styleWeight',
			'title',
			'variety',
			'vocalGender',
			'weirdnessConstraint',
		]);
	});

	it('uses https://example.com/suno-callback as the placeholder callback URL', () => {
		expect(DEFAULT_CALLBACK_URL).toBe('https://example.com/suno-callback');
	});

	it('returns one PENDING item with the task ID when not waiting, and reads nothing', async () => {
		const result = await run(sim, { parameters: generate({ prompt: 'An idea', waitForCompletion: false }) });

		const created = postsTo(sim, GENERATE);
		expect(created).toHaveLength(1);
		expect(result.output).toEqual([
			{
				json: { taskId: created[0].taskId, status: 'PENDING', resource: 'music', operation: 'generate' },
				pairedItem: { item: 0 },
			},
		]);
		expect(sim.requests.filter((r) => r.path.includes('record-info'))).toHaveLength(0);
	});

	it('outputs exactly the items Get Generation Details gives for the same task', async () => {
		const created = await run(sim, { parameters: generate({ prompt: 'An idea' }) });
		const taskId = String(created.output[0].json.taskId);
		const details = await run(sim, {
			parameters: { resource: 'music', operation: 'getGenerationDetails', taskId },
		});

		expect(created.output).toHaveLength(2);
		expect(created.output).toEqual(details.output);
	});

	it('keeps every input item paired with its own tracks', async () => {
		const result = await run(sim, {
			items: [{ idea: 'rain' }, { idea: 'sun' }],
			parameters: generate({ prompt: '={{ "A song about " + $json.idea }}' }),
		});

		expect(
			postsTo(sim, GENERATE)
				.map((r) => (r.body as { prompt: string }).prompt)
				.sort(),
		).toEqual(['A song about rain', 'A song about sun']);
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		const taskOf = (index: number) =>
			result.output.filter((item) => (item.pairedItem as { item: number }).item === index);
		expect(new Set(taskOf(0).map((item) => item.json.taskId)).size).toBe(1);
		expect(taskOf(0)[0].json.taskId).not.toBe(taskOf(1)[0].json.taskId);
	});
});

describe('Music → Generate: checks before the request', () => {
	const refused = [
		{
			name: 'a V6 style over 1000 characters',
			parameters: { customMode: true, style: 's'.repeat(1204), title: 'T' },
			message: 'Item 0: Style is 1204 characters; model V6 allows 1000',
		},
		{
			name: 'a V4 style over 200 characters',
			parameters: { model: 'V4', customMode: true, style: 's'.repeat(201), title: 'T', prompt: 'la' },
			message: 'Item 0: Style is 201 characters; model V4 allows 200',
		},
		{
			name: 'a V6 title over 80 characters',
			parameters: { customMode: true, style: 'pop', title: 'T'.repeat(81) },
			message: 'Item 0: Title is 81 characters; model V6 allows 80',
		},
		{
			name: 'V6 negative tags over 1000 characters',
			parameters: { customMode: true, style: 'pop', options: { negativeTags: 'n'.repeat(1001) } },
			message: 'Item 0: Negative Tags is 1001 characters; model V6 allows 1000',
		},
		{
			name: 'V6 lyrics over 5000 characters',
			parameters: { customMode: true, prompt: 'l'.repeat(5001) },
			message: 'Item 0: Lyrics is 5001 characters; model V6 allows 5000',
		},
		{
			name: 'a V5 song description over 500 characters',
			parameters: { model: 'V5', prompt: 'p'.repeat(501) },
			message: 'Item 0: Song Description is 501 characters; model V5 allows 500',
		},
		{
			name: 'a V6 song description over 3000 characters',
			parameters: { prompt: 'p'.repeat(3001) },
			message: 'Item 0: Song Description is 3001 characters; model V6 allows 3000',
		},
		{
			name: 'a typed model with a style over the longest any model takes',
			parameters: { model: 'custom', customModel: 'V7', customMode: true, style: 's'.repeat(1001) },
			message: 'Item 0: Style is 1001 characters; Suno allows 1000',
		},
		{
			name: 'a V5 custom-mode song without title and lyrics',
			parameters: { model: 'V5', customMode: true, style: 'pop' },
			message: 'Item 0: Title and Lyrics are empty; model V5 requires Style, Title and Lyrics in custom mode',
		},
		{
			name: 'a V6 custom-mode song with no content at all',
			parameters: { customMode: true, title: 'Only a title' },
			message: 'Item 0: Custom mode with model V6 needs at least one of: Style, Lyrics, Negative Tags',
		},
		{
			name: 'a style weight above 1',
			parameters: { customMode: true, style: 'pop', options: { styleWeight: 1.5 } },
			message: 'Item 0: Style Weight is 1.5; it must be between 0 and 1',
		},
		{
			name: 'a variety that is not a whole number',
			parameters: { prompt: 'idea', options: { variety: 2.5 } },
			message: 'Item 0: Variety is 2.5; it must be a whole number between 0 and 4',
		},
		{
			name: 'variety on a model before V6',
			parameters: { model: 'V5', prompt: 'idea', options: { variety: 2 } },
			message: 'Item 0: Variety works only with V6 models (V6, V6 Wild, V6 Mini), not V5',
		},
		{
			name: 'a duration under 10 seconds',
			parameters: { customMode: true, style: 'pop', options: { duration: 5 } },
			message: 'Item 0: Duration (Seconds) is 5; it must be between 10 and 360',
		},
		{
			name: 'a duration on V5',
			parameters: { model: 'V5', customMode: true, style: 'pop', title: 'T', prompt: 'la', options: { duration: 60 } },
			message: 'Item 0: Duration (Seconds) works only with V5.5 and V6 models, not V5',
		},
		{
			name: 'more than 5 reference images',
			parameters: { options: { imageUrls: Array.from({ length: 6 }, (_, i) => `https://e.com/${i}.jpg`).join(',') } },
			message: 'Item 0: Reference Image URLs has 6 URLs; Suno allows 5',
		},
		{
			name: 'a reference URL that is not http(s)',
			parameters: { options: { audioUrls: 'ftp://example.com/a.mp3' } },
			message: 'Item 0: Reference Audio URLs "ftp://example.com/a.mp3" is not an http(s) URL',
		},
		{
			name: 'a voice persona on V4.5',
			parameters: { model: 'V4_5', prompt: 'idea', options: { personaId: 'v1', personaModel: 'voice_persona' } },
			message: 'Item 0: Persona Model Voice Persona works only with V5, V5.5 and V6 models, not V4_5',
		},
		{
			name: 'a callback URL that is not http(s)',
			parameters: { prompt: 'idea', options: { callBackUrl: 'javascript:alert(1)' } },
			message: 'Item 0: Callback URL "javascript:alert(1)" is not an http(s) URL',
		},
		{
			name: 'an empty custom model ID',
			parameters: { model: 'custom', customModel: ' ', prompt: 'idea' },
			message: 'Item 0: Custom Model ID is empty',
		},
	];

	it.each(refused)('refuses $name with a message naming the item and the limit, sending nothing', async (example) => {
		const result = await run(sim, { parameters: generate(example.parameters) });

		expect(errorOf(result)).toBe(example.message);
		expect(sim.requests).toHaveLength(0);
	});

	it('accepts values exactly at the limits of the model', async () => {
		const result = await run(sim, {
			parameters: generate({
				waitForCompletion: false,
				model: 'V5',
				customMode: true,
				prompt: 'l'.repeat(5000),
				style: 's'.repeat(1000),
				title: 'T'.repeat(100),
				options: { styleWeight: 1, weirdnessConstraint: 0 },
			}),
		});

		expect(result.error).toBeUndefined();
		expect(postsTo(sim, GENERATE)).toHaveLength(1);
	});

	it('under Continue On Fail turns only the bad item into an error item and still creates the good one', async () => {
		const result = await run(sim, {
			items: [{ style: 'pop' }, { style: 'x'.repeat(1001) }],
			onError: 'continueRegularOutput',
			parameters: generate({ customMode: true, style: '={{ $json.style }}' }),
		});

		expect(createRequests(sim)).toHaveLength(1);
		expect(result.output).toHaveLength(3);
		expect(result.output[2]).toEqual({
			json: { error: 'Item 1: Style is 1001 characters; model V6 allows 1000' },
			pairedItem: { item: 1 },
		});
	});
});

describe('Music → Generate: never a second create', () => {
	it.each(['reset', 'server-error'] as const)(
		'does not send the create again when the answer is lost (%s after Suno handled it)',
		async (kind) => {
			sim.addFault({ kind, afterHandling: true, match: { pathPrefix: GENERATE } });

			const result = await run(sim, { parameters: generate({ prompt: 'idea' }) });

			expect(postsTo(sim, GENERATE)).toHaveLength(1);
			expect(errorOf(result)).toBe('Suno may have created the task, but its answer did not arrive');
			expect((result.error as { description?: string }).description).toContain('Get Generation Details');
			expect((result.error as { description?: string }).description).toContain('sunoapi.org logs');
		},
	);

	it('does not send the create again when Suno handled it but the answer never came (request timeout)', async () => {
		sim.addFault({ kind: 'hang', afterHandling: true, match: { pathPrefix: GENERATE } });

		const result = await run(sim, { parameters: generate({ prompt: 'idea', options: { requestTimeout: 1 } }) });

		expect(postsTo(sim, GENERATE)).toHaveLength(1);
		expect(errorOf(result)).toBe('Suno may have created the task, but its answer did not arrive');
		expect(sim.requests.filter((r) => r.path.includes('record-info'))).toHaveLength(0);
	});

	it('sends the create again only after an answer proving nothing was made (rate limit)', async () => {
		sim.addFault({ kind: 'rate-limit', match: { pathPrefix: GENERATE } });

		const result = await run(sim, { parameters: generate({ prompt: 'idea' }) });

		const posts = postsTo(sim, GENERATE);
		expect(posts.map((r) => r.bodyCode)).toEqual([430, 200]);
		expect(result.output).toHaveLength(2);
	});
});

describe('Music → Generate: downloads', () => {
	it('downloads the track that is done when waiting only for the first track, and says which one is missing', async () => {
		sim.setNextScenario({ durationS: 10_000_000, firstAtS: 1, streamsAtS: 1 });

		const result = await run(sim, {
			parameters: generate({
				prompt: 'idea',
				downloadAudio: true,
				waitOptions: { ...FAST_WAIT, waitFor: 'firstTrack' },
			}),
		});

		expect(result.error).toBeUndefined();
		const [done, pending] = result.output;
		expect(done.json.audioDownloaded).toBe(true);
		expect(bytesOf(done).equals(sim.audioBytes())).toBe(true);
		expect(pending.binary).toBeUndefined();
		expect(pending.json.audioDownloaded).toBe(false);
		expect(pending.json.downloadNote).toBe(
			'The final audio of this track was not ready yet (Wait For: First Track Complete), so it was not downloaded. Run Get Generation Details with Download Audio later.',
		);
	});

	it('adds cover images and the audio under the chosen field names', async () => {
		const result = await run(sim, {
			parameters: generate({
				prompt: 'idea',
				downloadAudio: true,
				downloadOptions: { binaryPropertyName: 'song', downloadCover: true, coverPropertyName: 'art' },
			}),
		});

		for (const item of result.output) {
			expect(Object.keys(item.binary ?? {}).sort()).toEqual(['art', 'song']);
			expect(bytesOf(item, 'song').equals(sim.audioBytes())).toBe(true);
			expect(bytesOf(item, 'art').equals(sim.imageBytes())).toBe(true);
			expect(item.binary!.art.mimeType).toBe('image/jpeg');
			expect(item.binary!.art.fileName).toBe(`${String(item.json.title)}-${String(item.json.audioId)}.jpeg`);
		}
	});

	it('stops at the size cap with an error naming the item, the file host and the cap', async () => {
		sim.setNextScenario({ audioBytes: 2 * 1024 * 1024 });

		const result = await run(sim, {
			parameters: generate({ prompt: 'idea', downloadAudio: true, downloadOptions: { maxFileSizeMb: 1 } }),
		});

		const host = new URL(sim.cdnBaseUrl).host;
		expect(errorOf(result)).toMatch(
			new RegExp(
				`^Item 0: the audio of track [0-9a-f-]+ \\(task [0-9a-f]+\\) from ${host} is 2 MB, over the 1 MB limit$`,
			),
		);
		expect(result.output).toHaveLength(0);
	});
});

describe('Music → Generate: the first check', () => {
	it('waits First Check After before asking for the new task, so no request is spent too early', async () => {
		// At 6000x a default task is done 25 ms after the create; the first check comes at 300 ms.
		const result = await run(sim, {
			parameters: generate({ prompt: 'A calm piano piece about rain', waitOptions: { ...FAST_WAIT, firstCheckAfter: 0.3 } }),
		});
		expect(result.output.map((item) => item.json.status)).toEqual(['SUCCESS', 'SUCCESS']);
		const create = postsTo(sim, GENERATE)[0];
		const reads = sim.requests.filter((r) => r.path === '/api/v1/generate/record-info');
		expect(reads).toHaveLength(1);
		expect(reads[0].at - create.at).toBeGreaterThanOrEqual(295);
	});
});
