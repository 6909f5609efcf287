import { randomBytes, randomUUID } from 'crypto';

import { SCENARIOS } from './types';
import type { CallbackStage, ScenarioName, TaskSpec } from './types';

export type MusicStatus =
	| 'PENDING'
	| 'TEXT_SUCCESS'
	| 'FIRST_SUCCESS'
	| 'SUCCESS'
	| 'CREATE_TASK_FAILED'
	| 'GENERATE_AUDIO_FAILED'
	| 'GENERATE_LYRICS_FAILED'
	| 'SENSITIVE_WORD_ERROR'
	| 'CALLBACK_EXCEPTION';

export interface Track {
	id: string;
	title: string;
	tags: string;
	prompt: string;
	modelName: string;
	/** Final duration in seconds, reported once the track's audio is complete. */
	duration: number;
	createTime: number;
}

export interface LyricsVariant {
	text: string;
	title: string;
}

export interface Task {
	taskId: string;
	kind: 'music' | 'lyrics';
	scenario: ScenarioName;
	durationS: number;
	streamsAtS: number;
	firstAtS: number;
	/** Real wall-clock ms when the simulated clock of this task started. */
	createdAt: number;
	operationType: string;
	param: string;
	callBackUrl?: string;
	duplicateCallbacks: number;
	audioBytes?: number;
	/** Model codename reported as `type` and `modelName`. */
	codename: string;
	parentMusicId: string;
	tracks: Track[];
	lyrics: LyricsVariant[];
	/** Counts record-info reads after SUCCESS, for the 'status-regression' scenario. */
	readsAfterSuccess: number;
}

export interface Milestone {
	atS: number;
	status: MusicStatus;
	stage?: CallbackStage;
}

export interface Failure {
	errorCode: number;
	errorMessage: string;
	callbackCode: number;
	callbackMsg: string;
}

const CODENAMES: Record<string, string> = {
	V3_5: 'chirp-v3-5',
	V4: 'chirp-v4',
	V4_5: 'chirp-auk',
	V4_5PLUS: 'chirp-bluejay',
	V4_5ALL: 'chirp-auk-turbo',
	V5: 'chirp-crow',
	V5_5: 'chirp-fenix',
	V6: 'chirp-v6',
	V6_WILD: 'chirp-v6-wild',
	V6_MINI: 'chirp-v6-mini',
};

function modelCodename(model: string): string {
	return CODENAMES[model] ?? model.toLowerCase();
}

export function isScenario(name: unknown): name is ScenarioName {
	return typeof name === 'string' && (SCENARIOS as readonly string[]).includes(name);
}

function randomTaskId(): string {
	return randomBytes(16).toString('hex');
}

/** The status sequence of a scenario, in simulated seconds; callbacks are sent at milestones with a stage. */
export function timeline(task: Task): Milestone[] {
	const { durationS: end, streamsAtS: streams, firstAtS: first } = task;
	const start: Milestone = { atS: 0, status: 'PENDING' };
	const failAt = (status: MusicStatus): Milestone[] => [start, { atS: streams, status, stage: 'error' }];
	if (task.kind === 'lyrics') {
		switch (task.scenario) {
			case 'create-failed':
				return failAt('CREATE_TASK_FAILED');
			case 'audio-failed':
			case 'lyrics-failed':
				return failAt('GENERATE_LYRICS_FAILED');
			case 'sensitive-word':
				return failAt('SENSITIVE_WORD_ERROR');
			case 'never-completes':
				return [start];
			case 'callback-exception':
				return [start, { atS: end, status: 'CALLBACK_EXCEPTION', stage: 'complete' }];
			case 'callback-exception-no-audio':
				return [start, { atS: end, status: 'CALLBACK_EXCEPTION', stage: 'error' }];
			default:
				return [start, { atS: end, status: 'SUCCESS', stage: 'complete' }];
		}
	}
	const text: Milestone = { atS: streams, status: 'TEXT_SUCCESS', stage: 'text' };
	const firstDone: Milestone = { atS: first, status: 'FIRST_SUCCESS', stage: 'first' };
	switch (task.scenario) {
		case 'skip-to-complete':
			return [start, { atS: end, status: 'SUCCESS', stage: 'complete' }];
		case 'create-failed':
			return failAt('CREATE_TASK_FAILED');
		case 'audio-failed':
		case 'lyrics-failed':
			return failAt('GENERATE_AUDIO_FAILED');
		case 'sensitive-word':
			return failAt('SENSITIVE_WORD_ERROR');
		case 'never-completes':
			return [start];
		case 'callback-exception':
			return [start, text, firstDone, { atS: end, status: 'CALLBACK_EXCEPTION', stage: 'complete' }];
		case 'callback-exception-no-audio':
			return [start, text, { atS: end, status: 'CALLBACK_EXCEPTION', stage: 'error' }];
		default:
			return [start, text, firstDone, { atS: end, status: 'SUCCESS', stage: 'complete' }];
	}
}

export function failureOf(task: Task, status: MusicStatus): Failure | undefined {
	switch (status) {
		case 'CREATE_TASK_FAILED':
			return { errorCode: 500, errorMessage: 'Create task failed, please try again later.', callbackCode: 500, callbackMsg: 'Create task failed' };
		case 'GENERATE_AUDIO_FAILED':
			return { errorCode: 500, errorMessage: 'Internal Error, Please try again later.', callbackCode: 501, callbackMsg: 'Audio generation failed' };
		case 'GENERATE_LYRICS_FAILED':
			return { errorCode: 500, errorMessage: 'Internal Error, Please try again later.', callbackCode: 501, callbackMsg: 'Lyrics generation failed' };
		case 'SENSITIVE_WORD_ERROR':
			return {
				errorCode: 400,
				errorMessage: 'Your lyrics contain copyrighted material.',
				callbackCode: 400,
				callbackMsg: 'Your lyrics contain copyrighted material.',
			};
		case 'CALLBACK_EXCEPTION':
			return task.scenario === 'callback-exception-no-audio'
				? { errorCode: 500, errorMessage: 'Internal Error, Please try again later.', callbackCode: 500, callbackMsg: 'Internal Error, Please try again later.' }
				: undefined;
		default:
			return undefined;
	}
}

export class TaskClock {
	constructor(readonly timeScale: number) {}

	elapsedS(task: Task, now = Date.now()): number {
		return ((now - task.createdAt) * this.timeScale) / 1000;
	}

	realMs(simS: number): number {
		return (simS * 1000) / this.timeScale;
	}

	/** The true status now, as the CDN and the callbacks see it. */
	status(task: Task, now = Date.now()): MusicStatus {
		const elapsed = this.elapsedS(task, now);
		let current: MusicStatus = 'PENDING';
		for (const m of timeline(task)) if (m.atS <= elapsed) current = m.status;
		return current;
	}
}

/** Tracks whose audio is complete in a given status. */
export function completeTrackCount(task: Task, status: MusicStatus): number {
	if (status === 'SUCCESS' || (status === 'CALLBACK_EXCEPTION' && task.scenario !== 'callback-exception-no-audio')) return task.tracks.length;
	if (status === 'FIRST_SUCCESS') return 1;
	return 0;
}

export function tracksVisible(task: Task, status: MusicStatus): boolean {
	return status === 'TEXT_SUCCESS' || status === 'FIRST_SUCCESS' || completeTrackCount(task, status) > 0;
}

const TITLES = ['Neon Harbor', 'Paper Satellites', 'Midnight Orchard', 'Glass Horizon', 'Velvet Static'];
const TAGS = ['synthwave, dreamy, female vocals', 'indie pop, upbeat, acoustic guitar', 'lo-fi, chill, mellow piano'];
const DEFAULT_LYRICS = [
	'[Verse]',
	'City lights are humming low',
	'Every window paints a glow',
	'Walking where the rivers bend',
	'Counting echoes to the end',
	'',
	'[Chorus]',
	'Hold on to the neon sky',
	'We were never meant to say goodbye',
	'Turn the static into song',
	'Carry us where we belong',
].join('\n');

function pick<T>(items: readonly T[]): T {
	return items[Math.floor(Math.random() * items.length)];
}

function nonEmpty(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A plausible song length: the requested `duration` when given, else 2–4 minutes (sounds: a few seconds). */
function trackDuration(operationType: string, params: Record<string, unknown>): number {
	const requested = params.duration;
	const base =
		typeof requested === 'number' && requested > 0
			? requested
			: operationType === 'sounds'
				? 5 + Math.random() * 20
				: 120 + Math.random() * 120;
	return Math.round((base + Math.random()) * 100) / 100;
}

function themeTitle(prompt: string | undefined, fallback: string): string {
	const words = (prompt ?? '').replace(/\[[^\]]*\]/g, ' ').match(/[A-Za-z']+/g);
	if (!words || words.length === 0) return fallback;
	return words
		.slice(0, 4)
		.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
		.join(' ');
}

function lyricsFor(prompt: string | undefined, variant: number): LyricsVariant {
	const theme = themeTitle(prompt, pick(TITLES));
	const textBody =
		variant === 0
			? DEFAULT_LYRICS
			: DEFAULT_LYRICS.replace('City lights are humming low', `Singing of ${theme.toLowerCase()}`).replace(
					'Hold on to the neon sky',
					'Hold on, hold on tonight',
				);
	return { text: textBody, title: variant === 0 ? theme : `${theme} (Reprise)` };
}

function defaultModel(operationType: string): string {
	return operationType === 'add_instrumental' || operationType === 'add_vocals' ? 'V4_5PLUS' : 'V5';
}

function clampSpec(spec: TaskSpec): { durationS: number; streamsAtS: number; firstAtS: number } {
	const kind = spec.kind ?? 'music';
	const durationS = Math.max(0, spec.durationS ?? (kind === 'lyrics' ? 20 : 150));
	const firstAtS = Math.min(Math.max(0, spec.firstAtS ?? 0.7 * durationS), durationS);
	const streamsAtS = Math.min(Math.max(0, spec.streamsAtS ?? Math.min(35, 0.25 * durationS)), firstAtS);
	return { durationS, streamsAtS, firstAtS };
}

export function buildTask(spec: TaskSpec, sourceCodename?: string): Task {
	const kind = spec.kind ?? 'music';
	const params = spec.params ?? {};
	const operationType = spec.operationType ?? 'generate';
	const createdAt = Date.now();
	const model = nonEmpty(params.model);
	const codename = kind === 'lyrics' ? 'LYRICS' : model ? modelCodename(model) : (sourceCodename ?? modelCodename(defaultModel(operationType)));
	const instrumental = params.instrumental === true;
	const title = nonEmpty(params.title) ?? pick(TITLES);
	const tags = nonEmpty(params.style) ?? nonEmpty(params.tags) ?? pick(TAGS);
	const prompt = nonEmpty(params.lyrics) ?? nonEmpty(params.prompt) ?? (instrumental ? '' : DEFAULT_LYRICS);
	const trackCount = Math.max(1, Math.floor(spec.trackCount ?? 2));
	// Real tracks carry an epoch-ms createTime a little after the task's own, second-rounded, createTime.
	const trackCreateTime = createdAt + 500 + Math.floor(Math.random() * 500);
	const tracks: Track[] =
		kind === 'music'
			? Array.from({ length: trackCount }, () => ({
					id: randomUUID(),
					title,
					tags,
					prompt,
					modelName: codename,
					duration: trackDuration(operationType, params),
					createTime: trackCreateTime,
				}))
			: [];
	const lyricsPrompt = nonEmpty(params.prompt);
	return {
		taskId: spec.taskId ?? randomTaskId(),
		kind,
		scenario: spec.scenario ?? 'success',
		...clampSpec(spec),
		createdAt,
		operationType,
		param: JSON.stringify(params),
		callBackUrl: spec.callBackUrl ?? nonEmpty(params.callBackUrl),
		duplicateCallbacks: Math.max(0, Math.floor(spec.duplicateCallbacks ?? 0)),
		audioBytes: spec.audioBytes,
		codename,
		parentMusicId: operationType === 'extend' ? (nonEmpty(params.audioId) ?? '') : '',
		tracks,
		lyrics: kind === 'lyrics' ? [lyricsFor(lyricsPrompt, 0), lyricsFor(lyricsPrompt, 1)] : [],
		readsAfterSuccess: 0,
	};
}

/** Parses `sim.<scenario>[.d<seconds>][.<anything>]` task ids; undefined when the id is not of that form. */
export function parseSimTaskId(taskId: string): { scenario: ScenarioName; durationS?: number } | undefined {
	const parts = taskId.split('.');
	if (parts[0] !== 'sim' || !isScenario(parts[1])) return undefined;
	const d = /^d(\d+(?:\.\d+)?)$/.exec(parts[2] ?? '');
	return { scenario: parts[1], durationS: d ? Number(d[1]) : undefined };
}

const MARKER = /\[sim:([a-z-]+)(?:\.d(\d+(?:\.\d+)?))?\]/;

/**
 * What a `[sim:<scenario>]` or `[sim:<scenario>.d<seconds>]` marker in the free-text fields of a
 * create body asks for, so a workflow (or a benchmark) can pick a lifecycle per item.
 */
export function markerSpec(body: Record<string, unknown>): { scenario: ScenarioName; durationS?: number } | undefined {
	for (const field of ['prompt', 'title', 'style', 'lyrics', 'tags']) {
		const value = body[field];
		if (typeof value !== 'string') continue;
		const m = MARKER.exec(value);
		if (m && isScenario(m[1])) return { scenario: m[1], durationS: m[2] === undefined ? undefined : Number(m[2]) };
	}
	return undefined;
}
