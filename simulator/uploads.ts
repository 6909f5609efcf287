import { createHash, randomBytes } from 'crypto';
import * as http from 'http';

import { loopbackAddress } from './callbacks';
import { jsonReply } from './http';
import type { Reply } from './http';
import type { UploadedFileSummary } from './types';

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

export interface MultipartFile {
	field: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

export interface Multipart {
	fields: Record<string, string>;
	files: MultipartFile[];
}

function param(header: string, name: string): string | undefined {
	const m = new RegExp(`(?:^|;)\\s*${name}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`(?:^|;)\\s*${name}=([^;]*)`, 'i').exec(header);
	return m ? m[1].trim() : undefined;
}

/** Parses a buffered multipart/form-data body; undefined when it is not well-formed. */
export function parseMultipart(body: Buffer, contentType: string): Multipart | undefined {
	const boundary = param(contentType, 'boundary');
	if (!boundary) return undefined;
	const opening = Buffer.from(`--${boundary}`);
	const separator = Buffer.from(`\r\n--${boundary}`);
	const result: Multipart = { fields: {}, files: [] };
	let pos = body.indexOf(opening);
	if (pos < 0) return undefined;
	pos += opening.length;
	for (;;) {
		if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return result;
		if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
		const headerEnd = body.indexOf('\r\n\r\n', pos);
		if (headerEnd < 0) return undefined;
		const next = body.indexOf(separator, headerEnd + 4);
		if (next < 0) return undefined;
		const headers: Record<string, string> = {};
		for (const line of body.toString('utf8', pos, headerEnd).split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const disposition = headers['content-disposition'] ?? '';
		const field = param(disposition, 'name') ?? '';
		const encodedName = param(disposition, 'filename\\*');
		const fileName = encodedName ? decodeURIComponent(encodedName.replace(/^[^']*'[^']*'/, '')) : param(disposition, 'filename');
		const data = body.subarray(headerEnd + 4, next);
		if (fileName !== undefined) result.files.push({ field, fileName, mimeType: headers['content-type'] ?? 'application/octet-stream', data });
		else result.fields[field] = data.toString('utf8');
		pos = next + separator.length;
	}
}

export function summarizeMultipart(m: Multipart): { fields: Record<string, string>; files: UploadedFileSummary[] } {
	return {
		fields: m.fields,
		files: m.files.map((f) => ({
			field: f.field,
			fileName: f.fileName,
			mimeType: f.mimeType,
			size: f.data.length,
			sha256: createHash('sha256').update(f.data).digest('hex'),
		})),
	};
}

const MIME_BY_EXT: Record<string, string> = {
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	ogg: 'audio/ogg',
	flac: 'audio/flac',
	mp4: 'video/mp4',
	mov: 'video/quicktime',
	webm: 'video/webm',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	bmp: 'image/bmp',
	gif: 'image/gif',
	txt: 'text/plain',
	json: 'application/json',
};

function mimeFromName(name: string): string | undefined {
	const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1].toLowerCase();
	return ext ? MIME_BY_EXT[ext] : undefined;
}

function extFromMime(mime: string): string {
	return Object.entries(MIME_BY_EXT).find(([, m]) => m === mime)?.[0] ?? 'bin';
}

/** The declared type when it says something, else one guessed from the file name. */
function chooseMime(declared: string | undefined, fileName: string): string {
	const clean = declared?.split(';')[0].trim().toLowerCase();
	if (clean && clean !== 'application/octet-stream') return clean;
	return mimeFromName(fileName) ?? clean ?? 'application/octet-stream';
}

export interface StoredUpload {
	data: Buffer;
	mimeType: string;
}

export interface UploadContext {
	cdnBaseUrl: string;
	store: Map<string, StoredUpload>;
	/** Requests started for file-url-upload, so close() can abort them. */
	inflight: Set<http.ClientRequest>;
}

function uploadFail(code: number, msg: string): Reply {
	return jsonReply({ success: false, code, msg });
}

function cleanUploadPath(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
	if (trimmed === '' || trimmed.split('/').some((s) => s === '' || s === '.' || s === '..')) return undefined;
	return trimmed;
}

export function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

function cleanFileName(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const name = value.trim().split(/[\\/]/).pop() ?? '';
	return name === '' || name === '.' || name === '..' ? undefined : name;
}

function store(ctx: UploadContext, uploadPath: string, fileName: string, data: Buffer, mimeType: string): Reply {
	const filePath = `${uploadPath}/${fileName}`;
	ctx.store.set(filePath, { data, mimeType });
	return jsonReply({
		success: true,
		code: 200,
		msg: 'File uploaded successfully',
		data: {
			fileName,
			filePath,
			downloadUrl: `${ctx.cdnBaseUrl}/uploads/${filePath.split('/').map(encodeURIComponent).join('/')}`,
			fileSize: data.length,
			mimeType,
			uploadedAt: new Date().toISOString(),
		},
	});
}

export function streamUpload(ctx: UploadContext, form: Multipart | undefined): Reply {
	if (!form) return uploadFail(400, 'Invalid multipart/form-data body');
	const file = form.files.find((f) => f.field === 'file');
	if (!file) return uploadFail(400, 'file is required');
	const uploadPath = cleanUploadPath(form.fields.uploadPath);
	if (!uploadPath) return uploadFail(400, 'uploadPath is required');
	const fileName = cleanFileName(form.fields.fileName) ?? cleanFileName(file.fileName) ?? `${randomBytes(8).toString('hex')}.bin`;
	return store(ctx, uploadPath, fileName, file.data, chooseMime(file.mimeType, fileName));
}

export function base64Upload(ctx: UploadContext, body: Record<string, unknown>): Reply {
	if (typeof body.base64Data !== 'string' || body.base64Data.trim() === '') return uploadFail(400, 'base64Data is required');
	const uploadPath = cleanUploadPath(body.uploadPath);
	if (!uploadPath) return uploadFail(400, 'uploadPath is required');
	const dataUrl = /^data:([^;,]*)(?:;[^,]*)?,/.exec(body.base64Data);
	const encoded = dataUrl ? body.base64Data.slice(dataUrl[0].length) : body.base64Data;
	const compact = encoded.replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact) || compact.length % 4 === 1) return uploadFail(400, 'Invalid base64 data');
	const data = Buffer.from(compact, 'base64');
	const declared = dataUrl?.[1] || undefined;
	const fileName = cleanFileName(body.fileName) ?? `${randomBytes(8).toString('hex')}.${extFromMime(declared ?? 'application/octet-stream')}`;
	return store(ctx, uploadPath, fileName, data, chooseMime(declared, fileName));
}

function fetchLoopback(ctx: UploadContext, url: URL, address: string): Promise<{ data: Buffer; mimeType?: string } | { error: string }> {
	return new Promise((resolve) => {
		let settled = false;
		const settle = (value: { data: Buffer; mimeType?: string } | { error: string }) => {
			if (settled) return;
			settled = true;
			ctx.inflight.delete(req);
			resolve(value);
		};
		const req = http.get(
			{ host: address, port: url.port || 80, path: `${url.pathname}${url.search}`, agent: false, headers: { host: url.host } },
			(res) => {
				if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) {
					res.resume();
					settle({ error: `Failed to fetch file: HTTP ${res.statusCode}` });
					return;
				}
				const chunks: Buffer[] = [];
				let size = 0;
				res.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > MAX_UPLOAD_BYTES) {
						settle({ error: 'File too large' });
						req.destroy();
						return;
					}
					chunks.push(chunk);
				});
				res.on('end', () => settle({ data: Buffer.concat(chunks), mimeType: res.headers['content-type'] }));
			},
		);
		ctx.inflight.add(req);
		req.setTimeout(FETCH_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
		req.on('error', (err) => settle({ error: `Failed to fetch file: ${err.message}` }));
		req.on('close', () => settle({ error: 'Failed to fetch file: connection closed' }));
	});
}

export async function urlUpload(ctx: UploadContext, body: Record<string, unknown>): Promise<Reply> {
	if (typeof body.fileUrl !== 'string' || body.fileUrl.trim() === '') return uploadFail(400, 'fileUrl is required');
	const uploadPath = cleanUploadPath(body.uploadPath);
	if (!uploadPath) return uploadFail(400, 'uploadPath is required');
	let url: URL;
	try {
		url = new URL(body.fileUrl.trim());
	} catch {
		return uploadFail(400, 'Invalid fileUrl');
	}
	const address = loopbackAddress(url.hostname);
	if (!address || url.protocol !== 'http:') {
		return uploadFail(400, 'The simulator only downloads from http:// loopback URLs (127.0.0.1, localhost, ::1)');
	}
	const fetched = await fetchLoopback(ctx, url, address);
	if ('error' in fetched) return uploadFail(400, fetched.error);
	const fileName = cleanFileName(body.fileName) ?? cleanFileName(safeDecode(url.pathname)) ?? `${randomBytes(8).toString('hex')}.bin`;
	return store(ctx, uploadPath, fileName, fetched.data, chooseMime(fetched.mimeType, fileName));
}
