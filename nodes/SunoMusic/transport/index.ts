import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RequestBudget } from '../helpers/budget';
import { pause, throwIfCancelled, type StopSignal } from '../helpers/pause';

export const CREDENTIAL_NAME = 'sunoApi';

/** A read can safely be sent again; a create may already have spent credits if its answer is lost. */
export type RequestKind = 'read' | 'create';

export type FailureKind = 'refused' | 'rateLimited' | 'maintenance' | 'server' | 'malformed' | 'network';

export interface SunoFailure {
	kind: FailureKind;
	requestKind: RequestKind;
	path: string;
	code?: number;
	httpStatus?: number;
	sunoMessage?: string;
	networkCode?: string;
}

export class SunoRequestError extends Error {
	constructor(readonly failure: SunoFailure) {
		super(failure.sunoMessage ?? failure.networkCode ?? `Suno answered ${failure.code ?? failure.httpStatus}`);
		this.name = 'SunoRequestError';
	}

	/** Worth asking again later: the answer says nothing about the request itself. */
	get transient(): boolean {
		return this.failure.kind !== 'refused';
	}

	/** Suno said no before doing anything, so sending the create again cannot make a second task. */
	get provesNothingCreated(): boolean {
		const { kind, networkCode } = this.failure;
		return (
			kind === 'refused' ||
			kind === 'rateLimited' ||
			kind === 'maintenance' ||
			networkCode === 'ECONNREFUSED' ||
			networkCode === 'ENOTFOUND'
		);
	}
}

const RATE_LIMIT_CODES = new Set([405, 430]);
const MAINTENANCE_CODE = 455;

export interface SunoCall {
	method: IHttpRequestMethods;
	path: string;
	kind: RequestKind;
	qs?: IDataObject;
	/** JSON, or multipart form data for the file-upload API. */
	body?: IDataObject | FormData;
	/** The file-upload API lives on another host than the music API. */
	host?: 'api' | 'upload';
	/** How often a transient failure is retried here; a create only when Suno proved it made nothing. */
	retries?: number;
	timeoutMs?: number;
}

type Answer<T> = { ok: true; data: T } | { ok: false; failure: SunoFailure };

export interface ClientSettings {
	signal: StopSignal;
	budget: RequestBudget;
	timeoutMs: number;
	retryBaseMs: number;
}

const MAX_BACKOFF_MS = 60_000;

/** With a 1 s base this gives up after about 3 s, long enough for a blip, short enough to report. */
const DEFAULT_RETRIES = 2;

export function backoffMs(baseMs: number, attempt: number): number {
	return Math.min(baseMs * 2 ** attempt, MAX_BACKOFF_MS);
}

function trimSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

function classifyEnvelope(call: SunoCall, httpStatus: number, body: unknown): SunoFailure | undefined {
	const base = { requestKind: call.kind, path: call.path, httpStatus };
	let parsed = body;
	if (typeof parsed === 'string') {
		try {
			parsed = JSON.parse(parsed);
		} catch {
			return { ...base, kind: httpStatus >= 500 ? 'server' : 'malformed' };
		}
	}
	if (typeof parsed !== 'object' || parsed === null) return { ...base, kind: 'malformed' };
	const envelope = parsed as IDataObject;
	const code = typeof envelope.code === 'number' ? envelope.code : Number(envelope.code);
	const sunoMessage = typeof envelope.msg === 'string' ? envelope.msg : undefined;
	if (httpStatus >= 500) return { ...base, kind: 'server', code: Number.isFinite(code) ? code : undefined, sunoMessage };
	if (!Number.isFinite(code)) {
		return httpStatus >= 400 ? { ...base, kind: 'refused', code: httpStatus, sunoMessage } : { ...base, kind: 'malformed' };
	}
	if (code === 200 && httpStatus < 400) return undefined;
	if (RATE_LIMIT_CODES.has(code)) return { ...base, kind: 'rateLimited', code, sunoMessage };
	if (code === MAINTENANCE_CODE) return { ...base, kind: 'maintenance', code, sunoMessage };
	if (code >= 500) return { ...base, kind: 'server', code, sunoMessage };
	return { ...base, kind: 'refused', code, sunoMessage };
}

function networkFailure(call: SunoCall, error: unknown): SunoFailure {
	const raw = error as { code?: string; cause?: { code?: string }; message?: string };
	const networkCode = raw.cause?.code ?? raw.code ?? 'ECONNRESET';
	return { kind: 'network', requestKind: call.kind, path: call.path, networkCode: String(networkCode) };
}

/** Every call to Suno goes through here: budget, authentication, envelope check and retries. */
export class SunoClient {
	private baseUrls?: Promise<{ api: string; upload: string }>;

	constructor(
		private readonly ctx: IExecuteFunctions,
		readonly settings: ClientSettings,
	) {}

	async request<T = unknown>(call: SunoCall): Promise<T> {
		const retries = call.retries ?? DEFAULT_RETRIES;
		for (let attempt = 0; ; attempt++) {
			const answer = await this.send<T>(call);
			if (answer.ok) return answer.data;
			const error = new SunoRequestError(answer.failure);
			const retryable = error.transient && (call.kind === 'read' || error.provesNothingCreated);
			if (!retryable || attempt >= retries) throw error;
			await pause(backoffMs(this.settings.retryBaseMs, attempt), this.settings.signal);
		}
	}

	private async resolveBaseUrls(): Promise<{ api: string; upload: string }> {
		this.baseUrls ??= this.ctx.getCredentials(CREDENTIAL_NAME).then((credentials) => ({
			api: trimSlashes(String(credentials.baseUrl || 'https://api.sunoapi.org')),
			upload: trimSlashes(String(credentials.uploadBaseUrl || 'https://sunoapiorg.redpandaai.co')),
		}));
		return await this.baseUrls;
	}

	private async send<T>(call: SunoCall): Promise<Answer<T>> {
		const { signal, budget, timeoutMs } = this.settings;
		const urls = await this.resolveBaseUrls();
		const answered = await budget.acquire(signal, call.kind);
		if (signal.aborted) answered();
		throwIfCancelled(signal);
		const options: IHttpRequestOptions = {
			method: call.method,
			url: `${call.host === 'upload' ? urls.upload : urls.api}${call.path}`,
			qs: call.qs,
			body: call.body as IHttpRequestOptions['body'],
			json: true,
			timeout: call.timeoutMs ?? timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		const response = await this.ctx.helpers.httpRequestWithAuthentication
			.call(this.ctx, CREDENTIAL_NAME, options)
			.then(
				(full) => ({ ok: true as const, full: full as { statusCode: number; body: unknown } }),
				(error: unknown) => ({ ok: false as const, error }),
			);
		answered();
		throwIfCancelled(signal);
		if (!response.ok) return { ok: false, failure: networkFailure(call, response.error) };
		const { statusCode, body } = response.full;
		const failure = classifyEnvelope(call, statusCode, body);
		if (failure) {
			if (failure.kind === 'rateLimited') budget.onRateLimited();
			return { ok: false, failure };
		}
		budget.onAccepted();
		const envelope = (typeof body === 'string' ? JSON.parse(body) : body) as IDataObject;
		return { ok: true, data: envelope.data as T };
	}
}

interface ErrorText {
	message: string;
	description: string;
}

const REFUSAL_TEXT: Record<number, (sunoMessage: string) => ErrorText> = {
	400: (msg) => ({
		message: `Suno refused the request: ${msg}`,
		description: 'Check the fields the message names (required fields, lengths, values for the chosen model).',
	}),
	401: () => ({
		message: 'Suno did not accept the API key',
		description:
			'Open the Suno API credential, paste a valid key from https://sunoapi.org/api-key and check that the Base URL is https://api.sunoapi.org.',
	}),
	402: () => ({
		message: 'Your Suno account does not have enough credits',
		description: 'Top up at https://sunoapi.org/billing. The Get Credits operation shows what is left.',
	}),
	404: (msg) => ({
		message: `Suno could not find what was asked for: ${msg}`,
		description:
			'Check the task ID (copy it from the create step) and that the credential Base URL points at the Suno API.',
	}),
	405: () => ({
		message: 'Suno rate limit reached',
		description: 'Suno accepts about 20 requests per 10 seconds. Send fewer items at once or raise the poll interval.',
	}),
	409: (msg) => ({
		message: `Suno already has this record: ${msg}`,
		description: 'The result exists already; fetch it instead of creating it again.',
	}),
	413: () => ({
		message: 'The prompt or theme is too long for Suno',
		description: 'Shorten the prompt, lyrics or style to the limit of the chosen model.',
	}),
	422: (msg) => ({
		message: `Suno could not validate the request: ${msg}`,
		description: 'Check the values of the fields the message names.',
	}),
	429: () => ({
		message: 'Your Suno account does not have enough credits',
		description: 'Top up at https://sunoapi.org/billing. The Get Credits operation shows what is left.',
	}),
	430: () => ({
		message: 'Suno says requests are coming too often',
		description: 'Send fewer items at once or raise the poll interval, then run the workflow again.',
	}),
	451: (msg) => ({
		message: `Suno could not fetch the source file: ${msg}`,
		description: 'Make sure the upload URL is public and reachable from the internet, or pass the file as a binary.',
	}),
	455: () => ({
		message: 'Suno is under maintenance',
		description: 'Wait a few minutes and run the workflow again.',
	}),
	500: (msg) => ({
		message: `Suno could not handle the request right now${msg ? `: ${msg}` : ''}`,
		description: 'This is on Suno’s side. Wait a few minutes and run the workflow again.',
	}),
};

function describeFailure(failure: SunoFailure): ErrorText {
	const sunoMessage = failure.sunoMessage ?? '';
	if (failure.requestKind === 'create' && !new SunoRequestError(failure).provesNothingCreated) {
		return {
			message: 'Suno may have created the task, but its answer did not arrive',
			description:
				'The request was not sent again, so no second task is created and no credits are spent twice. ' +
				'Look for the new task in your sunoapi.org logs and fetch it with Get Generation Details (music) or Get Lyrics Details (lyrics), or run the item again if no task was made.',
		};
	}
	if (failure.kind === 'network') {
		// n8n rewrites messages that contain a network code, so the code goes into the description.
		return {
			message: 'Suno could not be reached',
			description: `The connection failed (${failure.networkCode}). Check the Base URL in the credential and the network of the n8n host, then try again.`,
		};
	}
	if (failure.kind === 'malformed') {
		return {
			message: 'Suno sent an answer that is not the JSON it normally sends',
			description:
				'Suno or a proxy in between may be having trouble. Try again later, and check the credential Base URL.',
		};
	}
	const code = failure.code ?? failure.httpStatus ?? 500;
	const known = REFUSAL_TEXT[code] ?? (failure.kind === 'server' ? REFUSAL_TEXT[500] : undefined);
	if (known) return known(sunoMessage);
	return {
		message: `Suno answered with code ${code}${sunoMessage ? `: ${sunoMessage}` : ''}`,
		description: 'See https://docs.sunoapi.org for what this code means.',
	};
}

/** Built from our own fields only, so nothing from the request (such as the key) can leak into output. */
export function toNodeApiError(node: INode, error: SunoRequestError, itemIndex: number): NodeApiError {
	const { failure } = error;
	const { message, description } = describeFailure(failure);
	const response: JsonObject = {
		path: failure.path,
		code: failure.code ?? null,
		msg: failure.sunoMessage ?? null,
		httpStatus: failure.httpStatus ?? null,
	};
	return new NodeApiError(node, response, {
		message,
		description,
		httpCode: String(failure.code ?? failure.httpStatus ?? ''),
		itemIndex,
	});
}
