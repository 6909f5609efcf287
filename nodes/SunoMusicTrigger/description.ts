import type { INodeProperties } from 'n8n-workflow';

import { downloadProperties, outputOption, requestTimeoutOption } from '../SunoMusic/descriptions/common';
import { optionsCollection } from '../SunoMusic/descriptions/fields';

/** The query parameter that carries the secret: Suno takes only a URL, so the secret has to be in it. */
export const SECRET_QUERY_PARAMETER = 'secret';

/** Shorter secrets are refused when the workflow is activated and never accepted on a call. */
export const MIN_SECRET_LENGTH = 16;

/** The Events default; the property repeats it as a literal, which the lint rule for multiOptions wants. */
export const DEFAULT_EVENTS = ['complete', 'error'];

/** Suno callbacks are a few KB; anything near this is not from Suno. */
export const DEFAULT_MAX_BODY_KB = 1024;

export const properties: INodeProperties[] = [
	{
		displayName:
			'Give Suno this node’s Production URL with ?secret=<your secret> appended as the callBackUrl, e.g. in the Callback URL option of a Suno Music create operation',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'e.g. 3f9c2a7d81b64e0f9a1c5d2e7b8f4a60',
		description:
			'At least 16 random characters, also put in the URL as ?secret=…. Calls without it or with another value are refused with 401 and start nothing.',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{
				name: 'Complete',
				value: 'complete',
				description: 'The task is done: every track has its audio file, or the lyrics, WAV, stems, … are ready',
			},
			{
				name: 'Error',
				value: 'error',
				description:
					'The task failed; the item has Suno’s code and message and, for music, whether credits were refunded',
			},
			{
				name: 'First Track Done',
				value: 'first',
				description: 'Music only: the first track has its audio file, the other may not yet',
			},
			{
				name: 'Text Done',
				value: 'text',
				description: 'Music only: titles and stream URLs are there, no audio files yet',
			},
		],
		default: ['complete', 'error'],
		description: 'Which callbacks start the workflow; none selected means all of them',
	},
	{
		displayName: 'Task Kinds',
		name: 'kinds',
		type: 'multiOptions',
		options: [
			{ name: 'Cover Image', value: 'cover' },
			{ name: 'Lyrics', value: 'lyrics' },
			{ name: 'MIDI', value: 'midi' },
			{
				name: 'Music',
				value: 'music',
				description:
					'Generate, extend, cover, upload-extend, add vocals or instrumental, mashup, replace section, sounds',
			},
			{ name: 'Music Video (MP4)', value: 'mp4' },
			{ name: 'Recovered Audio', value: 'recovery' },
			{ name: 'Stems (Vocal Separation)', value: 'stems' },
			{ name: 'WAV', value: 'wav' },
		],
		default: [],
		description: 'Which kinds of task start the workflow; none selected means all of them',
	},
	...downloadProperties(false),
	optionsCollection(
		[],
		[
			{
				displayName: 'Max Body Size (KB)',
				name: 'maxBodyKb',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_BODY_KB,
				description: 'A larger body is refused with 413 and starts nothing; Suno callbacks are a few KB',
			},
			outputOption(
				'Music as Get Generation Details gives it (one item per track, camelCase, ISO times); other kinds in camelCase',
				{ name: 'Raw Callback', description: 'The body exactly as Suno sent it, one item per callback' },
			),
			{
				...requestTimeoutOption,
				displayName: 'Download Timeout (Seconds)',
				description: 'How long one file download may take before it is given up',
			},
		],
	),
];
