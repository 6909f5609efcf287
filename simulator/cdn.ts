import { textReply } from './http';
import type { Reply } from './http';
import { sizedMp3 } from './media';
import type { MediaAssets } from './media';
import { completeTrackCount, tracksVisible } from './tasks';
import type { MusicStatus, Task } from './tasks';
import { safeDecode } from './uploads';
import type { StoredUpload } from './uploads';

export interface CdnContext {
	assets: MediaAssets;
	uploads: Map<string, StoredUpload>;
	findTrack(id: string): { task: Task; index: number } | undefined;
	status(task: Task): MusicStatus;
}

type Media = 'audio' | 'stream' | 'image';

/** Which track and medium a CDN path names; the track id doubles as the request's taskId lookup key. */
export function parseCdnPath(path: string, query: Record<string, string>): { media: Media; id: string } | undefined {
	let m: RegExpExecArray | null;
	if ((m = /^\/(?:audio|source)\/([0-9a-f-]+)\.mp3$/i.exec(path))) return { media: 'audio', id: m[1] };
	if ((m = /^\/stream\/([0-9a-f-]+)$/i.exec(path))) return { media: 'stream', id: m[1] };
	if (path === '/source-stream' && query.item_id) return { media: 'stream', id: query.item_id };
	if ((m = /^\/(?:image\/|source\/image_)([0-9a-f-]+)\.jpeg$/i.exec(path))) return { media: 'image', id: m[1] };
	return undefined;
}

const NOT_FOUND = textReply(404, 'Not Found');

export function cdnReply(ctx: CdnContext, method: string, path: string, query: Record<string, string>): Reply {
	if (method !== 'GET' && method !== 'HEAD') return textReply(405, 'Method Not Allowed');
	if (path.startsWith('/uploads/')) {
		const stored = ctx.uploads.get(safeDecode(path.slice('/uploads/'.length)));
		return stored ? { status: 200, headers: { 'content-type': stored.mimeType }, body: stored.data } : NOT_FOUND;
	}
	const target = parseCdnPath(path, query);
	const found = target && ctx.findTrack(target.id);
	if (!target || !found) return NOT_FOUND;
	const status = ctx.status(found.task);
	if (target.media === 'image') {
		return tracksVisible(found.task, status) ? { status: 200, headers: { 'content-type': 'image/jpeg' }, body: ctx.assets.jpeg } : NOT_FOUND;
	}
	const ready = target.media === 'audio' ? found.index < completeTrackCount(found.task, status) : tracksVisible(found.task, status);
	if (!ready) return NOT_FOUND;
	const size = found.task.audioBytes;
	const headers: Record<string, string | number> = { 'content-type': 'audio/mpeg' };
	// Streams are sent chunked, like a live audio pipe; finished files carry their length.
	if (target.media === 'audio') headers['content-length'] = size ?? ctx.assets.mp3.length;
	if (size === undefined) return { status: 200, headers, chunks: [ctx.assets.mp3] };
	return { status: 200, headers, chunks: sizedMp3(ctx.assets, size) };
}
