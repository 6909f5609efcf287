import {
	lyricsTaskToItems,
	normaliseLyricsTask,
	normaliseTimestampedLyrics,
} from '../../../../nodes/SunoMusic/helpers/normalise';

/** The lyrics and timestamped-lyrics parts of the normaliser (normalise.test.ts covers music tasks). */
describe('normaliseLyricsTask', () => {
	it('reads the documented record-info shape into one item per variant', () => {
		const task = normaliseLyricsTask({
			taskId: 'l1',
			param: '{"prompt":"A song about peaceful night"}',
			response: {
				taskId: 'l1',
				data: [
					{ text: '[Verse]\n  Night  ', title: 'Iron Man', status: 'complete', errorMessage: '' },
					{ text: '', title: 'Empty', status: 'failed', errorMessage: 'blocked' },
				],
			},
			status: 'success',
			type: 'LYRICS',
			errorCode: null,
			errorMessage: null,
			createTime: 1770707800000,
		});

		expect(lyricsTaskToItems(task)).toEqual([
			{
				taskId: 'l1',
				status: 'SUCCESS',
				type: 'LYRICS',
				param: { prompt: 'A song about peaceful night' },
				errorCode: null,
				errorMessage: null,
				createTime: '2026-02-10T07:16:40.000Z',
				variantIndex: 0,
				variantCount: 2,
				title: 'Iron Man',
				text: '[Verse]\n  Night  ',
				variantStatus: 'complete',
				variantErrorMessage: null,
			},
			expect.objectContaining({
				variantIndex: 1,
				title: 'Empty',
				text: null,
				variantStatus: 'failed',
				variantErrorMessage: 'blocked',
			}),
		]);
	});

	it('accepts the snake_case callback shape and a task with no variants yet', () => {
		const task = normaliseLyricsTask({
			task_id: 'l2',
			data: [{ text: 'la', title: 't', status: 'complete', error_message: 'x' }],
		});
		expect(task).toMatchObject({
			taskId: 'l2',
			status: 'PENDING',
			variants: [{ text: 'la', variantErrorMessage: 'x' }],
		});
		expect(lyricsTaskToItems(normaliseLyricsTask({}, 'asked'))).toEqual([
			expect.objectContaining({ taskId: 'asked', status: 'PENDING', variantIndex: null, variantCount: 0 }),
		]);
	});
});

describe('normaliseTimestampedLyrics', () => {
	it('accepts string times and snake_case keys', () => {
		expect(
			normaliseTimestampedLyrics({
				aligned_words: [{ word: '[Verse]\nHi', success: 'true', start_s: '1.5', end_s: 2, palign: 0 }],
				waveform_data: [0, '0.5', 'x'],
				hoot_cer: '0.38',
				is_streamed: false,
			}),
		).toEqual({
			alignedWords: [{ word: '[Verse]\nHi', startS: 1.5, endS: 2, success: true, palign: 0 }],
			waveformData: [0, 0.5],
			hootCer: 0.38,
			isStreamed: false,
		});
	});
});
