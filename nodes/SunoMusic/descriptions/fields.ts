import type { INodeProperties } from 'n8n-workflow';

import type { LengthLimit } from './models';
import { PERSONA_MODEL_OPTIONS, SOUND_KEY_OPTIONS, VOCAL_GENDER_OPTIONS } from './models';

/** Values of the node's top-level parameters under which a field applies; it is shown and sent only then. */
export type When = Record<string, Array<string | boolean>>;

/** A model ability a field needs; fields the chosen model lacks are refused before the request. */
export type Capability = 'v6' | 'duration';

/** What a value is checked against before anything is sent. */
export interface FieldRule {
	/** Characters, per model. */
	limit?: LengthLimit;
	/** Characters, whatever the model. */
	maxLength?: number;
	maxWords?: number;
	min?: number;
	max?: number;
	/** The value must be greater than this (not equal). */
	above?: number;
	integer?: boolean;
	/** A comma- or newline-separated list of http(s) URLs, sent as an array. */
	urlList?: { max?: number };
	/** A single http(s) URL. */
	url?: boolean;
	needs?: Capability;
}

/** One request-body field: how it is shown, where, when it applies and how it is checked. */
export interface Field {
	property: INodeProperties;
	/** The request-body key; the parameter name when not given. */
	api?: string;
	/** Inside the Options collection instead of on the node's face. */
	option?: boolean;
	when?: When;
	rule?: FieldRule;
	/** Sent as "" when empty instead of being left out (Suno requires it present). */
	sendEmpty?: boolean;
}

export interface Placement {
	when?: When;
	option?: boolean;
}

export function apiName(field: Field): string {
	return field.api ?? field.property.name;
}

function place(
	property: INodeProperties,
	rule: FieldRule | undefined,
	at: Placement,
	extra: Partial<Field> = {},
): Field {
	return { property, rule, ...at, ...extra };
}

function text(name: string, displayName: string, description: string, placeholder: string, rows = 1): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder,
		description,
		...(rows > 1 ? { typeOptions: { rows } } : {}),
	};
}

function flag(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'boolean', default: false, description };
}

// ---- mode switches ------------------------------------------------------------------------------

export function customModeField(): Field {
	return place(
		flag(
			'customMode',
			'Custom Mode',
			'Whether to write the lyrics, style and title yourself; off means Suno writes them from a short description',
		),
		undefined,
		{},
	);
}

export function instrumentalField(at: Placement = {}): Field {
	return place(flag('instrumental', 'Instrumental', 'Whether the music has no vocals'), undefined, at);
}

export function customParametersField(): Field {
	return place(
		flag(
			'defaultParamFlag',
			'Use Custom Parameters',
			'Whether to give new lyrics, style, title and start time; off continues with the source track’s own',
		),
		undefined,
		{},
	);
}

// ---- content ------------------------------------------------------------------------------------

export function songDescriptionField(at: Placement = {}): Field {
	return place(
		text(
			'prompt',
			'Song Description',
			'What the song should be about; Suno writes lyrics, style and title from it',
			'e.g. A calm piano piece about a rainy evening in the city',
			4,
		),
		{ limit: 'description' },
		at,
	);
}

export function lyricsField(at: Placement = {}, name = 'prompt'): Field {
	return place(
		text(
			name,
			'Lyrics',
			'The words to sing, exactly as written; section tags such as [Verse] and [Chorus] are allowed',
			'e.g. [Verse] City lights are humming low',
			8,
		),
		{ limit: 'lyrics' },
		at,
		name === 'prompt' ? {} : { api: 'lyrics' },
	);
}

/** Style goes out as `style` on most endpoints and as `tags` on add-instrumental and replace-section. */
export function styleField(at: Placement = {}, api: 'style' | 'tags' = 'style'): Field {
	return place(
		text(api, 'Style', 'Genres, moods and instruments', 'e.g. synthwave, dreamy, female vocals'),
		{ limit: 'style' },
		at,
	);
}

export function titleField(at: Placement = {}): Field {
	return place(text('title', 'Title', 'The title of the track', 'e.g. Neon Harbor'), { limit: 'title' }, at);
}

export function negativeTagsField(at: Placement = {}, sendEmpty = false): Field {
	return place(
		text('negativeTags', 'Negative Tags', 'Styles to keep out of the music', 'e.g. heavy metal, screaming'),
		{ limit: 'negativeTags' },
		at,
		{ sendEmpty },
	);
}

// ---- tuning -------------------------------------------------------------------------------------

function weight(name: string, displayName: string, description: string, at: Placement): Field {
	return place(
		{
			displayName,
			name,
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			default: 0.5,
			description,
		},
		{ min: 0, max: 1 },
		{ ...at, option: true },
	);
}

/** Vocal gender and the three weights, which Suno takes in custom mode. */
export function tuningFields(when?: When, withVocalGender = true): Field[] {
	const vocalGender = place(
		{
			displayName: 'Vocal Gender',
			name: 'vocalGender',
			type: 'options',
			options: VOCAL_GENDER_OPTIONS,
			default: 'f',
			description: 'Makes a voice of this gender more likely; it is not guaranteed',
		},
		undefined,
		{ when, option: true },
	);
	return [
		...(withVocalGender ? [vocalGender] : []),
		weight('styleWeight', 'Style Weight', 'How closely to follow the style, from 0 to 1', { when }),
		weight('weirdnessConstraint', 'Weirdness Constraint', 'How far the music may wander, from 0 to 1', { when }),
		weight('audioWeight', 'Audio Weight', 'How much the audio input counts, from 0 to 1 (not used without vocals)', {
			when,
		}),
	];
}

export function personaFields(): Field[] {
	return [
		place(
			text('personaId', 'Persona ID', 'A Persona ID from Generate Persona, or a Suno Voice ID', 'e.g. a1b2c3d4e5f6'),
			undefined,
			{ option: true },
		),
		place(
			{
				displayName: 'Persona Model',
				name: 'personaModel',
				type: 'options',
				options: PERSONA_MODEL_OPTIONS,
				default: 'style_persona',
				description: 'Which kind of ID Persona ID is',
			},
			undefined,
			{ option: true },
		),
	];
}

export function varietyField(): Field {
	return place(
		{
			displayName: 'Variety',
			name: 'variety',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 4, numberPrecision: 0 },
			default: 1,
			description: 'How different the two tracks may be: 0 off, 1 normal, 2 high, 3 extra, 4 maximum (V6 models)',
		},
		{ min: 0, max: 4, integer: true, needs: 'v6' },
		{ option: true },
	);
}

export function durationField(when?: When): Field {
	return place(
		{
			displayName: 'Duration (Seconds)',
			name: 'duration',
			type: 'number',
			typeOptions: { minValue: 10, maxValue: 360 },
			default: 120,
			description: 'Requested track length, 10 to 360 seconds (V5.5 and V6 models)',
		},
		{ min: 10, max: 360, needs: 'duration' },
		{ when, option: true },
	);
}

function urlList(name: string, displayName: string, description: string, max: number | undefined, when?: When): Field {
	return place(
		text(name, displayName, description, 'e.g. https://example.com/reference.jpg'),
		{ urlList: { max }, needs: 'v6' },
		{ when, option: true },
	);
}

/** Reference media for V6 simple mode. */
export function referenceUrlFields(when?: When): Field[] {
	return [
		urlList(
			'audioUrls',
			'Reference Audio URLs',
			'Audio to take inspiration from, comma-separated (V6)',
			undefined,
			when,
		),
		urlList('imageUrls', 'Reference Image URLs', 'Up to 5 images, comma-separated (V6)', 5, when),
		urlList('videoUrls', 'Reference Video URL', 'One video, up to 100 MB and 241 seconds (V6)', 1, when),
	];
}

// ---- positions and IDs --------------------------------------------------------------------------

export function secondsField(
	name: string,
	displayName: string,
	description: string,
	rule: FieldRule,
	when?: When,
): Field {
	return place(
		{
			displayName,
			name,
			type: 'number',
			required: true,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description,
		},
		rule,
		{ when },
	);
}

export function idField(
	name: string,
	displayName: string,
	description: string,
	placeholder: string,
	when?: When,
): Field {
	return place({ ...text(name, displayName, description, placeholder), required: true }, undefined, { when });
}

export function callBackUrlField(): Field {
	return place(
		text(
			'callBackUrl',
			'Callback URL',
			'Where Suno posts progress for this task, e.g. an n8n Webhook URL. Without it a placeholder address is sent, since Suno refuses a request without one.',
			'e.g. https://n8n.example.com/webhook/suno',
		),
		{ url: true },
		{ option: true },
	);
}

// ---- layout -------------------------------------------------------------------------------------

function withRoot(when: When): When {
	return Object.fromEntries(Object.entries(when).map(([key, values]) => [`/${key}`, values]));
}

/** Face fields keep their order; each gets the display condition of its `when`. */
export function faceProperty(entry: Field | INodeProperties): INodeProperties {
	if (!('property' in entry)) return entry;
	return entry.when ? { ...entry.property, displayOptions: { show: entry.when } } : entry.property;
}

/** The Options collection: option fields and plain options, alphabetical, each shown only where it applies. */
export function optionsCollection(fields: Field[], plain: INodeProperties[] = []): INodeProperties {
	const fromFields = fields.map((field) =>
		field.when ? { ...field.property, displayOptions: { show: withRoot(field.when) } } : field.property,
	);
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...fromFields, ...plain].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

// ---- audio input --------------------------------------------------------------------------------

export const AUDIO_SOURCE_URL = 'url';
export const AUDIO_SOURCE_BINARY = 'binary';

/** Where an input audio file comes from: a public URL, or a binary field uploaded to Suno's file host. */
export function audioSourceProperties(when: When = {}): INodeProperties[] {
	const shown = (extra: When) => ({
		displayOptions: { show: { ...when, ...extra } },
	});
	return [
		{
			displayName: 'Audio Source',
			name: 'audioSource',
			type: 'options',
			options: [
				{
					name: 'Binary File',
					value: AUDIO_SOURCE_BINARY,
					description: 'A file of the input item, uploaded to Suno’s temporary file host (kept 3 days)',
				},
				{
					name: 'URL',
					value: AUDIO_SOURCE_URL,
					description: 'A public address Suno can download',
				},
			],
			default: AUDIO_SOURCE_URL,
			...(Object.keys(when).length > 0 ? { displayOptions: { show: when } } : {}),
		},
		{
			displayName: 'Audio URL',
			name: 'uploadUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/song.mp3',
			description: 'A public http(s) address of the audio file',
			...shown({ audioSource: [AUDIO_SOURCE_URL] }),
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			placeholder: 'e.g. data',
			hint: 'The name of the input binary field holding the audio file',
			description: 'The binary field of the input item with the audio file to send',
			...shown({ audioSource: [AUDIO_SOURCE_BINARY] }),
		},
	];
}

// ---- groups shared by several operations --------------------------------------------------------

const CUSTOM: When = { customMode: [true] };
const SIMPLE: When = { customMode: [false] };
const NEW_PARAMETERS: When = { defaultParamFlag: [true] };

/** Mode switches and the song text of Generate and Upload and Cover. */
export function songContentFields(): Field[] {
	return [
		customModeField(),
		instrumentalField(),
		songDescriptionField({ when: SIMPLE }),
		lyricsField({ when: { ...CUSTOM, instrumental: [false] } }),
		styleField({ when: CUSTOM }),
		titleField({ when: CUSTOM }),
	];
}

/** Options Suno takes only in custom mode (or, for extends, with custom parameters). */
export function customOnlyOptions(when: When): Field[] {
	return [negativeTagsField({ when, option: true }), ...tuningFields(when)];
}

export const customModeOptions = (): Field[] => [...customOnlyOptions(CUSTOM), durationField(CUSTOM)];

/** What V6 models take as attachments in simple mode: reference media, a style and lyrics. */
export function simpleModeAttachments(): Field[] {
	const v6Only = (field: Field): Field => ({
		...field,
		rule: { ...field.rule, needs: 'v6' },
	});
	return [
		...referenceUrlFields(SIMPLE),
		v6Only(styleField({ when: SIMPLE, option: true })),
		v6Only(lyricsField({ when: SIMPLE, option: true }, 'lyrics')),
	];
}

/** Extend and Upload and Extend: keep the source's parameters, or give new ones. */
export function extendFields(withInstrumental: boolean): Field[] {
	const sung = withInstrumental ? { ...NEW_PARAMETERS, instrumental: [false] } : NEW_PARAMETERS;
	return [
		...(withInstrumental ? [instrumentalField()] : []),
		customParametersField(),
		lyricsField({ when: sung }),
		styleField({ when: NEW_PARAMETERS }),
		titleField({ when: NEW_PARAMETERS }),
		secondsField(
			'continueAt',
			'Continue At (Seconds)',
			'Where in the source track the extension starts, in seconds',
			{ above: 0 },
			NEW_PARAMETERS,
		),
	];
}

export const extendOptions = (): Field[] => [...customOnlyOptions(NEW_PARAMETERS), ...personaFields()];

/** Add Instrumental and Add Vocals: the API requires negativeTags present, so "" is sent when empty. */
export const requiredNegativeTagsField = (): Field => negativeTagsField({}, true);

// ---- sounds -------------------------------------------------------------------------------------

export function soundFields(): Field[] {
	return [
		place(
			{
				...text(
					'prompt',
					'Sound Description',
					'The sound, loop or effect to make, up to 500 characters',
					'e.g. Rain on a tin roof with distant thunder',
					3,
				),
				required: true,
			},
			{ maxLength: 500 },
			{},
		),
	];
}

export function soundOptions(): Field[] {
	return [
		place(flag('soundLoop', 'Loop', 'Whether the sound should loop seamlessly'), undefined, { option: true }),
		place(
			{
				displayName: 'Tempo (BPM)',
				name: 'soundTempo',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 300, numberPrecision: 0 },
				default: 120,
				description: 'Beats per minute, 1 to 300; leave out to let Suno choose',
			},
			{ min: 1, max: 300, integer: true },
			{ option: true },
		),
		place(
			{
				displayName: 'Key',
				name: 'soundKey',
				type: 'options',
				options: SOUND_KEY_OPTIONS,
				default: 'Any',
				description: 'The musical key of the sound',
			},
			undefined,
			{ option: true },
		),
		place(flag('grabLyrics', 'Grab Lyrics', 'Whether Suno should also return lyrics for the sound'), undefined, {
			option: true,
		}),
	];
}

// ---- replace section ----------------------------------------------------------------------------

export const SECTION_OF_TRACK = 'track';
export const SECTION_OF_FILE = 'file';

export function sectionSourceProperty(): INodeProperties {
	return {
		displayName: 'Source',
		name: 'sourceMode',
		type: 'options',
		options: [
			{
				name: 'Audio File',
				value: SECTION_OF_FILE,
				description: 'An audio file of your own, by URL or binary',
			},
			{
				name: 'Generated Track',
				value: SECTION_OF_TRACK,
				description: 'A track of a Suno music task',
			},
		],
		default: SECTION_OF_TRACK,
	};
}

export function sectionFields(): Field[] {
	const ofTrack: When = { sourceMode: [SECTION_OF_TRACK] };
	return [
		idField(
			'taskId',
			'Task ID',
			'The music task the track belongs to',
			'e.g. a35d6710b5e21873b4f5960c7f32f491',
			ofTrack,
		),
		idField(
			'audioId',
			'Audio ID',
			'The audioId of the track to change',
			'e.g. 8f2e0c1a-5b7d-4c3e-9a10-2b6f4e8d1c37',
			ofTrack,
		),
	];
}

export function sectionContentFields(): Field[] {
	return [
		place(
			{
				...text('prompt', 'Prompt', 'What the new section should sound like', 'e.g. A soaring guitar solo', 4),
				required: true,
			},
			{ limit: 'lyrics' },
			{},
		),
		styleField({}, 'tags'),
		titleField(),
		secondsField('infillStartS', 'Start (Seconds)', 'Where the section to replace starts', { min: 0 }),
		secondsField('infillEndS', 'End (Seconds)', 'Where the section to replace ends', { min: 0 }),
		place(
			text(
				'fullLyrics',
				'Full Lyrics',
				'The whole song’s lyrics with the new section in place (V6-era Suno requires it)',
				'e.g. [Verse] … [Chorus] …',
				8,
			),
			{ limit: 'lyrics' },
			{},
		),
	];
}

// ---- lyrics -------------------------------------------------------------------------------------

export function lyricsPromptField(): Field {
	return place(
		{
			...text(
				'prompt',
				'Prompt',
				'What the lyrics should be about, up to 200 words',
				'e.g. A song about a peaceful night in the city',
				4,
			),
			required: true,
		},
		{ maxWords: 200 },
		{},
	);
}
