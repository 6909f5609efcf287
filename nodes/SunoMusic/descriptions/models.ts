import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The value of the model option that lets the user type a model ID that is not listed yet. */
export const CUSTOM_MODEL = 'custom';

export const DEFAULT_MODEL = 'V6';

/** Which length limit of a model a text field is held to. */
export type LengthLimit = 'lyrics' | 'description' | 'style' | 'title' | 'negativeTags';

/** What a model accepts (suno-api.md §3 and §5.1); checked before a request so a bad item costs no credit. */
export interface ModelLimits {
	/** Characters of sung lyrics (custom-mode prompt, lyrics fields). */
	lyrics: number;
	/** Characters of a simple-mode song description. */
	description: number;
	style: number;
	title: number;
	negativeTags: number;
	/** V6-era parameters: variety, reference URLs, lyrics in simple mode. */
	v6: boolean;
	/** Accepts a requested duration. */
	duration: boolean;
	/** Accepts personaModel voice_persona (a Suno Voice). */
	voicePersona: boolean;
}

const V6_FAMILY: ModelLimits = {
	lyrics: 5000,
	description: 3000,
	style: 1000,
	title: 80,
	negativeTags: 1000,
	v6: true,
	duration: true,
	voicePersona: true,
};

const V5_FAMILY: ModelLimits = {
	...V6_FAMILY,
	description: 500,
	title: 100,
	v6: false,
	duration: false,
};

/** The per-model limits, defined once. */
export const MODEL_LIMITS: Record<string, ModelLimits> = {
	V6: V6_FAMILY,
	V6_WILD: V6_FAMILY,
	V6_MINI: V6_FAMILY,
	V5_5: { ...V5_FAMILY, duration: true },
	V5: V5_FAMILY,
	V4_5PLUS: { ...V5_FAMILY, voicePersona: false },
	V4_5ALL: { ...V5_FAMILY, title: 80, voicePersona: false },
	V4_5: { ...V5_FAMILY, voicePersona: false },
	V4: {
		...V5_FAMILY,
		lyrics: 3000,
		style: 200,
		title: 80,
		voicePersona: false,
	},
};

/**
 * A model ID typed by the user is held only to what no Suno model exceeds, so a new model needs no
 * release of this node while an obviously broken value still costs no credit.
 */
export const ANY_MODEL_LIMITS: ModelLimits = {
	lyrics: 5000,
	description: 3000,
	style: 1000,
	title: 100,
	negativeTags: 1000,
	v6: true,
	duration: true,
	voicePersona: true,
};

/** The current V6 family first (newest first), then the deprecated models, then a free-text model. */
export const MODEL_OPTIONS: INodePropertyOptions[] = [
	{ name: 'V6', value: 'V6', description: 'Current default model' },
	{
		name: 'V6 Wild',
		value: 'V6_WILD',
		description: 'Current; bolder and more experimental',
	},
	{
		name: 'V6 Mini',
		value: 'V6_MINI',
		description: 'Current; lightweight and fast',
	},
	{ name: 'V5.5', value: 'V5_5', description: 'Deprecated by Suno' },
	{ name: 'V5', value: 'V5', description: 'Deprecated by Suno' },
	{ name: 'V4.5 Plus', value: 'V4_5PLUS', description: 'Deprecated by Suno' },
	{
		name: 'V4.5 All',
		value: 'V4_5ALL',
		description: 'Deprecated by Suno; uploads up to 1 minute',
	},
	{ name: 'V4.5', value: 'V4_5', description: 'Deprecated by Suno' },
	{ name: 'V4', value: 'V4', description: 'Deprecated by Suno' },
	{
		name: 'Custom Model ID',
		value: CUSTOM_MODEL,
		description: 'Type a model ID this list does not have yet; only generic limits are checked',
	},
];

export const VOCAL_GENDER_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Female', value: 'f' },
	{ name: 'Male', value: 'm' },
];

export const PERSONA_MODEL_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Style Persona',
		value: 'style_persona',
		description: 'A Persona made with Suno’s Generate Persona',
	},
	{
		name: 'Voice Persona',
		value: 'voice_persona',
		description: 'A Suno Voice ID (V5, V5.5 and V6 models only)',
	},
];

/** Suno's key list for sounds, in musical order. */
export const SOUND_KEY_OPTIONS: INodePropertyOptions[] = [
	'Any',
	'Cm',
	'C#m',
	'Dm',
	'D#m',
	'Em',
	'Fm',
	'F#m',
	'Gm',
	'G#m',
	'Am',
	'A#m',
	'Bm',
	'C',
	'C#',
	'D',
	'D#',
	'E',
	'F',
	'F#',
	'G',
	'G#',
	'A',
	'A#',
	'B',
].map((key) => ({ name: key, value: key }));

/** The model choice plus the free-text field it opens, shown under `when` (top-level values). */
export function modelProperties(description: string, when: Record<string, string[]> = {}): INodeProperties[] {
	const shown = Object.keys(when).length > 0 ? { displayOptions: { show: when } } : {};
	return [
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options: MODEL_OPTIONS,
			default: DEFAULT_MODEL,
			description,
			...shown,
		},
		{
			displayName: 'Custom Model ID',
			name: 'customModel',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. V6_5',
			description: 'The model ID exactly as Suno’s documentation spells it',
			displayOptions: { show: { ...when, model: [CUSTOM_MODEL] } },
		},
	];
}
