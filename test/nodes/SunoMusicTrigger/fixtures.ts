/**
 * Callback bodies as Suno sends them (suno-api.md §6 and §10.4–10.5): snake_case track fields with
 * camelCase createTime/callbackType, task_id vs taskId by kind, MIDI and recovery task_id at the root.
 */

const firstTrack = {
	id: 'e3225e2d-16ec-4f5c-9dcc-16fd548631e1',
	audio_url: 'https://apiboxfiles.erweima.ai/ZTMy.mp3',
	createTime: 1758044664461,
	duration: 163.88,
	image_url: 'https://apiboxfiles.erweima.ai/ZTMy.jpeg',
	model_name: 'chirp-v3-5',
	prompt: '[Verse]\nWhispers of the tide',
	source_audio_url: 'https://cdn1.suno.ai/e3225e2d-16ec-4f5c-9dcc-16fd548631e1.mp3',
	source_image_url: 'https://cdn2.suno.ai/image_e3225e2d-16ec-4f5c-9dcc-16fd548631e1.jpeg',
	source_stream_audio_url: 'https://audiopipe.suno.ai/?item_id=e3225e2d-16ec-4f5c-9dcc-16fd548631e1',
	stream_audio_url: 'https://mfile.erweima.ai/ZTMy',
	tags: 'relaxing, soft',
	title: 'Whispering Tides',
};

/** The second track of a `first` callback: no audio yet, no duration, no source_audio_url. */
const unfinishedTrack = {
	id: '5ee8f9ef-a6e3-46a0-a8eb-1c3802a2fb2f',
	audio_url: '',
	createTime: 1758044664461,
	image_url: 'https://apiboxfiles.erweima.ai/NWVl.jpeg',
	model_name: 'chirp-v3-5',
	prompt: '[Verse]\nWhispers of the tide',
	source_stream_audio_url: 'https://audiopipe.suno.ai/?item_id=5ee8f9ef-a6e3-46a0-a8eb-1c3802a2fb2f',
	stream_audio_url: 'https://mfile.erweima.ai/NWVl',
	tags: 'relaxing, soft',
	title: 'Whispering Tides',
};

const secondTrack = {
	...unfinishedTrack,
	audio_url: 'https://apiboxfiles.erweima.ai/NWVl.mp3',
	source_audio_url: 'https://cdn1.suno.ai/5ee8f9ef-a6e3-46a0-a8eb-1c3802a2fb2f.mp3',
	duration: 159,
};

export const musicText = {
	code: 200,
	msg: 'Text generated successfully',
	data: { callbackType: 'text', task_id: 't1', data: [] },
};

export const musicFirst = {
	code: 200,
	msg: 'First audio generated successfully.',
	data: { callbackType: 'first', task_id: 't1', data: [firstTrack, unfinishedTrack] },
};

export const musicComplete = {
	code: 200,
	msg: 'All generated successfully.',
	data: { callbackType: 'complete', task_id: 't1', data: [firstTrack, secondTrack] },
};

export const musicError = {
	code: 501,
	msg: 'Audio generation failed',
	data: { callbackType: 'error', task_id: 't1', data: null },
};

export const musicRefunded = {
	code: 531,
	msg: 'Sorry, the generation failed due to an issue. Your credits have been refunded. Please try again.',
	data: { callbackType: 'error', task_id: 't1', data: null },
};

export const lyricsComplete = {
	code: 200,
	msg: 'All generated successfully.',
	data: {
		callbackType: 'complete',
		taskId: 'l1',
		data: [
			{ text: '[Verse]\nNeon rain on the avenue', title: 'City Night', status: 'complete', errorMessage: '' },
			{ text: '[Verse]\nStreetlights hum a lullaby', title: 'Night Hum', status: 'complete', errorMessage: '' },
		],
	},
};

export const lyricsError = {
	code: 501,
	msg: 'Lyrics generation failed',
	data: { callbackType: 'error', taskId: 'l1', data: null },
};

export const wavComplete = { code: 200, msg: 'success', data: { audioWavUrl: 'https://example.com/s/04e6.wav', task_id: 'w1' } };

export const stemsComplete = {
	code: 200,
	msg: 'vocal Removal generated successfully.',
	data: {
		task_id: 's1',
		vocal_removal_info: {
			instrumental_url: 'https://file.aiquickdraw.com/s/s1_Instrumental.mp3',
			origin_url: '',
			vocal_url: 'https://file.aiquickdraw.com/s/s1_Vocals.mp3',
		},
	},
};

export const midiComplete = {
	task_id: 'm1',
	code: 200,
	msg: 'success',
	data: {
		state: 'complete',
		instruments: [
			{
				name: 'Drums',
				notes: [
					{ pitch: 73, start: '0.0364', end: '0.1822', velocity: 1 },
					{ pitch: 61, start: 0.0468, end: '0.1927', velocity: 1 },
				],
			},
		],
	},
};

export const mp4Complete = {
	code: 200,
	msg: 'MP4 generated successfully.',
	data: { task_id: 'v1', video_url: 'https://example.com/videos/video_847715e66259.mp4' },
};

export const mp4Failed = { code: 451, msg: 'Could not download the source audio.', data: { task_id: 'v2', video_url: null } };

export const coverComplete = {
	code: 200,
	msg: 'success',
	data: {
		taskId: 'c1',
		images: ['https://tempfile.aiquickdraw.com/s/1753958521_6c1b.png', 'https://tempfile.aiquickdraw.com/s/1753958524_c153.png'],
	},
};

export const recoveryComplete = {
	code: 200,
	msg: 'success',
	task_id: 'r1',
	data: [
		{ id: '3bc3a1f0-48fc', audio_url: 'https://example.com/x.m4a', title: 'Sunrise Love', status: 'success', error: '' },
		{ id: '9ad1b2c3-77aa', audio_url: '', title: 'Sunrise Love', status: 'failed', error: 'clip_not_complete' },
	],
};
