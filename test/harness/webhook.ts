/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * Runs the Suno Music Trigger the way n8n 2.41 handles a production webhook call: its `webhook()`
 * inside n8n-core's real WebhookContext with an express-like request and response, then, when it
 * emitted items, the workflow from the trigger in n8n-core's real WorkflowExecute (which calls the
 * trigger's `execute()` with those items, as n8n does for a webhook start node).
 *
 * The request is prepared as n8n's body parser leaves it for a node: `rawBody` holds the bytes,
 * `body` the parsed JSON (application/json), the text (text/plain) or nothing (other types).
 */
import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type IRun,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { SunoApi } from '../../credentials/SunoApi.credentials';
import { SunoMusicTrigger } from '../../nodes/SunoMusicTrigger/SunoMusicTrigger.node';
import { additionalDataFor, NODE_TYPE_PREFIX, TestCredentialsHelper, TestNodeTypes } from './engine';

export const TRIGGER_NAME = 'Suno Music Trigger';
export const WEBHOOK_ID = '5b1f0c2e-7a43-4f7e-9c1d-2a6b8e9f0a11';

export interface WebhookRequest {
	/** An object or array is sent as JSON; a string or Buffer is sent as these exact bytes. */
	body?: unknown;
	/** Default application/json, as Suno sends. */
	contentType?: string;
	query?: Record<string, string | string[]>;
	headers?: Record<string, string>;
	/** Leaves `rawBody` out (and offers no readRawBody), so the node sees only the parsed body. */
	withoutRawBody?: boolean;
}

export interface WebhookAnswer {
	status: number;
	headers: Record<string, string>;
	/** The answer body, parsed when it is JSON. */
	body: any;
	/** What `webhook()` returned. */
	response: IWebhookResponseData;
	/** The items the workflow starts with; empty when the call started nothing. */
	emitted: INodeExecutionData[];
}

/** The parts of an express Response the node and n8n's responder use. */
class FakeResponse {
	statusCode = 200;
	headers: Record<string, string> = {};
	headersSent = false;
	private chunks: Buffer[] = [];
	ended = false;

	writeHead(status: number, headers: Record<string, string | number> = {}) {
		this.statusCode = status;
		for (const [name, value] of Object.entries(headers)) this.headers[name.toLowerCase()] = String(value);
		this.headersSent = true;
		return this;
	}

	setHeader(name: string, value: string | number) {
		this.headers[name.toLowerCase()] = String(value);
		return this;
	}

	status(code: number) {
		this.statusCode = code;
		return this;
	}

	json(body: unknown) {
		this.setHeader('content-type', 'application/json; charset=utf-8');
		return this.end(JSON.stringify(body));
	}

	end(chunk?: string | Buffer) {
		if (this.ended) throw new Error('The response was ended twice');
		if (chunk !== undefined) this.chunks.push(Buffer.from(chunk));
		this.headersSent = true;
		this.ended = true;
		return this;
	}

	text(): string {
		return Buffer.concat(this.chunks).toString('utf8');
	}
}

function encode(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body ?? {}), 'utf8');
}

/** What n8n's parseBody leaves in req.body for these bytes. */
function parsedBody(raw: Buffer, contentType: string): unknown {
	if (raw.length === 0) return {};
	if (contentType === 'application/json') {
		try {
			return JSON.parse(raw.toString('utf8'));
		} catch {
			// n8n answers 422 "Failed to parse request body" itself and never calls the node.
			throw new Error('n8n refuses invalid JSON sent as application/json before the node runs; use another content type to reach the node');
		}
	}
	if (contentType === 'text/plain') return raw.toString('utf8');
	return {};
}

function fakeRequest(request: WebhookRequest) {
	const contentType = request.contentType ?? 'application/json';
	const raw = encode(request.body);
	const headers: Record<string, string> = {
		'content-type': contentType,
		'content-length': String(raw.length),
		'user-agent': 'suno-callback-test',
		...Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
	};
	return {
		method: 'POST',
		headers,
		params: {},
		query: request.query ?? {},
		body: parsedBody(raw, contentType),
		contentType,
		encoding: 'utf-8',
		...(request.withoutRawBody ? {} : { rawBody: raw, readRawBody: async () => undefined }),
	};
}

export interface TriggerOptions {
	parameters: INodeParameters;
	workflowId?: string;
	/** The static data the workflow starts with, e.g. to continue after a restart. */
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
}

export interface TriggerRun {
	run: IRun;
	output: INodeExecutionData[];
	error?: IRun['data']['resultData']['error'];
}

/** One active workflow containing the trigger; its static data lives as long as this object. */
export class TriggerHarness {
	readonly workflow: Workflow;
	readonly node: INode;
	private readonly nodeType = new SunoMusicTrigger();
	private readonly workflowData: IWorkflowBase;
	private readonly mode: WorkflowExecuteMode;

	constructor(options: TriggerOptions) {
		const id = options.workflowId ?? 'trigger-workflow';
		this.mode = options.mode ?? 'webhook';
		const node: INode = {
			id: 'suno-trigger',
			name: TRIGGER_NAME,
			type: `${NODE_TYPE_PREFIX}.sunoMusicTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			webhookId: WEBHOOK_ID,
		};
		this.workflow = new Workflow({
			id,
			name: 'trigger test',
			nodes: [node],
			connections: {},
			nodeTypes: new TestNodeTypes([this.nodeType]),
			active: true,
			staticData: options.staticData ?? {},
			settings: { executionOrder: 'v1' },
		});
		// The Workflow fills in the defaults of parameters that were not set, as n8n does.
		this.node = this.workflow.getNode(TRIGGER_NAME)!;
		this.workflowData = {
			id,
			name: 'trigger test',
			active: true,
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes: [this.node],
			connections: {},
		};
	}

	private additionalData(extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
		const hooks = new ExecutionLifecycleHooks(this.mode, '1', this.workflowData);
		return { ...additionalDataFor(new TestCredentialsHelper([new SunoApi()], {}), hooks), ...extra };
	}

	private webhookData(additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		return {
			httpMethod: 'POST',
			node: TRIGGER_NAME,
			path: `${WEBHOOK_ID}/callback`,
			webhookDescription: this.nodeType.description.webhooks![0],
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
		};
	}

	/** The workflow's static data, as n8n would save it after the call. */
	get staticData(): IDataObject {
		return this.workflow.staticData;
	}

	/** The part of it that belongs to the trigger node (getWorkflowStaticData('node')). */
	get nodeStaticData(): IDataObject {
		return (this.workflow.staticData[`node:${TRIGGER_NAME}`] as IDataObject | undefined) ?? {};
	}

	/** Calls a webhook lifecycle method (checkExists, create, delete) as activation does. */
	async lifecycle(method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
		const additionalData = this.additionalData();
		const context = new HookContext(this.workflow, this.node, additionalData, this.mode, 'activate', this.webhookData(additionalData));
		return await this.nodeType.webhookMethods.default[method].call(context);
	}

	/** The Production URL n8n shows for the trigger. */
	productionUrl(): string | undefined {
		const additionalData = this.additionalData();
		const context = new HookContext(this.workflow, this.node, additionalData, this.mode, 'activate', this.webhookData(additionalData));
		return context.getNodeWebhookUrl('default');
	}

	/** One POST to the trigger; answers as n8n would send it. */
	async call(request: WebhookRequest): Promise<WebhookAnswer> {
		const res = new FakeResponse();
		const req = fakeRequest(request);
		const additionalData = this.additionalData({
			httpRequest: req as unknown as IWorkflowExecuteAdditionalData['httpRequest'],
			httpResponse: res as unknown as IWorkflowExecuteAdditionalData['httpResponse'],
		});
		const context = new WebhookContext(this.workflow, this.node, additionalData, this.mode, this.webhookData(additionalData), [], null);
		const response = await this.nodeType.webhook.call(context);
		if (response.noWebhookResponse !== true && !res.ended) {
			// n8n's own answer in responseMode onReceived.
			const fallback = response.workflowData ? { message: 'Workflow was started' } : { message: 'Webhook call received' };
			res.json(response.webhookResponse ?? fallback);
		}
		const text = res.text();
		let body: unknown = text;
		try {
			body = JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		return { status: res.statusCode, headers: res.headers, body, response, emitted: response.workflowData?.[0] ?? [] };
	}

	/** Runs the workflow from the trigger with what a call emitted, as n8n starts the execution. */
	async execute(emitted: INodeExecutionData[]): Promise<TriggerRun> {
		const hooks = new ExecutionLifecycleHooks(this.mode, '1', this.workflowData);
		const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: this.node, data: { main: [emitted] }, source: null }] },
		});
		const additionalData = additionalDataFor(new TestCredentialsHelper([new SunoApi()], {}), hooks);
		const execution = new WorkflowExecute(additionalData, this.mode, runExecutionData).processRunExecutionData(this.workflow);
		execution.catch(() => undefined);
		const run = await finished;
		const taskData = run.data.resultData.runData[TRIGGER_NAME]?.[0];
		return { run, output: taskData?.data?.main?.[0] ?? [], error: run.data.resultData.error };
	}
}
