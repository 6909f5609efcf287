import { musicTaskToItems, normaliseMusicTask, normaliseTrack, parseParam, toIsoTime } from '../../../../nodes/SunoMusic/helpers/normalise';

// Shapes below follow what production sends (suno-api.md §9–10), not the docs' idealised examples.
const firstSuccess = {
	taskId: 't1',
	parentMusicId: '',
	param: '{"prompt":"A calm song","customMode":false,"instrumental":false,"model":"V5_5"}',
	response: {
		taskId: 't1',
		sunoData: [
			{
				id: '9dd76ea7-d70e-49af-9989-c509e091e758',
				audioUrl: 'https://tempfile.aiquickdraw.com/r/c187.mp3',
				sourceAudioUrl: 'https://cdn1.suno.ai/9dd7.mp3',
				streamAudioUrl: 'https://musicfile.removeai.ai/OWRk',
				sourceStreamAudioUrl: 'https://cdn1.suno.ai/9dd7.mp3',
				imageUrl: 'https://musicfile.removeai.ai/OWRk.jpeg',
				sourceImageUrl: 'https://cdn2.suno.ai/image_9dd7.jpeg',
				prompt: 'A calm song for birthday event',
				modelName: 'chirp-fenix',
				title: 'test6',
				tags: 'classical',
				createTime: 1776499082098,
				duration: 36.8,
			},
			{
				id: '7d3a0f7b-b0d2-481e-8ae5-f1e54ef9b39a',
				audioUrl: '',
				streamAudioUrl: 'https://musicfile.removeai.ai/N2Qz',
				imageUrl: 'https://musicfile.removeai.ai/N2Qz.jpeg',
				prompt: 'A calm song for birthday event',
				modelName: 'chirp-fenix',
				title: 'test6',
				tags: 'classical',
				createTime: 1776499082098,
				duration: null,
			},
		],
	},
	status: 'FIRST_SUCCESS',
	type: 'chirp-fenix',
	operationType: 'generate',
	errorCode: null,
	errorMessage: null,
	createTime: 1776499031000,
};

describe('normaliser', () => {
	it('turns epoch milliseconds, epoch seconds and zone-less date strings into ISO 8601', () => {
		expect(toIsoTime(1776499082098)).toBe('2026-04-18T07:58:02.098Z');
		expect(toIsoTime('1776499082098')).toBe('2026-04-18T07:58:02.098Z');
		expect(toIsoTime(1776499082)).toBe('2026-04-18T07:58:02.000Z');
		expect(toIsoTime('2024-12-26 06:49:08')).toBe('2024-12-26T06:49:08.000Z');
		expect(toIsoTime('2025-01-15T10:33:01.000Z')).toBe('2025-01-15T10:33:01.000Z');
		expect(toIsoTime(null)).toBeNull();
		expect(toIsoTime('')).toBeNull();
	});

	it('parses param from its JSON string and keeps a string that is not JSON', () => {
		expect(parseParam('{"model":"V6"}')).toEqual({ model: 'V6' });
		expect(parseParam('not json {')).toBe('not json {');
		expect(parseParam('"just a string"')).toBe('"just a string"');
		expect(parseParam('')).toBeNull();
		expect(parseParam({ already: 'object' })).toEqual({ already: 'object' });
	});

	it('reads snake_case callback tracks into the same shape as camelCase record-info tracks', () => {
		const camel = normaliseTrack({
			id: 'a1',
			audioUrl: 'https://x/a.mp3',
			streamAudioUrl: 'https://x/s',
			imageUrl: 'https://x/i.jpeg',
			sourceAudioUrl: 'https://cdn1/a.mp3',
			sourceStreamAudioUrl: 'https://pipe/?item_id=a1',
			sourceImageUrl: 'https://cdn2/i.jpeg',
			modelName: 'chirp-crow',
			title: 'T',
			tags: 'pop',
			prompt: '[Verse]',
			createTime: 1758044664461,
			duration: 163.88,
		});
		const snake = normaliseTrack({
			id: 'a1',
			audio_url: 'https://x/a.mp3',
			stream_audio_url: 'https://x/s',
			image_url: 'https://x/i.jpeg',
			source_audio_url: 'https://cdn1/a.mp3',
			source_stream_audio_url: 'https://pipe/?item_id=a1',
			source_image_url: 'https://cdn2/i.jpeg',
			model_name: 'chirp-crow',
			title: 'T',
			tags: 'pop',
			prompt: '[Verse]',
			createTime: 1758044664461,
			duration: 163.88,
		});
		expect(snake).toEqual(camel);
		expect(camel).toMatchObject({ audioId: 'a1', audioReady: true, createTime: '2025-09-16T17:44:24.461Z' });
	});

	it('treats empty and placeholder audio URLs as not ready', () => {
		expect(normaliseTrack({ id: 'x', audioUrl: '', duration: null })).toMatchObject({ audioUrl: null, audioReady: false, duration: null });
		expect(normaliseTrack({ id: 'x', audio_url: 'https://cdn1.suno.ai/None.mp3' }).audioReady).toBe(false);
		expect(normaliseTrack({ id: 'x', duration: '159' }).duration).toBe(159);
	});

	it('splits a FIRST_SUCCESS task into one item per track with task fields on each', () => {
		const items = musicTaskToItems(normaliseMusicTask(firstSuccess));
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({
			taskId: 't1',
			status: 'FIRST_SUCCESS',
			operationType: 'generate',
			type: 'chirp-fenix',
			param: { prompt: 'A calm song', customMode: false, instrumental: false, model: 'V5_5' },
			errorCode: null,
			errorMessage: null,
			parentMusicId: null,
			trackIndex: 0,
			trackCount: 2,
			audioId: '9dd76ea7-d70e-49af-9989-c509e091e758',
			title: 'test6',
			duration: 36.8,
			audioUrl: 'https://tempfile.aiquickdraw.com/r/c187.mp3',
			audioReady: true,
			createTime: '2026-04-18T07:58:02.098Z',
		});
		expect(items[1]).toMatchObject({ trackIndex: 1, audioUrl: null, audioReady: false, duration: null, streamAudioUrl: 'https://musicfile.removeai.ai/N2Qz' });
	});

	it('gives one task-level item while there are no tracks yet', () => {
		for (const response of [null, { taskId: 't1', sunoData: null }, { taskId: 't1', sunoData: [] }]) {
			const items = musicTaskToItems(
				normaliseMusicTask({ taskId: 't1', status: 'PENDING', response, param: '', createTime: 1770707800000 }),
			);
			expect(items).toEqual([
				expect.objectContaining({ taskId: 't1', status: 'PENDING', trackIndex: null, trackCount: 0, param: null, createTime: '2026-02-10T07:16:40.000Z' }),
			]);
		}
	});

	it('falls back to the requested task ID and PENDING when Suno leaves them out', () => {
		expect(normaliseMusicTask({}, 'asked-for')).toMatchObject({ taskId: 'asked-for', status: 'PENDING', tracks: [] });
	});
});
