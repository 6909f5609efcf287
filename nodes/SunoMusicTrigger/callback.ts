import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { normaliseCallback, type SunoCallback } from '../SunoMusic/helpers/normalise';
import { DEFAULT_EVENTS, DEFAULT_MAX_BODY_KB, MIN_SECRET_LENGTH, SECRET_QUERY_PARAMETER } from './description';

/** How many task/stage deliveries the workflow remembers to drop repeats; the oldest are forgotten first. */
export const REMEMBERED_DELIVERIES = 500;

function digest(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Constant-time comparison of the configured and the given secret. Hashing first makes both the
 * same length, so neither the content nor the length of the secret leaks through timing. A
 * configured secret shorter than the minimum never matches: the trigger fails closed.
 */
export function secretMatches(expected: string, given: unknown): boolean {
	if (typeof given !== 'string' || expected.length < MIN_SECRET_LENGTH) return false;
	return timingSafeEqual(digest(expected), digest(given));
}

/**
 * Deliveries this process has already accepted. n8n saves a workflow's static data only after the
 * webhook has run, while this trigger answers Suno before that; a repeat sent right after the 200
 * could otherwise read the static data as it was before the first delivery.
 */
export class RecentDeliveries {
	private readonly keys = new Set<string>();

	constructor(private readonly limit: number) {}

	has(key: string): boolean {
		return this.keys.has(key);
	}

	add(key: string): void {
		this.keys.add(key);
		for (const oldest of this.keys) {
			if (this.keys.size <= this.limit) break;
			this.keys.delete(oldest);
		}
	}

	clear(): void {
		this.keys.clear();
	}
}

export const recentDeliveries = new RecentDeliveries(5000);

type BodyRead = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string; message: string };

function tooLarge(size: number, maxBytes: number): BodyRead {
	return {
		ok: false,
		status: 413,
		error: 'payload_too_large',
		message: `The body is ${size} bytes; this trigger accepts at most ${maxBytes}`,
	};
}

function parseJson(text: string): BodyRead {
	const trimmed = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trim();
	if (trimmed === '') return { ok: false, status: 400, error: 'bad_request', message: 'The body is empty; Suno sends JSON' };
	try {
		return { ok: true, value: JSON.parse(trimmed) };
	} catch (error) {
		return { ok: false, status: 400, error: 'bad_request', message: `The body is not valid JSON: ${(error as Error).message}` };
	}
}

/**
 * The raw bytes are what Suno sent, whatever the content type, so they are parsed here. n8n has
 * already read them (up to its own payload limit) before the node runs; the parsed body is the
 * fallback when no raw body is kept.
 */
async function readBody(ctx: IWebhookFunctions, maxBytes: number): Promise<BodyRead> {
	const req = ctx.getRequestObject();
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') {
		try {
			await req.readRawBody();
		} catch (error) {
			return { ok: false, status: 400, error: 'bad_request', message: `The body could not be read: ${(error as Error).message}` };
		}
	}
	if (Buffer.isBuffer(req.rawBody)) {
		if (req.rawBody.length > maxBytes) return tooLarge(req.rawBody.length, maxBytes);
		return parseJson(req.rawBody.toString('utf8'));
	}
	const body: unknown = ctx.getBodyData();
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
	const size = Buffer.byteLength(text, 'utf8');
	if (size > maxBytes) return tooLarge(size, maxBytes);
	return typeof body === 'string' ? parseJson(body) : { ok: true, value: body };
}

/** Answers Suno at once, before the workflow runs, so slow steps never make it time out. */
function respond(ctx: IWebhookFunctions, status: number, body: IDataObject): void {
	const res = ctx.getResponseObject();
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

function refuse(ctx: IWebhookFunctions, status: number, error: string, message: string): IWebhookResponseData {
	respond(ctx, status, { received: false, error, message });
	return { noWebhookResponse: true };
}

function accepted(callback: SunoCallback, emitted: boolean, reason?: string): IDataObject {
	const { kind, stage, taskId } = callback;
	return { received: true, emitted, kind, callbackType: stage, taskId, ...(reason ? { reason } : {}) };
}

function readList(ctx: IWebhookFunctions, name: string, fallback: string[]): string[] {
	const value = ctx.getNodeParameter(name, fallback) as unknown;
	return Array.isArray(value) ? value.map(String) : fallback;
}

/** Why the callback is not wanted, or undefined when it is; an empty selection means everything. */
function filteredOut(ctx: IWebhookFunctions, callback: SunoCallback): string | undefined {
	const events = readList(ctx, 'events', DEFAULT_EVENTS);
	if (events.length > 0 && !events.includes(callback.stage)) {
		return `"${callback.stage}" is not one of the Events to emit (${events.join(', ')})`;
	}
	const kinds = readList(ctx, 'kinds', []);
	if (kinds.length > 0 && !kinds.includes(callback.kind)) {
		return `"${callback.kind}" is not one of the Task Kinds to emit (${kinds.join(', ')})`;
	}
	return undefined;
}

export function deliveryKey(callback: SunoCallback): string {
	return `${callback.kind}:${callback.taskId}:${callback.stage}`;
}

/**
 * Records the delivery and says whether it is the first of its task and stage. The workflow's
 * static data keeps the last REMEMBERED_DELIVERIES keys across restarts and processes.
 */
function firstDelivery(ctx: IWebhookFunctions, callback: SunoCallback): boolean {
	const key = deliveryKey(callback);
	const processKey = [ctx.getWorkflow().id, ctx.getNode().id, ctx.getMode(), key].join('|');
	const store = ctx.getWorkflowStaticData('node');
	const seen = Array.isArray(store.deliveries) ? (store.deliveries as unknown[]).filter((k) => typeof k === 'string') : [];
	if (seen.includes(key) || recentDeliveries.has(processKey)) return false;
	// Assigned as a new array so n8n notices the change and saves it.
	store.deliveries = [...seen, key].slice(-REMEMBERED_DELIVERIES) as string[];
	recentDeliveries.add(processKey);
	return true;
}

/**
 * Handles one POST from Suno: secret, size, JSON, shape, event filter and repeat check, in that
 * order. Every answer is written here, before the workflow starts; only the first delivery of a
 * wanted task and stage starts it.
 */
export async function receiveCallback(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = String(ctx.getNodeParameter('secret', '') ?? '');
	const query = ctx.getQueryData() as IDataObject;
	if (!secretMatches(secret, query[SECRET_QUERY_PARAMETER])) {
		return refuse(ctx, 401, 'unauthorized', `The ${SECRET_QUERY_PARAMETER} query parameter is missing or wrong`);
	}
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const maxBytes = Math.floor(Number(options.maxBodyKb ?? DEFAULT_MAX_BODY_KB) * 1024);
	const body = await readBody(ctx, maxBytes);
	if (!body.ok) return refuse(ctx, body.status, body.error, body.message);
	const parsed = normaliseCallback(body.value);
	if (!parsed.ok) return refuse(ctx, 400, 'unknown_shape', parsed.reason);
	const { callback } = parsed;
	const unwanted = filteredOut(ctx, callback);
	if (unwanted) {
		respond(ctx, 200, accepted(callback, false, unwanted));
		return { noWebhookResponse: true };
	}
	if (!firstDelivery(ctx, callback)) {
		respond(ctx, 200, accepted(callback, false, `Already received: ${callback.stage} of task ${callback.taskId}`));
		return { noWebhookResponse: true };
	}
	const items: INodeExecutionData[] =
		options.output === 'raw'
			? [{ json: body.value as IDataObject }]
			: callback.items.map((json) => ({ json }));
	respond(ctx, 200, accepted(callback, true));
	return { noWebhookResponse: true, workflowData: [items] };
}
