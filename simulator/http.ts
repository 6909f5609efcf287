import type { IncomingMessage, ServerResponse } from 'http';

import type { Envelope } from './shapes';

/** A complete answer, built before anything is written so that faults can replace it. */
export interface Reply {
	status: number;
	headers: Record<string, string | number>;
	body?: Buffer | string;
	/** Streamed with backpressure instead of `body`; sent chunked unless headers carry a Content-Length. */
	chunks?: Iterable<Buffer>;
	/** The body's `code`, for the request log. */
	bodyCode?: number;
}

export const MSG = {
	auth: 'Authentication failed: Invalid API Key',
	rate: 'Your call frequency is too high. Please try again later.',
	rate405: 'Rate limit exceeded',
	credits: 'The current credits are insufficient. Please top up.',
	maintenance: 'System maintenance',
	notFound: 'Invalid request method or path',
	server: 'Server error, please try again later.',
} as const;

export function jsonReply(value: unknown, status = 200): Reply {
	const code = (value as { code?: unknown } | null)?.code;
	return {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8' },
		body: JSON.stringify(value),
		bodyCode: typeof code === 'number' ? code : undefined,
	};
}

export function textReply(status: number, text: string, contentType = 'text/plain; charset=utf-8'): Reply {
	return { status, headers: { 'content-type': contentType }, body: text };
}

/** The file-upload API (paths /api/file-*) answers `{success, code, msg}` instead of `{code, msg, data}`. */
export function isUploadPath(path: string): boolean {
	return path.startsWith('/api/file-');
}

export function apiError(path: string, code: number, msg: string, status = 200): Reply {
	return jsonReply(isUploadPath(path) ? { success: false, code, msg } : ({ code, msg, data: null } satisfies Envelope), status);
}

export type BodyResult = { ok: true; data: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a request body into memory up to `cap` bytes. Past the cap the rest is read and discarded, so that
 * the client finishes sending and can read the refusal; past ten times the cap the connection is dropped.
 */
export function readBody(req: IncomingMessage, cap: number): Promise<BodyResult> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const settle = (result: BodyResult) => {
			if (settled) return;
			settled = true;
			resolve(result);
		};
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= cap) chunks.push(chunk);
			else chunks.length = 0;
			if (size > cap * 10) req.destroy();
		});
		req.on('end', () => settle(size > cap ? { ok: false, reason: 'too-large' } : { ok: true, data: Buffer.concat(chunks) }));
		req.on('error', () => settle({ ok: false, reason: 'aborted' }));
		req.on('close', () => settle({ ok: false, reason: 'aborted' }));
	});
}

function waitWritable(res: ServerResponse): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			res.off('drain', done);
			res.off('close', done);
			resolve();
		};
		res.on('drain', done);
		res.on('close', done);
	});
}

export async function sendReply(res: ServerResponse, reply: Reply, headOnly: boolean): Promise<void> {
	if (res.destroyed || res.headersSent) return;
	const headers = { ...reply.headers };
	if (reply.body !== undefined && headers['content-length'] === undefined) headers['content-length'] = Buffer.byteLength(reply.body);
	res.writeHead(reply.status, headers);
	if (headOnly) {
		res.end();
		return;
	}
	if (reply.chunks) {
		for (const chunk of reply.chunks) {
			if (res.destroyed) return;
			if (!res.write(chunk)) await waitWritable(res);
		}
		res.end();
		return;
	}
	res.end(reply.body);
}

export function headerRecord(req: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}
