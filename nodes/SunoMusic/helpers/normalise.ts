import type { IDataObject } from 'n8n-workflow';

/** One track in the single shape every operation and the trigger emit, whatever casing Suno used. */
export interface SunoTrack {
	audioId: string;
	title: string | null;
	tags: string | null;
	prompt: string | null;
	modelName: string | null;
	duration: number | null;
	audioUrl: string | null;
	streamAudioUrl: string | null;
	imageUrl: string | null;
	sourceAudioUrl: string | null;
	sourceStreamAudioUrl: string | null;
	sourceImageUrl: string | null;
	createTime: string | null;
	audioReady: boolean;
}

export interface MusicTask {
	taskId: string;
	status: string;
	operationType: string | null;
	parentMusicId: string | null;
	type: string | null;
	param: IDataObject | string | null;
	errorCode: number | string | null;
	errorMessage: string | null;
	createTime: string | null;
	tracks: SunoTrack[];
}

const SNAKE_TO_CAMEL_TRACK_FIELDS: Record<string, string> = {
	audio_url: 'audioUrl',
	source_audio_url: 'sourceAudioUrl',
	stream_audio_url: 'streamAudioUrl',
	source_stream_audio_url: 'sourceStreamAudioUrl',
	image_url: 'imageUrl',
	source_image_url: 'sourceImageUrl',
	model_name: 'modelName',
	create_time: 'createTime',
};

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick(raw: IDataObject, camel: string): unknown {
	if (raw[camel] !== undefined) return raw[camel];
	for (const [snake, target] of Object.entries(SNAKE_TO_CAMEL_TRACK_FIELDS)) {
		if (target === camel && raw[snake] !== undefined) return raw[snake];
	}
	return undefined;
}

/** Suno sends "" and null for URLs that are not there yet; both mean absent. */
function text(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	const asText = String(value).trim();
	return asText === '' || asText === 'None' ? null : asText;
}

function url(value: unknown): string | null {
	const asText = text(value);
	// A URL ending in /None.mp3 is a placeholder Suno's CDN hands out before the file exists.
	return asText && !/\/None(\.\w+)?$/.test(asText) ? asText : null;
}

function number(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const parsed = typeof value === 'number' ? value : Number(value);
	return Number.isFinite(parsed) ? parsed : null;
}

const PLAIN_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/;

/**
 * Suno reports times as epoch milliseconds (what production sends), epoch seconds, or
 * 'YYYY-MM-DD HH:mm:ss' without a zone (older payloads; read as UTC). Output is always ISO 8601.
 */
export function toIsoTime(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	const numeric = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(String(value)) ? Number(value) : NaN;
	if (Number.isFinite(numeric)) {
		const ms = numeric < 1e11 ? numeric * 1000 : numeric;
		return new Date(ms).toISOString();
	}
	const asText = String(value).trim();
	const plain = PLAIN_DATE_TIME.exec(asText);
	if (plain) {
		const [, y, mo, d, h, mi, s, frac] = plain;
		const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
		return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms)).toISOString();
	}
	const parsed = Date.parse(asText);
	return Number.isNaN(parsed) ? asText : new Date(parsed).toISOString();
}

export function normaliseTrack(raw: IDataObject): SunoTrack {
	const audioUrl = url(pick(raw, 'audioUrl'));
	return {
		audioId: text(raw.id ?? raw.audioId ?? raw.audio_id) ?? '',
		title: text(raw.title),
		tags: text(raw.tags),
		prompt: text(raw.prompt),
		modelName: text(pick(raw, 'modelName')),
		duration: number(raw.duration),
		audioUrl,
		streamAudioUrl: url(pick(raw, 'streamAudioUrl')),
		imageUrl: url(pick(raw, 'imageUrl')),
		sourceAudioUrl: url(pick(raw, 'sourceAudioUrl')),
		sourceStreamAudioUrl: url(pick(raw, 'sourceStreamAudioUrl')),
		sourceImageUrl: url(pick(raw, 'sourceImageUrl')),
		createTime: toIsoTime(pick(raw, 'createTime')),
		audioReady: audioUrl !== null,
	};
}

/** `param` is the original request as a JSON string; keep the string when it is not JSON. */
export function parseParam(value: unknown): IDataObject | string | null {
	if (value === undefined || value === null || value === '') return null;
	if (isObject(value)) return value;
	const asText = String(value);
	try {
		const parsed: unknown = JSON.parse(asText);
		return isObject(parsed) ? parsed : asText;
	} catch {
		return asText;
	}
}

/** The objects of the first of `candidates` that is a list: hosts nest or flatten lists differently. */
function firstList(candidates: unknown[]): IDataObject[] {
	const list = candidates.find((candidate) => Array.isArray(candidate)) as unknown[] | undefined;
	return (list ?? []).filter(isObject);
}

/** Tracks sit at response.sunoData in record-info; some hosts nest or flatten them differently. */
function rawTracks(data: IDataObject): IDataObject[] {
	const response = data.response;
	return firstList([
		isObject(response) ? response.sunoData : undefined,
		isObject(response) ? response.data : undefined,
		Array.isArray(response) ? response : undefined,
		data.sunoData,
	]);
}

/** What every record-info task has, whatever its kind (music, lyrics). */
export type TaskCore = ReturnType<typeof taskCore>;

function taskCore(data: IDataObject, requestedTaskId: string) {
	const errorCode = data.errorCode ?? data.error_code;
	return {
		taskId: text(data.taskId ?? data.task_id) ?? requestedTaskId,
		status: text(data.status)?.toUpperCase() ?? 'PENDING',
		type: text(data.type),
		param: parseParam(data.param),
		errorCode: errorCode === undefined || errorCode === null || errorCode === '' ? null : (errorCode as number | string),
		errorMessage: text(data.errorMessage ?? data.error_message),
		createTime: toIsoTime(data.createTime),
	};
}

export function normaliseMusicTask(data: IDataObject, requestedTaskId = ''): MusicTask {
	return {
		...taskCore(data, requestedTaskId),
		operationType: text(data.operationType),
		parentMusicId: text(data.parentMusicId),
		tracks: rawTracks(data).map(normaliseTrack),
	};
}

/** One output item per track; a task with no tracks yet still yields one task-level item. */
export function musicTaskToItems(task: MusicTask): IDataObject[] {
	if (task.tracks.length === 0) return [musicItem(task, undefined, null)];
	return task.tracks.map((track, trackIndex) => musicItem(task, track, trackIndex));
}

/**
 * One literal in a fixed shape, track fields listed rather than spread: spreading made V8 build
 * slow dictionary objects that cost more than all the parsing before it. A task without tracks
 * has the same columns, empty.
 */
function musicItem(task: MusicTask, track: SunoTrack | undefined, trackIndex: number | null): IDataObject {
	return {
		taskId: task.taskId,
		status: task.status,
		operationType: task.operationType,
		parentMusicId: task.parentMusicId,
		type: task.type,
		param: task.param,
		errorCode: task.errorCode,
		errorMessage: task.errorMessage,
		trackIndex,
		trackCount: task.tracks.length,
		audioId: track?.audioId ?? null,
		title: track?.title ?? null,
		tags: track?.tags ?? null,
		prompt: track?.prompt ?? null,
		modelName: track?.modelName ?? null,
		duration: track?.duration ?? null,
		audioUrl: track?.audioUrl ?? null,
		streamAudioUrl: track?.streamAudioUrl ?? null,
		imageUrl: track?.imageUrl ?? null,
		sourceAudioUrl: track?.sourceAudioUrl ?? null,
		sourceStreamAudioUrl: track?.sourceStreamAudioUrl ?? null,
		sourceImageUrl: track?.sourceImageUrl ?? null,
		createTime: track?.createTime ?? task.createTime,
		audioReady: track?.audioReady ?? false,
	};
}

/*
 * Callbacks: what Suno POSTs to a task's callBackUrl. Casing and nesting differ by task kind
 * (suno-api.md §6): snake_case track fields but camelCase createTime/callbackType, `task_id` in
 * music callbacks, `taskId` in lyrics and cover callbacks, and `task_id` at the root of MIDI and
 * recovery callbacks. The kind is read from the shape, since a callback does not name it.
 */

export type CallbackKind = 'music' | 'lyrics' | 'wav' | 'stems' | 'midi' | 'mp4' | 'cover' | 'recovery';

/** Music sends text, first and complete (text and first may be skipped); every kind can send error. */
export type CallbackStage = 'text' | 'first' | 'complete' | 'error';

export const CALLBACK_STAGES: readonly CallbackStage[] = ['text', 'first', 'complete', 'error'];

export interface SunoCallback {
	kind: CallbackKind;
	stage: CallbackStage;
	taskId: string;
	/** The callback's own `code` and `msg`; 200 means success. */
	code: number | null;
	message: string | null;
	/** What to emit: camelCase, ISO times, each item starting with kind, callbackType and taskId. */
	items: IDataObject[];
}

export type CallbackParse = { ok: true; callback: SunoCallback } | { ok: false; reason: string };

function hasAny(raw: IDataObject, keys: string[]): boolean {
	return keys.some((key) => Object.prototype.hasOwnProperty.call(raw, key));
}

function objects(value: unknown): IDataObject[] {
	return Array.isArray(value) ? value.filter(isObject) : [];
}

const AUDIO_TRACK_KEYS = ['id', 'audio_url', 'audioUrl', 'stream_audio_url', 'streamAudioUrl'];

/** Lyrics and music callbacks share an envelope; lyrics variants carry text and no audio. */
function looksLikeLyrics(data: IDataObject): boolean {
	const list = objects(data.data);
	if (list.length > 0) return list.every((item) => hasAny(item, ['text']) && !hasAny(item, AUDIO_TRACK_KEYS));
	// An empty or failed callback has only its id to go by: lyrics use taskId, music task_id.
	return hasAny(data, ['taskId']) && !hasAny(data, ['task_id']);
}

function detectKind(body: IDataObject): CallbackKind | undefined {
	const data = body.data;
	if (hasAny(body, ['task_id', 'taskId'])) {
		if (Array.isArray(data)) return 'recovery';
		if (isObject(data) && hasAny(data, ['instruments', 'state'])) return 'midi';
		if (data === null || data === undefined) return /recover/i.test(String(body.msg ?? '')) ? 'recovery' : 'midi';
	}
	if (!isObject(data)) return undefined;
	if (hasAny(data, ['vocal_removal_info', 'vocalRemovalInfo'])) return 'stems';
	if (hasAny(data, ['audioWavUrl', 'audio_wav_url'])) return 'wav';
	if (hasAny(data, ['video_url', 'videoUrl'])) return 'mp4';
	if (hasAny(data, ['images'])) return 'cover';
	if (hasAny(data, ['callbackType', 'callback_type'])) return looksLikeLyrics(data) ? 'lyrics' : 'music';
	return undefined;
}

function stageOf(kind: CallbackKind, data: IDataObject, code: number | null): CallbackStage | string {
	const failed = code !== null && code !== 200;
	if (kind !== 'music' && kind !== 'lyrics') return failed ? 'error' : 'complete';
	const sent = text(data.callbackType ?? data.callback_type)?.toLowerCase() ?? '';
	if (failed || sent === 'error') return 'error';
	return sent;
}

const STAGE_STATUS: Record<Exclude<CallbackStage, 'error'>, string> = {
	text: 'TEXT_SUCCESS',
	first: 'FIRST_SUCCESS',
	complete: 'SUCCESS',
};

/** The record-info status a failed music callback corresponds to; 400 is Suno's moderation refusal. */
function failedMusicStatus(code: number | null): string {
	return code === 400 ? 'SENSITIVE_WORD_ERROR' : 'GENERATE_AUDIO_FAILED';
}

interface CallbackContext {
	kind: CallbackKind;
	stage: CallbackStage;
	taskId: string;
	code: number | null;
	message: string | null;
	body: IDataObject;
	data: IDataObject;
}

function head(ctx: CallbackContext): IDataObject {
	return { kind: ctx.kind, callbackType: ctx.stage, taskId: ctx.taskId };
}

/** Set on error callbacks only, so a success item never carries Suno's success message as an error. */
function errorFields(ctx: CallbackContext): IDataObject {
	const failed = ctx.stage === 'error';
	return { errorCode: failed ? ctx.code : null, errorMessage: failed ? ctx.message : null };
}

/** Music: the items Get Generation Details gives for the same task state, plus kind and callbackType. */
function musicItems(ctx: CallbackContext): IDataObject[] {
	const failed = ctx.stage === 'error';
	const task: MusicTask = {
		taskId: ctx.taskId,
		status: ctx.stage === 'error' ? failedMusicStatus(ctx.code) : STAGE_STATUS[ctx.stage],
		operationType: null,
		parentMusicId: null,
		type: null,
		param: null,
		errorCode: failed ? ctx.code : null,
		errorMessage: failed ? ctx.message : null,
		createTime: null,
		tracks: objects(ctx.data.data).map(normaliseTrack),
	};
	// 531 (and a message saying so) means Suno gave the credits back: worth a retry.
	const refund = failed ? { creditsRefunded: ctx.code === 531 || /refund/i.test(ctx.message ?? '') } : {};
	return musicTaskToItems(task).map((item) => ({ kind: ctx.kind, callbackType: ctx.stage, ...item, ...refund }));
}

/** Lyrics: one item per variant (usually two). */
function lyricsItems(ctx: CallbackContext): IDataObject[] {
	const variants = objects(ctx.data.data);
	const errors = errorFields(ctx);
	if (variants.length === 0) {
		return [{ ...head(ctx), variantIndex: null, variantCount: 0, title: null, text: null, status: null, ...errors }];
	}
	return variants.map((variant, index) => ({
		...head(ctx),
		variantIndex: index,
		variantCount: variants.length,
		title: text(variant.title),
		text: typeof variant.text === 'string' ? variant.text : null,
		status: text(variant.status),
		errorCode: errors.errorCode,
		errorMessage: text(variant.errorMessage ?? variant.error_message) ?? errors.errorMessage,
	}));
}

const STEMS = [
	'origin',
	'instrumental',
	'vocal',
	'backing_vocals',
	'drums',
	'bass',
	'guitar',
	'keyboard',
	'percussion',
	'strings',
	'synth',
	'fx',
	'brass',
	'woodwinds',
];

function camelCase(snake: string): string {
	return snake.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Stems: one item with every stem URL under the names record-info uses (originUrl, vocalUrl, …); null when absent. */
function stemItems(ctx: CallbackContext): IDataObject[] {
	const info = ctx.data.vocal_removal_info ?? ctx.data.vocalRemovalInfo;
	const raw = isObject(info) ? info : {};
	const urls: IDataObject = {};
	for (const stem of STEMS) {
		const camel = `${camelCase(stem)}Url`;
		urls[camel] = url(raw[`${stem}_url`] ?? raw[camel]);
	}
	return [{ ...head(ctx), ...urls, ...errorFields(ctx) }];
}

/** MIDI: note times and pitches as numbers even when Suno sends them as strings. */
function midiItems(ctx: CallbackContext): IDataObject[] {
	const midi = ctx.data;
	const instruments = objects(midi.instruments).map((instrument) => ({
		name: text(instrument.name),
		notes: objects(instrument.notes).map((note) => ({
			pitch: number(note.pitch),
			start: number(note.start),
			end: number(note.end),
			velocity: number(note.velocity),
		})),
	}));
	const noteCount = instruments.reduce((sum, instrument) => sum + instrument.notes.length, 0);
	return [
		{
			...head(ctx),
			state: text(midi.state),
			instrumentCount: instruments.length,
			noteCount,
			instruments,
			...errorFields(ctx),
		},
	];
}

function wavItems(ctx: CallbackContext): IDataObject[] {
	return [{ ...head(ctx), audioWavUrl: url(ctx.data.audioWavUrl ?? ctx.data.audio_wav_url), ...errorFields(ctx) }];
}

function mp4Items(ctx: CallbackContext): IDataObject[] {
	return [{ ...head(ctx), videoUrl: url(ctx.data.video_url ?? ctx.data.videoUrl), ...errorFields(ctx) }];
}

function coverItems(ctx: CallbackContext): IDataObject[] {
	const images = (Array.isArray(ctx.data.images) ? ctx.data.images : [])
		.map(url)
		.filter((image): image is string => image !== null);
	return [{ ...head(ctx), imageCount: images.length, images, ...errorFields(ctx) }];
}

/** Recovery: one item per re-issued track, in the original track order. */
function recoveryItems(ctx: CallbackContext): IDataObject[] {
	const tracks = objects(ctx.body.data);
	const errors = errorFields(ctx);
	if (tracks.length === 0) return [{ ...head(ctx), trackIndex: null, trackCount: 0, ...errors }];
	return tracks.map((track, index) => {
		const audioUrl = url(track.audio_url ?? track.audioUrl);
		return {
			...head(ctx),
			trackIndex: index,
			trackCount: tracks.length,
			audioId: text(track.id) ?? '',
			title: text(track.title),
			audioUrl,
			audioReady: audioUrl !== null,
			status: text(track.status),
			error: text(track.error),
			...errors,
		};
	});
}

const ITEMS_BY_KIND: Record<CallbackKind, (ctx: CallbackContext) => IDataObject[]> = {
	music: musicItems,
	lyrics: lyricsItems,
	wav: wavItems,
	stems: stemItems,
	midi: midiItems,
	mp4: mp4Items,
	cover: coverItems,
	recovery: recoveryItems,
};

/**
 * Reads any callback Suno sends into the kind, stage and task it is about and the items to emit.
 * A body that is not one of the known shapes is refused with the reason, never guessed at.
 */
export function normaliseCallback(body: unknown): CallbackParse {
	if (!isObject(body)) return { ok: false, reason: 'The body is not a JSON object' };
	const kind = detectKind(body);
	if (!kind) {
		return {
			ok: false,
			reason: 'The body is not a Suno callback: no music, lyrics, WAV, stems, MIDI, MP4, cover or recovery data in it',
		};
	}
	const data = isObject(body.data) ? body.data : {};
	const taskId = text(body.task_id ?? body.taskId ?? data.task_id ?? data.taskId);
	if (!taskId) return { ok: false, reason: `The ${kind} callback has no task_id` };
	const code = number(body.code);
	const stage = stageOf(kind, data, code);
	if (!(CALLBACK_STAGES as readonly string[]).includes(stage)) {
		const why = stage === '' ? 'no callbackType' : `an unknown callbackType "${stage}"`;
		return { ok: false, reason: `The ${kind} callback has ${why}` };
	}
	const ctx: CallbackContext = {
		kind,
		stage: stage as CallbackStage,
		taskId,
		code,
		message: text(body.msg),
		body,
		data,
	};
	return { ok: true, callback: { kind, stage: ctx.stage, taskId, code, message: ctx.message, items: ITEMS_BY_KIND[kind](ctx) } };
}

// ---- lyrics -------------------------------------------------------------------------------------

export interface LyricsVariant {
	title: string | null;
	text: string | null;
	/** Suno's per-variant status: complete or failed. */
	variantStatus: string | null;
	variantErrorMessage: string | null;
}

export interface LyricsTask extends TaskCore {
	variants: LyricsVariant[];
}

function lyricsVariants(data: IDataObject): IDataObject[] {
	const response = data.response;
	return firstList([isObject(response) ? response.data : undefined, Array.isArray(response) ? response : undefined, data.data]);
}

/** Lyrics record-info (and lyrics callbacks, which may use task_id / error_message). */
export function normaliseLyricsTask(data: IDataObject, requestedTaskId = ''): LyricsTask {
	return {
		...taskCore(data, requestedTaskId),
		variants: lyricsVariants(data).map((variant) => ({
			title: text(variant.title),
			// Lyrics keep their line breaks and spacing; only absent text becomes null.
			text: typeof variant.text === 'string' && variant.text.trim() !== '' ? variant.text : null,
			variantStatus: text(variant.status),
			variantErrorMessage: text(variant.errorMessage ?? variant.error_message),
		})),
	};
}

/** One output item per lyric variant; a task with no variants yet still yields one task-level item. */
export function lyricsTaskToItems(task: LyricsTask): IDataObject[] {
	const taskFields = {
		taskId: task.taskId,
		status: task.status,
		type: task.type,
		param: task.param,
		errorCode: task.errorCode,
		errorMessage: task.errorMessage,
		createTime: task.createTime,
	};
	if (task.variants.length === 0) return [{ ...taskFields, variantIndex: null, variantCount: 0 }];
	return task.variants.map((variant, index) => ({
		...taskFields,
		variantIndex: index,
		variantCount: task.variants.length,
		...variant,
	}));
}

// ---- timestamped lyrics -------------------------------------------------------------------------

export interface AlignedWord {
	/** As Suno sends it: may carry section tags and line breaks, e.g. "[Verse]\nWaggin'". */
	word: string;
	startS: number | null;
	endS: number | null;
	success: boolean | null;
	palign: number | null;
}

export interface TimestampedLyrics {
	alignedWords: AlignedWord[];
	waveformData: number[];
	hootCer: number | null;
	isStreamed: boolean | null;
}

function flag(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	return null;
}

/** The get-timestamped-lyrics answer; times may come as numbers or strings, in camelCase or snake_case. */
export function normaliseTimestampedLyrics(data: IDataObject): TimestampedLyrics {
	const words = (data.alignedWords ?? data.aligned_words ?? []) as unknown[];
	const waveform = (data.waveformData ?? data.waveform_data ?? []) as unknown[];
	return {
		alignedWords: (Array.isArray(words) ? words : []).filter(isObject).map((raw) => ({
			word: typeof raw.word === 'string' ? raw.word : String(raw.word ?? ''),
			startS: number(raw.startS ?? raw.start_s),
			endS: number(raw.endS ?? raw.end_s),
			success: flag(raw.success),
			palign: number(raw.palign),
		})),
		waveformData: (Array.isArray(waveform) ? waveform : []).map(number).filter((value): value is number => value !== null),
		hootCer: number(data.hootCer ?? data.hoot_cer),
		isStreamed: flag(data.isStreamed ?? data.is_streamed),
	};
}

export interface LyricLine {
	text: string;
	startS: number;
	endS: number;
	/** The last section tag before the line, e.g. "Verse", or null. */
	section: string | null;
}

/**
 * Groups aligned words into sung lines: a line break inside a word ends the line, section tags
 * such as [Chorus] are not sung (they name the lines that follow), and words without times are
 * skipped.
 */
export function lyricLines(words: AlignedWord[]): LyricLine[] {
	const lines: LyricLine[] = [];
	let section: string | null = null;
	let open: LyricLine | undefined;
	const endLine = () => {
		if (open && open.text !== '') lines.push(open);
		open = undefined;
	};
	for (const word of words) {
		if (word.startS === null || word.endS === null) continue;
		word.word.split('\n').forEach((segment, index) => {
			if (index > 0) endLine();
			let sung = segment;
			for (const tag of segment.match(/\[[^\]]*\]/g) ?? []) {
				section = tag.slice(1, -1).trim() || section;
				sung = sung.replace(tag, ' ');
			}
			sung = sung.replace(/\s+/g, ' ').trim();
			if (sung === '') return;
			if (!open) open = { text: sung, startS: word.startS as number, endS: word.endS as number, section };
			else {
				open.text = `${open.text} ${sung}`;
				open.endS = word.endS as number;
			}
		});
	}
	endLine();
	return lines;
}
