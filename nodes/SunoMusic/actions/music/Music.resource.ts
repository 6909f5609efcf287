import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../descriptions/common';

import * as addInstrumental from './addInstrumental.operation';
import * as addVocals from './addVocals.operation';
import * as extend from './extend.operation';
import * as generate from './generate.operation';
import * as generateSounds from './generateSounds.operation';
import * as getGenerationDetails from './getGenerationDetails.operation';
import * as mashup from './mashup.operation';
import * as replaceSection from './replaceSection.operation';
import * as uploadAndCover from './uploadAndCover.operation';
import * as uploadAndExtend from './uploadAndExtend.operation';

export {
	addInstrumental,
	addVocals,
	extend,
	generate,
	generateSounds,
	getGenerationDetails,
	mashup,
	replaceSection,
	uploadAndCover,
	uploadAndExtend,
};

export const description: INodeProperties[] = [
	operationProperty(
		'music',
		[
			{
				name: 'Add Instrumental',
				value: 'addInstrumental',
				action: 'Add an instrumental to vocals',
				description: 'Create a backing track for a vocal recording',
			},
			{
				name: 'Add Vocals',
				value: 'addVocals',
				action: 'Add vocals to an instrumental',
				description: 'Sing lyrics over an instrumental track',
			},
			{
				name: 'Extend',
				value: 'extend',
				action: 'Extend a track',
				description: 'Continue a generated track',
			},
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate music',
				description: 'Create two tracks from a description, or from your own lyrics, style and title',
			},
			{
				name: 'Generate Sounds',
				value: 'generateSounds',
				action: 'Generate sounds',
				description: 'Create sound effects and loops',
			},
			{
				name: 'Get Generation Details',
				value: 'getGenerationDetails',
				action: 'Get generation details',
				description: 'Get a music task and its tracks, one item per track, optionally waiting until done',
			},
			{
				name: 'Mashup',
				value: 'mashup',
				action: 'Mash up two audio files',
				description: 'Blend two audio files into one song',
			},
			{
				name: 'Replace Section',
				value: 'replaceSection',
				action: 'Replace a section of a track',
				description: 'Regenerate a time range of a track or of an audio file',
			},
			{
				name: 'Upload and Cover',
				value: 'uploadAndCover',
				action: 'Cover an audio file',
				description: 'Make a new version of an audio file in another style',
			},
			{
				name: 'Upload and Extend',
				value: 'uploadAndExtend',
				action: 'Extend an audio file',
				description: 'Continue an audio file of your own',
			},
		],
		'getGenerationDetails',
	),
	...addInstrumental.description,
	...addVocals.description,
	...extend.description,
	...generate.description,
	...generateSounds.description,
	...getGenerationDetails.description,
	...mashup.description,
	...replaceSection.description,
	...uploadAndCover.description,
	...uploadAndExtend.description,
];
