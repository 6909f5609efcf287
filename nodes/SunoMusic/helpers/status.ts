import type { MusicTask } from './normalise';

export type WaitFor = 'complete' | 'firstTrack' | 'streams';

export type Outcome = 'done' | 'pending' | 'failed';

/** Where a healthy music task is in its life; a later read may never move a task back. */
const MUSIC_PROGRESS: Record<string, number> = {
	PENDING: 0,
	TEXT_SUCCESS: 1,
	FIRST_SUCCESS: 2,
	SUCCESS: 3,
};

const MUSIC_FAILURES = new Set([
	'CREATE_TASK_FAILED',
	'GENERATE_AUDIO_FAILED',
	'SENSITIVE_WORD_ERROR',
	'GENERATE_LYRICS_FAILED',
]);

const TERMINAL_RANK = 4;

export function hasAudio(task: MusicTask): boolean {
	return task.tracks.some((track) => track.audioReady);
}

/** CALLBACK_EXCEPTION means Suno could not deliver its callback; with audio present the music itself is fine. */
export function isFailedMusicTask(task: MusicTask): boolean {
	if (MUSIC_FAILURES.has(task.status)) return true;
	return task.status === 'CALLBACK_EXCEPTION' && !hasAudio(task);
}

export function musicRank(task: MusicTask): number {
	if (isFailedMusicTask(task) || task.status === 'CALLBACK_EXCEPTION') return TERMINAL_RANK;
	return MUSIC_PROGRESS[task.status] ?? -1;
}

/** A stale replica can answer PENDING after SUCCESS; the furthest state seen wins. */
export function furthestMusicTask(previous: MusicTask | undefined, next: MusicTask): MusicTask {
	if (!previous) return next;
	return musicRank(next) < musicRank(previous) ? previous : next;
}

function streamsReady(task: MusicTask): boolean {
	return task.tracks.length > 0 && task.tracks.every((track) => track.streamAudioUrl !== null || track.audioReady);
}

export function musicOutcome(task: MusicTask, waitFor: WaitFor): Outcome {
	if (isFailedMusicTask(task)) return 'failed';
	if (task.status === 'SUCCESS' || task.status === 'CALLBACK_EXCEPTION') return 'done';
	if (waitFor === 'firstTrack') return hasAudio(task) ? 'done' : 'pending';
	if (waitFor === 'streams') return streamsReady(task) || hasAudio(task) ? 'done' : 'pending';
	return 'pending';
}
