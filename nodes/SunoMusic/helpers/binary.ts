import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError, randomString } from 'n8n-workflow';

import type { DownloadSettings } from '../descriptions/common';
import { AUDIO_SOURCE_BINARY } from '../descriptions/fields';
import { invalidItem, isEmpty, isHttpUrl } from './body';
import type { RunContext } from './run';
import type { WaitFor } from './status';
import { downloadLimitFor } from './limit';

/** What prepareBinaryData accepts besides a Buffer: a stream, written to n8n's binary store as it arrives. */
type ByteStream = Exclude<Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0], Buffer>;

const MB = 1024 * 1024;

export function formatBytes(bytes: number): string {
	if (bytes >= MB) return `${Math.round((bytes / MB) * 100) / 100} MB`;
	if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
	return `${bytes} bytes`;
}

const EXTENSIONS: Record<string, string> = {
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/mp4': 'm4a',
	'audio/x-m4a': 'm4a',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
	'image/jpeg': 'jpeg',
	'image/png': 'png',
	'image/webp': 'webp',
	'video/mp4': 'mp4',
};

function mimeOf(header: unknown): string | undefined {
	const value = String(Array.isArray(header) ? header[0] : (header ?? ''))
		.split(';')[0]
		.trim()
		.toLowerCase();
	return value === '' || value === 'application/octet-stream' ? undefined : value;
}

function extensionFor(mimeType: string, url: string): string {
	const known = EXTENSIONS[mimeType];
	if (known) return known;
	const fromPath = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1];
	return fromPath?.toLowerCase() ?? 'bin';
}

/** A file name stem from a track title and ID; no path separators, so n8n keeps it whole. */
export function fileStem(title: unknown, id: unknown): string {
	const cleaned = String(title ?? '')
		.replace(/[^\p{L}\p{N} _.-]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 80)
		.trim();
	const suffix = String(id ?? '').replace(/[^A-Za-z0-9_-]+/g, '');
	return [cleaned || 'suno', suffix].filter((part) => part !== '').join('-');
}

/**
 * Counts the bytes of a stream as its consumer reads them and destroys it past `maxBytes`.
 * Community nodes may not import `stream`, so there is no Transform to put in between; every
 * Readable emits 'data' for each chunk it hands out, in flowing and in paused mode alike.
 */
function capStream(stream: ByteStream, maxBytes: number, tooLarge: () => Error): { exceeded: () => boolean } {
	let seen = 0;
	let exceeded = false;
	const emit = stream.emit.bind(stream) as (event: string | symbol, ...args: unknown[]) => boolean;
	stream.emit = ((event: string | symbol, ...args: unknown[]) => {
		if (event === 'data' && !exceeded) {
			seen += (args[0] as { length: number }).length;
			if (seen > maxBytes) {
				exceeded = true;
				stream.destroy(tooLarge());
				return false;
			}
		}
		return emit(event, ...args);
	}) as typeof stream.emit;
	return { exceeded: () => exceeded };
}

export interface DownloadRequest {
	url: string;
	/** Says what the file is in messages, e.g. "audio of track 8f2e…". */
	what: string;
	fileStem: string;
	fallbackMimeType: string;
	maxBytes: number;
	timeoutMs: number;
}

interface StreamResponse {
	statusCode: number;
	headers: IDataObject;
	body: ByteStream;
}

/**
 * Downloads a public file (a CDN link from Suno) into n8n's binary store as it streams in.
 * Plain httpRequest on purpose: these hosts need no key, so none is ever sent to them.
 */
export async function downloadFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: DownloadRequest,
): Promise<IBinaryData> {
	return await downloadLimitFor(ctx).run(async () => await fetchIntoBinary(ctx, itemIndex, request));
}

async function fetchIntoBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: DownloadRequest,
): Promise<IBinaryData> {
	const { url, what, maxBytes } = request;
	if (!isHttpUrl(url)) {
		throw invalidItem(ctx, itemIndex, `the ${what} URL "${url}" is not an http(s) address, so it was not downloaded`);
	}
	const host = new URL(url).host;
	const tooLarge = (size?: number) =>
		new NodeOperationError(
			ctx.getNode(),
			`Item ${itemIndex}: the ${what} from ${host} is ${size === undefined ? 'larger than' : `${formatBytes(size)}, over`} the ${formatBytes(maxBytes)} limit`,
			{
				itemIndex,
				description: 'Raise Max File Size in Download Options, or turn off Download Audio and use the URL instead.',
			},
		);
	const failed = (reason: string) =>
		new NodeOperationError(
			ctx.getNode(),
			`Item ${itemIndex}: the ${what} could not be downloaded from ${host}: ${reason}`,
			{
				itemIndex,
				description:
					'Suno keeps generated files for about 14 days. Fetch the task again with Get Generation Details for fresh links.',
			},
		);
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs,
		sendCredentialsOnCrossOriginRedirect: false,
		abortSignal: ctx.getExecutionCancelSignal?.() as IHttpRequestOptions['abortSignal'],
	};
	const response = (await ctx.helpers.httpRequest(options).catch((error: Error) => {
		throw failed(error.message);
	})) as StreamResponse;
	const { statusCode, headers, body } = response;
	if (statusCode >= 400) {
		body.destroy();
		throw failed(`HTTP ${statusCode}`);
	}
	const declared = Number(headers['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) {
		body.destroy();
		throw tooLarge(declared);
	}
	const mimeType = mimeOf(headers['content-type']) ?? request.fallbackMimeType;
	const cap = capStream(body, maxBytes, () => tooLarge());
	try {
		return await ctx.helpers.prepareBinaryData(body, `${request.fileStem}.${extensionFor(mimeType, url)}`, mimeType);
	} catch (error) {
		if (cap.exceeded()) throw tooLarge();
		throw failed((error as Error).message);
	}
}

const WAIT_FOR_TEXT: Record<WaitFor, string> = {
	complete: 'All Tracks Complete',
	firstTrack: 'First Track Complete',
	streams: 'Streams Ready',
};

/**
 * Adds each track's audio (and, if asked, cover image) to its item as binary data. A track whose
 * final file is not there yet, e.g. when waiting only for the first track or for streams, keeps
 * its item without audio and says so in `downloadNote`.
 */
export async function attachTrackFiles(
	ctx: IExecuteFunctions,
	itemIndex: number,
	items: INodeExecutionData[],
	settings: DownloadSettings,
	waitFor?: WaitFor,
): Promise<INodeExecutionData[]> {
	const attached: INodeExecutionData[] = [];
	for (const item of items) {
		const track = item.json;
		const binary: Record<string, IBinaryData> = {};
		const download = async (url: unknown, kind: string, fallbackMimeType: string) =>
			await downloadFile(ctx, itemIndex, {
				url: String(url),
				what: `${kind} of track ${String(track.audioId)} (task ${String(track.taskId)})`,
				fileStem: fileStem(track.title, track.audioId),
				fallbackMimeType,
				maxBytes: settings.maxBytes,
				timeoutMs: settings.timeoutMs,
			});
		if (!isEmpty(track.audioUrl))
			binary[settings.audioProperty] = await download(track.audioUrl, 'audio', 'audio/mpeg');
		if (settings.coverProperty && !isEmpty(track.imageUrl)) {
			binary[settings.coverProperty] = await download(track.imageUrl, 'cover image', 'image/jpeg');
		}
		const audioDownloaded = binary[settings.audioProperty] !== undefined;
		const json: IDataObject = { ...track, audioDownloaded };
		if (!audioDownloaded) {
			const waited = waitFor && waitFor !== 'complete' ? ` (Wait For: ${WAIT_FOR_TEXT[waitFor]})` : '';
			json.downloadNote =
				track.trackIndex === null
					? 'The task has no tracks yet, so nothing was downloaded.'
					: `The final audio of this track was not ready yet${waited}, so it was not downloaded. Run Get Generation Details with Download Audio later.`;
		}
		attached.push({
			...item,
			json,
			...(Object.keys(binary).length > 0 ? { binary } : {}),
		});
	}
	return attached;
}

/** A text file (e.g. .lrc or .srt) as binary data. */
export async function textFile(
	ctx: IExecuteFunctions,
	content: string,
	fileName: string,
	mimeType: string,
): Promise<IBinaryData> {
	return await ctx.helpers.prepareBinaryData(Buffer.from(content, 'utf8'), fileName, mimeType);
}

// ---- audio input --------------------------------------------------------------------------------

export const FILE_STREAM_UPLOAD_PATH = '/api/file-stream-upload';

/** One input audio: a URL to pass on, or a binary field of the item to upload first. */
export type AudioSource = { kind: 'url'; url: string } | { kind: 'binary'; propertyName: string };

/**
 * Checks a source before anything is sent: a URL must be http(s), a binary field must exist on the
 * item. `label` names the source in messages, e.g. "Audio URL" or "Source 2".
 */
export function checkAudioSource(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: IDataObject,
	label: string,
): AudioSource {
	if (value.audioSource === AUDIO_SOURCE_BINARY) {
		const propertyName = String(value.binaryPropertyName ?? '').trim() || 'data';
		ctx.helpers.assertBinaryData(itemIndex, propertyName);
		return { kind: 'binary', propertyName };
	}
	const url = String(value.uploadUrl ?? '').trim();
	if (!url) throw invalidItem(ctx, itemIndex, `${label} is empty`, 'Give a public http(s) address of the audio file.');
	if (!isHttpUrl(url)) {
		throw invalidItem(
			ctx,
			itemIndex,
			`${label} "${url}" is not an http(s) URL`,
			'Give a public http(s) address of the audio file.',
		);
	}
	return { kind: 'url', url };
}

/** Reads the single-source fields from the node's face. */
export function readAudioSource(ctx: IExecuteFunctions, itemIndex: number): AudioSource {
	const value: IDataObject = {
		audioSource: ctx.getNodeParameter('audioSource', itemIndex, 'url'),
		uploadUrl: ctx.getNodeParameter('uploadUrl', itemIndex, ''),
		binaryPropertyName: ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
	};
	return checkAudioSource(ctx, itemIndex, value, 'Audio URL');
}

function uploadFileName(binary: IBinaryData, itemIndex: number): string {
	const named = String(binary.fileName ?? '')
		.replace(/[\\/]+/g, '_')
		.trim();
	return named || `audio-${itemIndex}.${binary.fileExtension ?? 'mp3'}`;
}

/**
 * The URL Suno is given for a source. A binary is sent to the file-upload API (multipart
 * /api/file-stream-upload, through the one transport with the user's key) under a fresh folder, so
 * items never overwrite each other's files; its downloadUrl is what Suno then fetches.
 */
export async function sourceUrl(
	ctx: IExecuteFunctions,
	run: RunContext,
	itemIndex: number,
	source: AudioSource,
	timeoutMs: number,
): Promise<string> {
	if (source.kind === 'url') return source.url;
	const binary = ctx.helpers.assertBinaryData(itemIndex, source.propertyName);
	const content = await ctx.helpers.getBinaryDataBuffer(itemIndex, source.propertyName);
	const fileName = uploadFileName(binary, itemIndex);
	const form = new FormData();
	const parts = [content] as unknown as ConstructorParameters<typeof Blob>[0];
	form.append('file', new Blob(parts, { type: binary.mimeType || 'application/octet-stream' }), fileName);
	form.append('uploadPath', `n8n-suno/${randomString(16).toLowerCase()}`);
	form.append('fileName', fileName);
	// An upload to a fresh folder is free and idempotent, so it may be retried like a read.
	const data = await run.client.request<IDataObject | null>({
		method: 'POST',
		path: FILE_STREAM_UPLOAD_PATH,
		host: 'upload',
		kind: 'read',
		body: form,
		timeoutMs,
	});
	const downloadUrl = String(data?.downloadUrl ?? '');
	if (!isHttpUrl(downloadUrl)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Item ${itemIndex}: the file host accepted "${fileName}" but sent no download URL for it`,
			{
				itemIndex,
				description: 'Check the File Upload Base URL in the Suno API credential.',
			},
		);
	}
	return downloadUrl;
}
