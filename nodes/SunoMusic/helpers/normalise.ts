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

/** Tracks sit at response.sunoData in record-info; some hosts nest or flatten them differently. */
function rawTracks(data: IDataObject): IDataObject[] {
	const response = data.response;
	const candidates: unknown[] = [
		isObject(response) ? response.sunoData : undefined,
		isObject(response) ? response.data : undefined,
		Array.isArray(response) ? response : undefined,
		data.sunoData,
	];
	const list = candidates.find((candidate) => Array.isArray(candidate)) as unknown[] | undefined;
	return (list ?? []).filter(isObject);
}

export function normaliseMusicTask(data: IDataObject, requestedTaskId = ''): MusicTask {
	const errorCode = data.errorCode ?? data.error_code;
	return {
		taskId: text(data.taskId ?? data.task_id) ?? requestedTaskId,
		status: text(data.status)?.toUpperCase() ?? 'PENDING',
		operationType: text(data.operationType),
		parentMusicId: text(data.parentMusicId),
		type: text(data.type),
		param: parseParam(data.param),
		errorCode: errorCode === undefined || errorCode === null || errorCode === '' ? null : (errorCode as number | string),
		errorMessage: text(data.errorMessage ?? data.error_message),
		createTime: toIsoTime(data.createTime),
		tracks: rawTracks(data).map(normaliseTrack),
	};
}

/** One output item per track; a task with no tracks yet still yields one task-level item. */
export function musicTaskToItems(task: MusicTask): IDataObject[] {
	const taskFields = {
		taskId: task.taskId,
		status: task.status,
		operationType: task.operationType,
		parentMusicId: task.parentMusicId,
		type: task.type,
		param: task.param,
		errorCode: task.errorCode,
		errorMessage: task.errorMessage,
	};
	if (task.tracks.length === 0) {
		return [{ ...taskFields, trackIndex: null, trackCount: 0, createTime: task.createTime }];
	}
	return task.tracks.map((track, index) => ({
		...taskFields,
		trackIndex: index,
		trackCount: task.tracks.length,
		...track,
		createTime: track.createTime ?? task.createTime,
	}));
}
