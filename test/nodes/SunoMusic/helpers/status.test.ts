import { normaliseMusicTask } from '../../../../nodes/SunoMusic/helpers/normalise';
import { furthestMusicTask, isFailedMusicTask, musicOutcome, musicRank } from '../../../../nodes/SunoMusic/helpers/status';

const track = (id: string, ready: boolean) => ({
	id,
	audioUrl: ready ? `https://cdn/${id}.mp3` : '',
	streamAudioUrl: `https://cdn/stream/${id}`,
	duration: ready ? 120.5 : null,
});

function task(status: string, tracks: object[] = []) {
	return normaliseMusicTask({ taskId: 't', status, response: tracks.length ? { sunoData: tracks } : null });
}

describe('music task status', () => {
	it.each([
		['PENDING', 'complete', 'pending'],
		['TEXT_SUCCESS', 'complete', 'pending'],
		['FIRST_SUCCESS', 'complete', 'pending'],
		['SUCCESS', 'complete', 'done'],
		['PENDING', 'streams', 'pending'],
		['TEXT_SUCCESS', 'streams', 'done'],
		['TEXT_SUCCESS', 'firstTrack', 'pending'],
		['FIRST_SUCCESS', 'firstTrack', 'done'],
	] as const)('%s waited for %s is %s', (status, waitFor, expected) => {
		const tracks =
			status === 'PENDING' ? [] : [track('a', status === 'FIRST_SUCCESS' || status === 'SUCCESS'), track('b', status === 'SUCCESS')];
		expect(musicOutcome(task(status, tracks), waitFor)).toBe(expected);
	});

	it.each(['CREATE_TASK_FAILED', 'GENERATE_AUDIO_FAILED', 'SENSITIVE_WORD_ERROR'])('%s is a failure whatever is waited for', (status) => {
		for (const waitFor of ['complete', 'firstTrack', 'streams'] as const) {
			expect(musicOutcome(task(status), waitFor)).toBe('failed');
		}
		expect(isFailedMusicTask(task(status))).toBe(true);
	});

	it('treats CALLBACK_EXCEPTION with audio as success and without audio as a failure', () => {
		const withAudio = task('CALLBACK_EXCEPTION', [track('a', true), track('b', true)]);
		expect(isFailedMusicTask(withAudio)).toBe(false);
		expect(musicOutcome(withAudio, 'complete')).toBe('done');
		const withoutAudio = task('CALLBACK_EXCEPTION');
		expect(isFailedMusicTask(withoutAudio)).toBe(true);
		expect(musicOutcome(withoutAudio, 'complete')).toBe('failed');
	});

	it('never moves a task backwards when a stale read arrives late', () => {
		const success = task('SUCCESS', [track('a', true), track('b', true)]);
		const stalePending = task('PENDING');
		expect(furthestMusicTask(success, stalePending)).toBe(success);
		const first = task('FIRST_SUCCESS', [track('a', true), track('b', false)]);
		expect(furthestMusicTask(first, task('TEXT_SUCCESS', [track('a', false)]))).toBe(first);
		expect(furthestMusicTask(first, success)).toBe(success);
		expect(furthestMusicTask(undefined, stalePending)).toBe(stalePending);
	});

	it('ranks an unknown status below PENDING so a known state always wins', () => {
		expect(musicRank(task('SOMETHING_NEW'))).toBeLessThan(musicRank(task('PENDING')));
		expect(musicOutcome(task('SOMETHING_NEW'), 'complete')).toBe('pending');
	});
});
