import * as http from 'http';
import type { AddressInfo, Socket } from 'net';

import { CallbackSender } from './callbacks';
import { cdnReply, parseCdnPath } from './cdn';
import { FaultBook, faultReply, validateFault } from './faults';
import { MSG, apiError, headerRecord, isUploadPath, jsonReply, readBody, sendReply } from './http';
import type { Reply } from './http';
import { loadAssets } from './media';
import type { MediaAssets } from './media';
import { callbackBody, fail, lyricsRecord, musicRecord, ok, timestampedLyrics } from './shapes';
import { TaskClock, buildTask, completeTrackCount, isScenario, markerSpec, parseSimTaskId, timeline } from './tasks';
import type { Milestone, MusicStatus, Task } from './tasks';
import type { CallbackDelivery, FaultSpec, RecordedRequest, SimulatorOptions, SunoSimulator, TaskSpec } from './types';
import { MAX_UPLOAD_BYTES, base64Upload, parseMultipart, streamUpload, summarizeMultipart, urlUpload } from './uploads';
import type { Multipart, StoredUpload } from './uploads';
import { CREATE_ROUTES } from './validation';

const DEFAULT_SLOW_MS = 2000;

/** What a handler needs of a request: the fields it is logged with, its multipart parts and its log entry. */
interface RequestContext extends Pick<RecordedRequest, 'server' | 'method' | 'path' | 'query' | 'headers' | 'body'> {
	multipart?: Multipart;
	record: RecordedRequest;
}

function objectBody(body: unknown): Record<string, unknown> | undefined {
	if (body === null) return {};
	return typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

function validateSpec(spec: TaskSpec): void {
	if (spec.scenario !== undefined && !isScenario(spec.scenario)) throw new Error(`unknown scenario: ${String(spec.scenario)}`);
	if (spec.kind !== undefined && spec.kind !== 'music' && spec.kind !== 'lyrics') throw new Error(`unknown kind: ${String(spec.kind)}`);
	for (const field of ['durationS', 'streamsAtS', 'firstAtS', 'audioBytes', 'trackCount', 'duplicateCallbacks'] as const) {
		const value = spec[field];
		if (value !== undefined && !(typeof value === 'number' && value >= 0 && Number.isFinite(value))) throw new Error(`${field} must be a number >= 0`);
	}
}

class Simulator implements SunoSimulator {
	readonly apiKey: string;
	readonly timeScale: number;
	readonly requests: RecordedRequest[] = [];
	baseUrl = '';
	cdnBaseUrl = '';

	private readonly options: SimulatorOptions;
	private readonly clock: TaskClock;
	private readonly assets: MediaAssets = loadAssets();
	private readonly faults = new FaultBook();
	private readonly sender: CallbackSender;
	private readonly tasks = new Map<string, Task>();
	private readonly trackIndex = new Map<string, { task: Task; index: number }>();
	private readonly taskTimers = new Map<string, NodeJS.Timeout[]>();
	private readonly uploads = new Map<string, StoredUpload>();
	private readonly uploadFetches = new Set<http.ClientRequest>();
	private readonly windows = new Map<string, number[]>();
	/** Sockets held open by 'hang' faults, released on reset and close. */
	private readonly hung = new Set<Socket>();
	private readonly delays = new Map<NodeJS.Timeout, () => void>();
	private nextSpec: TaskSpec | undefined;
	private creditsTenths: number;
	private seq = 0;
	private closed = false;
	private readonly api = http.createServer((req, res) => this.guard(res, this.onApi(req, res)));
	private readonly cdn = http.createServer((req, res) => this.guard(res, this.onCdn(req, res)));

	constructor(options: SimulatorOptions) {
		this.options = options;
		this.apiKey = options.apiKey ?? 'sim-test-key';
		this.timeScale = options.timeScale ?? 600;
		if (!(this.timeScale > 0)) throw new Error('timeScale must be > 0');
		this.clock = new TaskClock(this.timeScale);
		this.creditsTenths = Math.round((options.initialCredits ?? 1000) * 10);
		this.sender = new CallbackSender((message) => this.warn(message));
	}

	get uploadBaseUrl(): string {
		return this.baseUrl;
	}

	get callbacks(): CallbackDelivery[] {
		return this.sender.deliveries;
	}

	async listen(): Promise<void> {
		const listen = (server: http.Server, port: number) =>
			new Promise<number>((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, '127.0.0.1', () => {
					server.off('error', reject);
					resolve((server.address() as AddressInfo).port);
				});
			});
		try {
			this.baseUrl = `http://127.0.0.1:${await listen(this.api, this.options.port ?? 0)}`;
			this.cdnBaseUrl = `http://127.0.0.1:${await listen(this.cdn, this.options.cdnPort ?? 0)}`;
		} catch (err) {
			await this.close();
			throw err;
		}
	}

	// ---- public API -------------------------------------------------------------------------------

	createTask(spec: TaskSpec = {}): string {
		validateSpec(spec);
		return this.register(buildTask(spec)).taskId;
	}

	setNextScenario(spec: TaskSpec): void {
		validateSpec(spec);
		this.nextSpec = { ...spec };
	}

	addFault(fault: FaultSpec): void {
		this.faults.add(fault);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	clearRequests(): void {
		this.requests.length = 0;
	}

	reset(): void {
		for (const timers of this.taskTimers.values()) timers.forEach(clearTimeout);
		this.taskTimers.clear();
		this.tasks.clear();
		this.trackIndex.clear();
		this.faults.clear();
		this.sender.reset();
		this.uploads.clear();
		this.windows.clear();
		this.nextSpec = undefined;
		this.creditsTenths = Math.round((this.options.initialCredits ?? 1000) * 10);
		this.requests.length = 0;
		for (const socket of this.hung) socket.destroy();
		this.hung.clear();
	}

	audioBytes(): Buffer {
		return Buffer.from(this.assets.mp3);
	}

	imageBytes(): Buffer {
		return Buffer.from(this.assets.jpeg);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		for (const timers of this.taskTimers.values()) timers.forEach(clearTimeout);
		this.taskTimers.clear();
		this.sender.reset();
		for (const req of this.uploadFetches) req.destroy();
		for (const [timer, release] of this.delays) {
			clearTimeout(timer);
			release();
		}
		this.delays.clear();
		for (const socket of this.hung) socket.destroy();
		await Promise.all(
			[this.api, this.cdn].map(
				(server) =>
					new Promise<void>((resolve) => {
						if (!server.listening) return resolve();
						server.close(() => resolve());
						server.closeAllConnections();
					}),
			),
		);
	}

	// ---- tasks ------------------------------------------------------------------------------------

	private register(task: Task): Task {
		const previous = this.tasks.get(task.taskId);
		if (previous) this.forget(previous);
		this.tasks.set(task.taskId, task);
		task.tracks.forEach((t, index) => this.trackIndex.set(t.id, { task, index }));
		if (task.callBackUrl) {
			const timers = timeline(task)
				.filter((m) => m.stage)
				.map((m) => {
					const timer = setTimeout(() => this.fireCallback(task, m), this.clock.realMs(m.atS));
					timer.unref();
					return timer;
				});
			this.taskTimers.set(task.taskId, timers);
		}
		return task;
	}

	private forget(task: Task): void {
		this.taskTimers.get(task.taskId)?.forEach(clearTimeout);
		this.taskTimers.delete(task.taskId);
		task.tracks.forEach((t) => this.trackIndex.delete(t.id));
		this.tasks.delete(task.taskId);
	}

	private fireCallback(task: Task, milestone: Milestone): void {
		if (!task.callBackUrl || !milestone.stage) return;
		const body = callbackBody(task, milestone.stage, milestone.status, this.cdnBaseUrl);
		this.sender.enqueue(task.taskId, milestone.stage, task.callBackUrl, body, 1 + task.duplicateCallbacks);
	}

	/** A known task of that kind, or one conjured from a `sim.<scenario>…` id (its clock starts now). */
	private lookup(taskId: string, kind: 'music' | 'lyrics'): Task | undefined {
		const existing = this.tasks.get(taskId);
		if (existing) return existing.kind === kind ? existing : undefined;
		const sim = parseSimTaskId(taskId);
		if (!sim) return undefined;
		return this.register(buildTask({ taskId, kind, scenario: sim.scenario, durationS: sim.durationS }));
	}

	/** What a record-info read reports: the true status, except the stale PENDING of 'status-regression'. */
	private observedStatus(task: Task): MusicStatus {
		const status = this.clock.status(task);
		if (task.scenario === 'status-regression' && status === 'SUCCESS' && ++task.readsAfterSuccess % 2 === 0) return 'PENDING';
		return status;
	}

	// ---- HTTP plumbing ----------------------------------------------------------------------------

	private guard(res: http.ServerResponse, work: Promise<void>): void {
		work.catch((err: unknown) => {
			this.warn(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
			if (!res.headersSent && !res.destroyed) void sendReply(res, jsonReply(fail(500, 'Simulator internal error'), 500), false);
			else res.destroy();
		});
	}

	private warn(message: string): void {
		if (!this.options.quiet) process.stderr.write(`[suno-simulator] ${message}\n`);
	}

	private recordRequest(server: 'api' | 'cdn', req: http.IncomingMessage, url: URL, body: unknown, taskId?: string): RecordedRequest {
		const record: RecordedRequest = {
			seq: ++this.seq,
			at: Date.now(),
			server,
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: headerRecord(req),
			body,
			...(taskId ? { taskId } : {}),
			httpStatus: 0,
		};
		this.requests.push(record);
		return record;
	}

	private async onApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const read = await readBody(req, MAX_UPLOAD_BYTES);
		if (url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')) {
			await sendReply(res, read.ok ? this.control(req.method ?? 'GET', url.pathname, read.data) : jsonReply({ error: 'request body too large' }, 413), false);
			return;
		}
		if (!read.ok) {
			const record = this.recordRequest('api', req, url, null);
			if (read.reason === 'too-large') await this.send(res, record, apiError(url.pathname, 413, 'File too large: at most 100 MB'), false);
			return;
		}
		const contentType = req.headers['content-type'] ?? '';
		let body: unknown = null;
		let multipart: Multipart | undefined;
		let recordedBody: unknown = null;
		if (/^multipart\/form-data/i.test(contentType)) {
			multipart = parseMultipart(read.data, contentType);
			recordedBody = multipart ? summarizeMultipart(multipart) : read.data.toString('latin1', 0, Math.min(read.data.length, 4096));
			body = recordedBody;
		} else if (read.data.length > 0) {
			const text = read.data.toString('utf8');
			try {
				body = JSON.parse(text);
			} catch {
				body = text;
			}
			recordedBody = body;
		}
		const query = Object.fromEntries(url.searchParams);
		const bodyTaskId = (objectBody(body) ?? {}).taskId;
		const taskId = query.taskId ?? query.task_id ?? (typeof bodyTaskId === 'string' ? bodyTaskId : undefined);
		const record = this.recordRequest('api', req, url, recordedBody, taskId);
		const ctx: RequestContext = { server: 'api', method: record.method, path: url.pathname, query, headers: record.headers, body, multipart, record };
		await this.dispatch(ctx, req, res, () => this.handleApi(ctx));
	}

	private async onCdn(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		req.resume();
		const query = Object.fromEntries(url.searchParams);
		const target = parseCdnPath(url.pathname, query);
		const record = this.recordRequest('cdn', req, url, null, target && this.trackIndex.get(target.id)?.task.taskId);
		const ctx: RequestContext = { server: 'cdn', method: record.method, path: url.pathname, query, headers: record.headers, body: null, record };
		const context = {
			assets: this.assets,
			uploads: this.uploads,
			findTrack: (id: string) => this.trackIndex.get(id),
			status: (task: Task) => this.clock.status(task),
		};
		await this.dispatch(ctx, req, res, async () => cdnReply(context, ctx.method, ctx.path, query));
	}

	/** Runs the handler around any matching fault: before it (the request never reaches the API) or after it (afterHandling). */
	private async dispatch(ctx: RequestContext, req: http.IncomingMessage, res: http.ServerResponse, handle: () => Promise<Reply>): Promise<void> {
		const fault = this.faults.take({ server: ctx.server, method: ctx.method, path: ctx.path, taskId: ctx.record.taskId });
		const slowMs = fault?.kind === 'slow' ? (fault.delayMs ?? DEFAULT_SLOW_MS) : 0;
		const replaces = fault && fault.kind !== 'slow' ? fault : undefined;
		if (replaces && !replaces.afterHandling) return this.applyFault(replaces, ctx, req, res);
		if (slowMs && !fault?.afterHandling) await this.delay(slowMs);
		const reply = await handle();
		if (slowMs && fault?.afterHandling) await this.delay(slowMs);
		if (replaces) return this.applyFault(replaces, ctx, req, res);
		await this.send(res, ctx.record, reply, ctx.method === 'HEAD');
	}

	private async applyFault(fault: FaultSpec, ctx: RequestContext, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		if (fault.kind === 'hang') {
			this.hung.add(req.socket);
			req.socket.once('close', () => this.hung.delete(req.socket));
			this.log(ctx.record, 'hang');
			return;
		}
		if (fault.kind === 'reset') {
			this.log(ctx.record, 'reset');
			req.socket.destroy();
			return;
		}
		if (fault.delayMs) await this.delay(fault.delayMs);
		await this.send(res, ctx.record, faultReply(fault.kind, ctx.path), ctx.method === 'HEAD');
	}

	private delay(ms: number): Promise<void> {
		if (this.closed) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.delays.delete(timer);
				resolve();
			}, ms);
			timer.unref();
			this.delays.set(timer, resolve);
		});
	}

	private async send(res: http.ServerResponse, record: RecordedRequest, reply: Reply, headOnly: boolean): Promise<void> {
		record.httpStatus = reply.status;
		if (reply.bodyCode !== undefined) record.bodyCode = reply.bodyCode;
		this.log(record, `${reply.status}${reply.bodyCode !== undefined ? ` code ${reply.bodyCode}` : ''}`);
		await sendReply(res, reply, headOnly);
	}

	private log(record: RecordedRequest, outcome: string): void {
		if (!this.options.logRequests) return;
		const query = new URLSearchParams(record.query).toString();
		process.stdout.write(`[suno-simulator] ${record.server} ${record.method} ${record.path}${query ? `?${query}` : ''} -> ${outcome}\n`);
	}

	// ---- the API ----------------------------------------------------------------------------------

	private rateLimited(key: string): boolean {
		const limit = this.options.rateLimit === undefined ? { max: 20, windowMs: 10_000 } : this.options.rateLimit;
		if (!limit) return false;
		const now = Date.now();
		const window = (this.windows.get(key) ?? []).filter((t) => now - t < limit.windowMs);
		const limited = window.length >= limit.max;
		if (!limited) window.push(now);
		this.windows.set(key, window);
		return limited;
	}

	private async handleApi(ctx: RequestContext): Promise<Reply> {
		const { path, method } = ctx;
		if (!path.startsWith('/api/')) return apiError(path, 404, MSG.notFound);
		const token = /^Bearer\s+(.+)$/i.exec(ctx.headers.authorization ?? '')?.[1].trim() ?? '';
		if (this.rateLimited(token)) return apiError(path, 430, MSG.rate);
		if (token !== this.apiKey) return apiError(path, 401, MSG.auth);

		if (isUploadPath(path) && method === 'POST') {
			const uploads = { cdnBaseUrl: this.cdnBaseUrl, store: this.uploads, inflight: this.uploadFetches };
			if (path === '/api/file-stream-upload') return streamUpload(uploads, ctx.multipart);
			const body = objectBody(ctx.body);
			if (path === '/api/file-base64-upload') return body ? base64Upload(uploads, body) : apiError(path, 400, 'Invalid JSON body');
			if (path === '/api/file-url-upload') return body ? urlUpload(uploads, body) : apiError(path, 400, 'Invalid JSON body');
		}
		if (method === 'GET' && path === '/api/v1/generate/record-info') return this.recordInfo(ctx, 'music');
		if (method === 'GET' && path === '/api/v1/lyrics/record-info') return this.recordInfo(ctx, 'lyrics');
		if (method === 'GET' && path === '/api/v1/generate/credit') return jsonReply(ok(this.creditsTenths / 10));
		if (method === 'POST' && path === '/api/v1/generate/get-timestamped-lyrics') return this.alignedLyrics(ctx);
		const route = CREATE_ROUTES[path];
		if (method === 'POST' && route) return this.create(ctx, route);
		return apiError(path, 404, MSG.notFound);
	}

	private recordInfo(ctx: RequestContext, kind: 'music' | 'lyrics'): Reply {
		const taskId = ctx.query.taskId;
		if (!taskId) return jsonReply(fail(400, 'taskId cannot be null'));
		const task = this.lookup(taskId, kind);
		if (!task) return jsonReply(fail(400, `Task not found: ${taskId}`));
		ctx.record.taskId = task.taskId;
		const status = this.observedStatus(task);
		return jsonReply(ok(kind === 'music' ? musicRecord(task, status, this.cdnBaseUrl) : lyricsRecord(task, status)));
	}

	private alignedLyrics(ctx: RequestContext): Reply {
		const body = objectBody(ctx.body);
		if (!body) return jsonReply(fail(400, 'Invalid JSON body'));
		const { taskId, audioId } = body;
		if (typeof taskId !== 'string' || taskId === '') return jsonReply(fail(400, 'taskId cannot be null'));
		if (typeof audioId !== 'string' || audioId === '') return jsonReply(fail(400, 'audioId cannot be null'));
		const task = this.lookup(taskId, 'music');
		if (!task) return jsonReply(fail(400, `Task not found: ${taskId}`));
		const index = task.tracks.findIndex((t) => t.id === audioId);
		if (index < 0) return jsonReply(fail(400, `Audio not found: ${audioId}`));
		if (index >= completeTrackCount(task, this.clock.status(task))) return jsonReply(fail(400, 'The audio has not been generated yet'));
		return jsonReply(ok(timestampedLyrics(task.tracks[index])));
	}

	private create(ctx: RequestContext, route: (typeof CREATE_ROUTES)[string]): Reply {
		const body = objectBody(ctx.body);
		if (!body) return jsonReply(fail(400, 'Invalid JSON body'));
		const invalid = route.validate(body);
		if (invalid) return jsonReply(invalid);
		let sourceCodename: string | undefined;
		if (route.operationType === 'replace_section' && typeof body.taskId === 'string' && body.taskId !== '') {
			const source = this.lookup(body.taskId, 'music');
			if (!source) return jsonReply(fail(400, `Task not found: ${body.taskId}`));
			sourceCodename = source.codename;
		}
		if (this.creditsTenths < route.costTenths) return jsonReply(fail(429, MSG.credits));
		this.creditsTenths -= route.costTenths;
		const next = this.nextSpec ?? {};
		this.nextSpec = undefined;
		const marker = markerSpec(body);
		const skips = route.operationType === 'add_vocals' || route.operationType === 'add_instrumental';
		const task = this.register(
			buildTask(
				{
					...next,
					durationS: next.durationS ?? marker?.durationS,
					scenario: next.scenario ?? marker?.scenario ?? (skips ? 'skip-to-complete' : 'success'),
					kind: route.kind,
					operationType: route.operationType,
					params: body,
					callBackUrl: typeof body.callBackUrl === 'string' ? body.callBackUrl : next.callBackUrl,
				},
				sourceCodename,
			),
		);
		ctx.record.taskId = task.taskId;
		return jsonReply(ok({ taskId: task.taskId }));
	}

	// ---- control endpoints ------------------------------------------------------------------------

	private control(method: string, path: string, raw: Buffer): Reply {
		let body: unknown = {};
		if (raw.length > 0) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				return jsonReply({ error: 'body is not valid JSON' }, 400);
			}
		}
		const route = `${method} ${path.replace(/\/+$/, '')}`;
		try {
			switch (route) {
				case 'GET /__sim/health':
					return jsonReply({
						ok: true,
						baseUrl: this.baseUrl,
						uploadBaseUrl: this.uploadBaseUrl,
						cdnBaseUrl: this.cdnBaseUrl,
						apiKey: this.apiKey,
						timeScale: this.timeScale,
						credits: this.creditsTenths / 10,
						tasks: this.tasks.size,
					});
				case 'GET /__sim/requests':
					return jsonReply(this.requests);
				case 'DELETE /__sim/requests':
					this.clearRequests();
					return jsonReply({ ok: true });
				case 'GET /__sim/callbacks':
					return jsonReply(this.callbacks);
				case 'POST /__sim/tasks':
					return jsonReply({ taskId: this.createTask((body ?? {}) as TaskSpec) });
				case 'POST /__sim/next-scenario':
					this.setNextScenario((body ?? {}) as TaskSpec);
					return jsonReply({ ok: true });
				case 'POST /__sim/faults': {
					const error = validateFault(body as FaultSpec);
					if (error) return jsonReply({ error }, 400);
					this.addFault(body as FaultSpec);
					return jsonReply({ ok: true });
				}
				case 'DELETE /__sim/faults':
					this.clearFaults();
					return jsonReply({ ok: true });
				case 'POST /__sim/reset':
					this.reset();
					return jsonReply({ ok: true });
				default:
					return jsonReply({ error: `unknown control endpoint: ${route}` }, 404);
			}
		} catch (err) {
			return jsonReply({ error: err instanceof Error ? err.message : String(err) }, 400);
		}
	}
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<SunoSimulator> {
	const simulator = new Simulator(options);
	await simulator.listen();
	return simulator;
}
