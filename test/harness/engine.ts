/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * Runs nodes inside n8n-core's real WorkflowExecute, the engine n8n itself uses, so tests see
 * items, pairedItem, binary data, error routing and cancellation exactly as a user would.
 * n8n's own NodeTestHarness is not published; this is the small part of it this package needs.
 */
import { ExecutionLifecycleHooks, ExecuteContext, RoutingNode, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeConnectionTypes,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type INodeTypeDescription,
	type IRun,
	type ITaskData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IRequestOptionsSimplified,
	type IConnections,
} from 'n8n-workflow';

import { SunoApi } from '../../credentials/SunoApi.credentials';
import { SunoMusic } from '../../nodes/SunoMusic/SunoMusic.node';

/** Start node: emits the items given in its `items` parameter, like a Manual Trigger followed by data. */
export class TestItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['input'],
		version: 1,
		description: 'Emits the items of its parameter',
		defaults: { name: 'Test Items' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		const output = items.map(async ({ [BINARY_KEY]: files, ...json }) => ({
			json,
			...(files ? { binary: await binaryOf(this, files as Record<string, TestFile>) } : {}),
			pairedItem: { item: 0 },
		}));
		return [await Promise.all(output)];
	}
}

/** An input file of a test item: an item `{ [BINARY_KEY]: { data: { base64, fileName, mimeType } } }` gets binary `data`. */
export interface TestFile {
	base64: string;
	fileName?: string;
	mimeType?: string;
}

export const BINARY_KEY = '$binary';

async function binaryOf(ctx: IExecuteFunctions, files: Record<string, TestFile>): Promise<IBinaryKeyData> {
	const binary: IBinaryKeyData = {};
	for (const [name, file] of Object.entries(files)) {
		binary[name] = await ctx.helpers.prepareBinaryData(Buffer.from(file.base64, 'base64'), file.fileName, file.mimeType);
	}
	return binary;
}

export const NODE_TYPE_PREFIX = 'n8n-nodes-suno';

export class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();

	constructor(nodeTypes: INodeType[]) {
		for (const nodeType of nodeTypes) this.types.set(`${NODE_TYPE_PREFIX}.${nodeType.description.name}`, nodeType);
	}

	getByName(name: string): INodeType {
		const found = this.types.get(name);
		if (!found) throw new Error(`Unknown node type ${name}`);
		return found;
	}

	getByNameAndVersion(name: string): INodeType {
		return this.getByName(name);
	}

	getKnownTypes() {
		return {};
	}
}

/** Applies a credential's generic `authenticate` the way n8n's CredentialsHelper does. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: ICredentialType[],
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	private typeOf(name: string): ICredentialType {
		const found = this.credentialTypes.find((type) => type.name === name);
		if (!found) throw new Error(`Unknown credential type ${name}`);
		return found;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const auth = this.typeOf(typeName).authenticate;
		if (typeof auth === 'function') return await auth(credentials, requestOptions as IHttpRequestOptions);
		if (!auth || !workflow || !node) return requestOptions as IHttpRequestOptions;
		const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [outerKey, values] of Object.entries(auth.properties)) {
			target[outerKey] ??= {};
			for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
				target[outerKey][key] = workflow.expression.getSimpleParameterValue(node, value as string, 'internal', {
					$credentials: credentials,
				});
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not needed by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const defaults = Object.fromEntries(
			this.typeOf(type).properties.map((property) => [property.name, property.default]),
		) as ICredentialDataDecryptedObject;
		return { ...defaults, ...this.data[type] };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.typeOf(type).properties;
	}
}

const BASE_URL = 'http://127.0.0.1:5678';

export function additionalDataFor(credentialsHelper: ICredentialsHelper, hooks: ExecutionLifecycleHooks) {
	const stub = async () => {
		throw new Error('Not available in engine tests');
	};
	return {
		credentialsHelper,
		hooks,
		executionId: '1',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		executeWorkflow: stub,
		getRunExecutionData: stub,
		getRuntimeCredential: stub,
		logAiEvent: () => {},
		startRunnerTask: stub,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface SunoCredentialData {
	apiKey: string;
	baseUrl: string;
	uploadBaseUrl?: string;
}

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface RunOptions {
	parameters: INodeParameters;
	/** Input items of the node; one empty item when not given. */
	items?: IDataObject[];
	credentials: SunoCredentialData;
	onError?: OnError;
	nodeType?: INodeType;
}

export interface EngineResult {
	run: IRun;
	/** The run of the node under test, if the engine got to it. */
	taskData?: ITaskData;
	output: INodeExecutionData[];
	errorOutput: INodeExecutionData[];
	/** The error that stopped the workflow, as n8n records it. */
	error?: IRun['data']['resultData']['error'];
}

export const NODE_NAME = 'Suno Music';

function buildWorkflow(options: RunOptions) {
	const nodeType = options.nodeType ?? new SunoMusic();
	const nodeTypes = new TestNodeTypes([new TestItems(), nodeType]);
	const nodes: INode[] = [
		{
			id: 'items',
			name: 'Items',
			type: `${NODE_TYPE_PREFIX}.testItems`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		},
		{
			id: 'suno',
			name: NODE_NAME,
			type: `${NODE_TYPE_PREFIX}.${nodeType.description.name}`,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { sunoApi: { id: 'cred-1', name: 'Suno account' } },
			...(options.onError ? { onError: options.onError } : {}),
		},
	];
	const connections: IConnections = {
		Items: { main: [[{ node: NODE_NAME, type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const workflow = new Workflow({
		id: 'test',
		nodes,
		connections,
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const workflowData: IWorkflowBase = {
		id: 'test',
		name: 'engine test',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
	};
	return { workflow, workflowData };
}

function toResult(run: IRun): EngineResult {
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const main = taskData?.data?.main ?? [];
	return {
		run,
		taskData,
		output: main[0] ?? [],
		errorOutput: main[1] ?? [],
		error: run.data.resultData.error,
	};
}

export interface StartedRun {
	result: Promise<EngineResult>;
	cancel: () => void;
}

/** Starts Items → Suno Music in the real engine; `cancel` stops it as the editor's Stop button does. */
export function startSunoNode(options: RunOptions): StartedRun {
	const { workflow, workflowData } = buildWorkflow(options);
	const credentialsHelper = new TestCredentialsHelper([new SunoApi()], {
		sunoApi: options.credentials as unknown as ICredentialDataDecryptedObject,
	});
	const hooks = new ExecutionLifecycleHooks('manual', '1', workflowData);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: workflow.getNode('Items')!, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(
		additionalDataFor(credentialsHelper, hooks),
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	execution.catch(() => undefined);
	return { result: finished.then(toResult), cancel: () => execution.cancel() };
}

export async function runSunoNode(options: RunOptions): Promise<EngineResult> {
	return await startSunoNode(options).result;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * Tests a credential as n8n's credentials tester does: its `test.request` is sent by the real
 * RoutingNode with the credential applied, then its `rules` are checked against the answer.
 */
export async function testCredential(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const testRequest = credentialType.test!;
	const nodeType: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential Test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: testRequest.request } },
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: `${NODE_TYPE_PREFIX}.credentialTest`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'Suno account' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes([nodeType]),
	});
	const credentialsHelper = new TestCredentialsHelper([credentialType], { [credentialType.name]: data });
	const hooks = new ExecutionLifecycleHooks('internal', '1', {
		id: 'cred-test',
		name: 'cred-test',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [node],
		connections: {},
	});
	const runExecutionData = createRunExecutionData({});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(credentialsHelper, hooks),
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = await credentialsHelper.getDecrypted({} as IWorkflowExecuteAdditionalData, { id: 'cred-1', name: '' }, credentialType.name);
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, nodeType, {
			id: 'cred-1',
			name: 'Suno account',
			type: credentialType.name,
			data: decrypted,
		}).runNode();
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json ?? {};
		const value = rule.properties.key.split('.').reduce<unknown>((at, key) => (at as IDataObject)?.[key], body);
		if (value === rule.properties.value) return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
