import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../descriptions/common';

import * as generateLyrics from './generateLyrics.operation';
import * as getLyricsDetails from './getLyricsDetails.operation';
import * as getTimestampedLyrics from './getTimestampedLyrics.operation';

export { generateLyrics, getLyricsDetails, getTimestampedLyrics };

export const description: INodeProperties[] = [
	operationProperty(
		'lyrics',
		[
			{
				name: 'Generate Lyrics',
				value: 'generateLyrics',
				action: 'Generate lyrics',
				description: 'Write song lyrics from a prompt, one item per lyric variant',
			},
			{
				name: 'Get Lyrics Details',
				value: 'getLyricsDetails',
				action: 'Get lyrics details',
				description: 'Get a lyrics task and its variants, optionally waiting until done',
			},
			{
				name: 'Get Timestamped Lyrics',
				value: 'getTimestampedLyrics',
				action: 'Get timestamped lyrics',
				description: 'Get the words of a track with their start and end times, optionally as .lrc and .srt files',
			},
		],
		'generateLyrics',
	),
	...generateLyrics.description,
	...getLyricsDetails.description,
	...getTimestampedLyrics.description,
];
