import { createHash } from 'crypto';

import { completeTrackCount, failureOf, tracksVisible } from './tasks';
import type { MusicStatus, Task, Track } from './tasks';
import type { CallbackStage } from './types';

export interface Envelope {
	code: number;
	msg: string;
	data: unknown;
}

export function ok(data: unknown): Envelope {
	return { code: 200, msg: 'success', data };
}

export function fail(code: number, msg: string): Envelope {
	return { code, msg, data: null };
}

interface TrackUrls {
	audio: string;
	stream: string;
	image: string;
	sourceAudio: string;
	sourceStream: string;
	sourceImage: string;
}

function trackUrls(cdn: string, id: string): TrackUrls {
	return {
		audio: `${cdn}/audio/${id}.mp3`,
		stream: `${cdn}/stream/${id}`,
		image: `${cdn}/image/${id}.jpeg`,
		sourceAudio: `${cdn}/source/${id}.mp3`,
		sourceStream: `${cdn}/source-stream?item_id=${id}`,
		sourceImage: `${cdn}/source/image_${id}.jpeg`,
	};
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** Epoch ms as production sends it, or the 'YYYY-MM-DD HH:mm:ss' (UTC) strings of older dumps. */
function timeValue(task: Task, epochMs: number): number | string {
	if (task.scenario !== 'legacy-times') return epochMs;
	const d = new Date(epochMs);
	return (
		`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
		`${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
	);
}

function recordTrack(task: Task, track: Track, complete: boolean, cdn: string): Record<string, unknown> {
	const u = trackUrls(cdn, track.id);
	return {
		id: track.id,
		audioUrl: complete ? u.audio : '',
		sourceAudioUrl: complete ? u.sourceAudio : null,
		streamAudioUrl: u.stream,
		sourceStreamAudioUrl: u.sourceStream,
		imageUrl: u.image,
		sourceImageUrl: u.sourceImage,
		prompt: track.prompt,
		modelName: track.modelName,
		title: track.title,
		tags: track.tags,
		createTime: timeValue(task, track.createTime),
		duration: complete ? track.duration : null,
	};
}

/** Callback tracks: snake_case URLs, but camelCase createTime; unfinished tracks lack source_audio_url and duration. */
function callbackTrack(task: Task, track: Track, complete: boolean, cdn: string): Record<string, unknown> {
	const u = trackUrls(cdn, track.id);
	return {
		id: track.id,
		audio_url: complete ? u.audio : '',
		...(complete ? { source_audio_url: u.sourceAudio } : {}),
		stream_audio_url: u.stream,
		source_stream_audio_url: u.sourceStream,
		image_url: u.image,
		source_image_url: u.sourceImage,
		prompt: track.prompt,
		model_name: track.modelName,
		title: track.title,
		tags: track.tags,
		createTime: timeValue(task, track.createTime),
		...(complete ? { duration: track.duration } : {}),
	};
}

function musicResponse(task: Task, status: MusicStatus, cdn: string): unknown {
	if (status === 'PENDING') return null;
	const complete = completeTrackCount(task, status);
	return {
		taskId: task.taskId,
		sunoData: tracksVisible(task, status) ? task.tracks.map((t, i) => recordTrack(task, t, i < complete, cdn)) : [],
	};
}

export function musicRecord(task: Task, status: MusicStatus, cdn: string): Record<string, unknown> {
	const failure = failureOf(task, status);
	return {
		taskId: task.taskId,
		parentMusicId: task.parentMusicId,
		param: task.param,
		response: musicResponse(task, status, cdn),
		status,
		type: task.codename,
		operationType: task.operationType,
		errorCode: failure?.errorCode ?? null,
		errorMessage: failure?.errorMessage ?? null,
		// The task-level time is second-rounded in real payloads, unlike the tracks' times.
		createTime: timeValue(task, Math.floor(task.createdAt / 1000) * 1000),
	};
}

function lyricsItems(task: Task): Array<Record<string, unknown>> {
	return task.lyrics.map((l) => ({ text: l.text, title: l.title, status: 'complete', errorMessage: '' }));
}

export function lyricsRecord(task: Task, status: MusicStatus): Record<string, unknown> {
	const failure = failureOf(task, status);
	let response: unknown = null;
	if (status !== 'PENDING') response = { taskId: task.taskId, data: failure ? [] : lyricsItems(task) };
	return {
		taskId: task.taskId,
		param: task.param,
		response,
		status,
		type: 'LYRICS',
		errorCode: failure?.errorCode ?? null,
		errorMessage: failure?.errorMessage ?? null,
	};
}

const STAGE_MSG: Record<Exclude<CallbackStage, 'error'>, string> = {
	text: 'Text generated successfully',
	first: 'First audio generated successfully.',
	complete: 'All generated successfully.',
};

export function callbackBody(task: Task, stage: CallbackStage, status: MusicStatus, cdn: string): Envelope {
	const idField = task.kind === 'lyrics' ? 'taskId' : 'task_id';
	if (stage === 'error') {
		const failure = failureOf(task, status);
		return {
			code: failure?.callbackCode ?? 500,
			msg: failure?.callbackMsg ?? 'Internal Error, Please try again later.',
			data: { callbackType: 'error', [idField]: task.taskId, data: null },
		};
	}
	if (task.kind === 'lyrics') {
		return { code: 200, msg: STAGE_MSG.complete, data: { callbackType: 'complete', taskId: task.taskId, data: lyricsItems(task) } };
	}
	const complete = stage === 'text' ? 0 : stage === 'first' ? 1 : task.tracks.length;
	return {
		code: 200,
		msg: STAGE_MSG[stage],
		data: {
			callbackType: stage,
			task_id: task.taskId,
			data: task.tracks.map((t, i) => callbackTrack(task, t, i < complete, cdn)),
		},
	};
}

/** A deterministic stream of numbers in [0, 1) seeded by a string, so a track's alignment is stable across calls. */
function seeded(seed: string): () => number {
	let state = createHash('sha256').update(seed).digest().readUInt32BE(0) || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 0x100000000;
	};
}

/** Word-level alignment of a track's lyrics: section tags ride on the next word ("[Verse]\nWaggin'"), times rise within the track. */
export function timestampedLyrics(track: Track): Record<string, unknown> {
	const random = seeded(track.id);
	const words: string[] = [];
	let prefix = '';
	for (const line of track.prompt.split('\n')) {
		const trimmed = line.trim();
		if (/^\[[^\]]*\]$/.test(trimmed)) {
			prefix += `${trimmed}\n`;
			continue;
		}
		for (const word of trimmed.split(/\s+/).filter(Boolean)) {
			words.push(prefix + word);
			prefix = '';
		}
	}
	const startAt = Math.min(1 + random() * 4, track.duration * 0.1);
	const step = words.length > 0 ? Math.max(0.02, Math.min(0.9, (track.duration * 0.85 - startAt) / words.length)) : 0;
	const round = (n: number) => Math.round(n * 100) / 100;
	const alignedWords = words.map((word, i) => {
		const startS = round(startAt + i * step);
		return { word, success: true, startS, endS: round(startS + step * (0.6 + random() * 0.3)), palign: 0 };
	});
	const waveformData = Array.from({ length: 200 }, (_, i) => round(Math.abs(Math.sin(i / 7)) * 0.6 + random() * 0.4));
	return { alignedWords, waveformData, hootCer: 0.1 + random() * 0.3, isStreamed: false };
}
