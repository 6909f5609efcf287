import { fail } from './shapes';
import type { Envelope } from './shapes';

type Body = Record<string, unknown>;

export interface CreateRoute {
	kind: 'music' | 'lyrics';
	operationType: string;
	/** Credits in tenths, so that 0.4-credit lyrics add up exactly. */
	costTenths: number;
	validate(body: Body): Envelope | undefined;
}

function absent(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The first failing check, in the order given. */
function first(...checks: Array<() => Envelope | undefined>): Envelope | undefined {
	for (const check of checks) {
		const result = check();
		if (result) return result;
	}
	return undefined;
}

const callBack = (b: Body) => () => (absent(b.callBackUrl) ? fail(400, 'Please enter callBackUrl.') : undefined);

const required = (b: Body, field: string) => () => (absent(b[field]) ? fail(400, `${field} cannot be null`) : undefined);

/** Docs list negativeTags as required, yet an empty string is a meaningful "avoid nothing". */
const present = (b: Body, field: string) => () => (b[field] === undefined || b[field] === null ? fail(400, `${field} cannot be null`) : undefined);

const bool = (b: Body, field: string) => () => {
	if (b[field] === undefined || b[field] === null) return fail(400, `${field} cannot be null`);
	return typeof b[field] === 'boolean' ? undefined : fail(400, `${field} must be a boolean`);
};

const positiveNumber = (b: Body, field: string) => () => {
	if (absent(b[field])) return fail(400, `${field} cannot be null`);
	return typeof b[field] === 'number' && (b[field] as number) > 0 ? undefined : fail(400, `${field} must be a number greater than 0`);
};

function isV6(model: unknown): boolean {
	return typeof model === 'string' && model.startsWith('V6');
}

/** Character limits per model family (suno-api.md §3, §5.1). */
function limits(model: unknown, custom: boolean) {
	const v4 = model === 'V4' || model === 'V3_5';
	const v6 = isV6(model);
	return {
		prompt: custom ? (v4 ? 3000 : 5000) : v6 ? 3000 : 500,
		style: v4 ? 200 : 1000,
		title: v4 || v6 || model === 'V4_5ALL' ? 80 : 100,
	};
}

const lengths = (b: Body, custom: boolean) => () => {
	const max = limits(b.model, custom);
	for (const [field, limit] of [
		['prompt', max.prompt],
		['lyrics', 5000],
		['style', max.style],
		['title', max.title],
		['negativeTags', 1000],
	] as const) {
		const value = b[field];
		if (typeof value === 'string' && value.length > limit) return fail(413, `${field} is too long: at most ${limit} characters`);
	}
	return undefined;
};

/** Custom/simple-mode content rules: pre-V6 (style/title/prompt) and V6-era (at least one content field). */
const modeContent = (b: Body) => () => {
	const custom = b.customMode === true;
	if (isV6(b.model)) {
		const fields = custom
			? ['style', 'lyrics', 'prompt', 'negativeTags']
			: ['prompt', 'lyrics', 'style', 'imageUrls', 'videoUrls', 'audioUrls'];
		if (fields.every((f) => absent(b[f]) || (Array.isArray(b[f]) && (b[f] as unknown[]).length === 0))) {
			return fail(400, `${custom ? 'Custom' : 'Non-custom'} mode needs at least one of: ${fields.join(', ')}`);
		}
		return lengths(b, custom)();
	}
	return first(
		...(custom
			? [required(b, 'style'), required(b, 'title'), ...(b.instrumental === true ? [] : [required(b, 'prompt')])]
			: [required(b, 'prompt')]),
		lengths(b, custom),
	);
};

/** defaultParamFlag true means "use these new parameters", which then become required. */
const extendParams = (b: Body) => () =>
	b.defaultParamFlag === true
		? first(
				required(b, 'style'),
				required(b, 'title'),
				...(b.instrumental === true ? [] : [required(b, 'prompt')]),
				positiveNumber(b, 'continueAt'),
				lengths(b, true),
			)
		: undefined;

const MUSIC = 120;

export const CREATE_ROUTES: Record<string, CreateRoute> = {
	'/api/v1/generate': {
		kind: 'music',
		operationType: 'generate',
		costTenths: MUSIC,
		validate: (b) => first(callBack(b), bool(b, 'customMode'), bool(b, 'instrumental'), required(b, 'model'), modeContent(b)),
	},
	'/api/v1/generate/extend': {
		kind: 'music',
		operationType: 'extend',
		costTenths: MUSIC,
		validate: (b) => first(callBack(b), required(b, 'audioId'), bool(b, 'defaultParamFlag'), required(b, 'model'), extendParams(b)),
	},
	'/api/v1/generate/upload-cover': {
		kind: 'music',
		operationType: 'upload_cover',
		costTenths: MUSIC,
		validate: (b) =>
			first(
				callBack(b),
				required(b, 'uploadUrl'),
				required(b, 'model'),
				// V6-era cover is always custom mode; earlier models still need the mode flags.
				...(isV6(b.model) ? [lengths(b, true)] : [bool(b, 'customMode'), bool(b, 'instrumental'), modeContent(b)]),
			),
	},
	'/api/v1/generate/upload-extend': {
		kind: 'music',
		operationType: 'upload_extend',
		costTenths: MUSIC,
		validate: (b) => first(callBack(b), required(b, 'uploadUrl'), bool(b, 'defaultParamFlag'), required(b, 'model'), extendParams(b)),
	},
	'/api/v1/generate/add-instrumental': {
		kind: 'music',
		operationType: 'add_instrumental',
		costTenths: MUSIC,
		validate: (b) => first(callBack(b), required(b, 'uploadUrl'), required(b, 'title'), required(b, 'tags'), present(b, 'negativeTags')),
	},
	'/api/v1/generate/add-vocals': {
		kind: 'music',
		operationType: 'add_vocals',
		costTenths: MUSIC,
		validate: (b) =>
			first(callBack(b), required(b, 'uploadUrl'), required(b, 'prompt'), required(b, 'title'), required(b, 'style'), present(b, 'negativeTags')),
	},
	'/api/v1/generate/mashup': {
		kind: 'music',
		operationType: 'mashup',
		costTenths: MUSIC,
		validate: (b) =>
			first(
				callBack(b),
				() =>
					Array.isArray(b.uploadUrlList) && b.uploadUrlList.length === 2 && b.uploadUrlList.every((u) => typeof u === 'string' && u.trim() !== '')
						? undefined
						: fail(400, 'uploadUrlList must contain exactly 2 URLs'),
				required(b, 'model'),
				lengths(b, true),
			),
	},
	'/api/v1/generate/replace-section': {
		kind: 'music',
		operationType: 'replace_section',
		costTenths: MUSIC,
		validate: (b) =>
			first(
				callBack(b),
				required(b, 'prompt'),
				required(b, 'tags'),
				required(b, 'title'),
				() => (typeof b.infillStartS === 'number' && b.infillStartS >= 0 ? undefined : fail(400, 'infillStartS must be a number >= 0')),
				() => (typeof b.infillEndS === 'number' ? undefined : fail(400, 'infillEndS must be a number')),
				() => ((b.infillStartS as number) < (b.infillEndS as number) ? undefined : fail(400, 'infillStartS must be less than infillEndS')),
				() => {
					const bySource = !absent(b.taskId) && !absent(b.audioId);
					const byUpload = !absent(b.uploadUrl) && !absent(b.model);
					return bySource !== byUpload ? undefined : fail(400, 'Provide either taskId and audioId, or uploadUrl and model');
				},
			),
	},
	'/api/v1/generate/sounds': {
		kind: 'music',
		operationType: 'sounds',
		costTenths: MUSIC,
		validate: (b) =>
			first(callBack(b), required(b, 'prompt'), required(b, 'model'), () =>
				typeof b.prompt === 'string' && b.prompt.length > 500 ? fail(413, 'prompt is too long: at most 500 characters') : undefined,
			),
	},
	'/api/v1/lyrics': {
		kind: 'lyrics',
		operationType: 'lyrics',
		costTenths: 4,
		validate: (b) =>
			first(callBack(b), required(b, 'prompt'), () =>
				typeof b.prompt === 'string' && b.prompt.trim().split(/\s+/).length > 200 ? fail(413, 'prompt is too long: at most 200 words') : undefined,
			),
	},
};
