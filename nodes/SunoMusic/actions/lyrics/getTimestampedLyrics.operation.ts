import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestTimeoutMs, requestTimeoutOption } from '../../descriptions/common';
import { faceProperty, idField, optionsCollection } from '../../descriptions/fields';
import { operationDescription, type OperationExecute } from '../../descriptions/operation';
import { fileStem, textFile } from '../../helpers/binary';
import { invalidItem } from '../../helpers/body';
import { toLrc, toSrt } from '../../helpers/lyricsFiles';
import { requireTaskId } from '../../helpers/musicTask';
import { lyricLines, normaliseTimestampedLyrics, type LyricLine } from '../../helpers/normalise';

export const TIMESTAMPED_LYRICS_PATH = '/api/v1/generate/get-timestamped-lyrics';

/** A synced-lyrics file the user can ask for, and how it is written. */
interface LyricsFile {
	kind: 'LRC' | 'SRT';
	use: string;
	mimeType: string;
	write: (lines: LyricLine[]) => string;
}

const FILES: LyricsFile[] = [
	{ kind: 'LRC', use: 'synced lyrics for music players', mimeType: 'text/plain', write: toLrc },
	{ kind: 'SRT', use: 'subtitles for video', mimeType: 'application/x-subrip', write: toSrt },
];

const ext = (file: LyricsFile) => file.kind.toLowerCase();
const flagName = (file: LyricsFile) => `add${file.kind[0]}${ext(file).slice(1)}`;
const fieldName = (file: LyricsFile) => `${ext(file)}PropertyName`;

function fileOptions(file: LyricsFile): INodeProperties[] {
	return [
		{
			displayName: `Add ${file.kind} File`,
			name: flagName(file),
			type: 'boolean',
			default: false,
			description: `Whether to also output the lyrics as an .${ext(file)} file (${file.use}) in a binary field`,
		},
		{
			displayName: `${file.kind} Field`,
			name: fieldName(file),
			type: 'string',
			default: ext(file),
			placeholder: `e.g. ${ext(file)}`,
			hint: `The name of the output binary field to put the .${ext(file)} file in`,
			displayOptions: { show: { [flagName(file)]: [true] } },
		},
	];
}

export const description = operationDescription('lyrics', 'getTimestampedLyrics', [
	faceProperty(
		idField('taskId', 'Task ID', 'The music task the track belongs to', 'e.g. a35d6710b5e21873b4f5960c7f32f491'),
	),
	faceProperty(idField('audioId', 'Audio ID', 'The audioId of the track', 'e.g. 8f2e0c1a-5b7d-4c3e-9a10-2b6f4e8d1c37')),
	optionsCollection(
		[],
		[
			...FILES.flatMap(fileOptions),
			{
				displayName: 'Include Waveform Data',
				name: 'includeWaveform',
				type: 'boolean',
				default: false,
				description: 'Whether to add Suno’s waveform numbers (one value per time slice) to the output',
			},
			requestTimeoutOption,
		],
	),
]);

async function lyricsFiles(
	ctx: IExecuteFunctions,
	options: IDataObject,
	lines: LyricLine[],
	audioId: string,
): Promise<Record<string, IBinaryData>> {
	const binary: Record<string, IBinaryData> = {};
	for (const file of FILES.filter((candidate) => options[flagName(candidate)] === true)) {
		const field = String(options[fieldName(file)] ?? '').trim() || ext(file);
		binary[field] = await textFile(
			ctx,
			file.write(lines),
			`${fileStem('lyrics', audioId)}.${ext(file)}`,
			file.mimeType,
		);
	}
	return binary;
}

/** POST /api/v1/generate/get-timestamped-lyrics: the words of a finished track with their times. */
export const execute: OperationExecute = async function (itemIndex, run) {
	const taskId = requireTaskId(this, itemIndex);
	const audioId = String(this.getNodeParameter('audioId', itemIndex, '') ?? '').trim();
	if (!audioId) throw invalidItem(this, itemIndex, 'Audio ID is empty', 'Map the audioId of a finished track.');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// A synchronous lookup that creates nothing, so it is retried like any read.
	const data = await run.client.request<IDataObject | null>({
		method: 'POST',
		path: TIMESTAMPED_LYRICS_PATH,
		body: { taskId, audioId },
		kind: 'read',
		timeoutMs: readRequestTimeoutMs(options),
	});
	const lyrics = normaliseTimestampedLyrics(data ?? {});
	const lines = lyricLines(lyrics.alignedWords);
	const json: IDataObject = {
		taskId,
		audioId,
		lines: lines as unknown as IDataObject[],
		alignedWords: lyrics.alignedWords as unknown as IDataObject[],
		hootCer: lyrics.hootCer,
		isStreamed: lyrics.isStreamed,
		...(options.includeWaveform === true ? { waveformData: lyrics.waveformData } : {}),
	};
	const binary = await lyricsFiles(this, options, lines, audioId);
	return [{ json, ...(Object.keys(binary).length > 0 ? { binary } : {}), pairedItem: { item: itemIndex } }];
};
