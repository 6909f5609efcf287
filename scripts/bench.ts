/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * `npm run bench`: how fast the node waits at scale, side by side with what users build today,
 * on the simulator with a scaled clock. Prints tables; asserts nothing (targets are in the README).
 *
 *   (a) this node: one run of Generate (Wait for Completion) over N prompts, all waited on at once
 *   (b) this node, one prompt per run, one run after another (what concurrency 1 means for a user)
 *   (c) the loop users wire by hand today, in a real n8n 2.41.1: Loop Over Items → HTTP Request
 *       (create) → Wait → HTTP Request (status) → IF → Wait → …, one prompt at a time
 *   plus Get Generation Details over N tasks that already exist, to show the waiter alone.
 *
 * Each prompt carries a simulator marker that sets its task's duration (spread over 30–180 s).
 * Times are simulated seconds (real seconds × time scale), so they read as they would against Suno.
 */
import '../test/setup-env';

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import axios from 'axios';
import type { IDataObject, INodeType } from 'n8n-workflow';

import type { RecordedRequest } from '../simulator';
import { runSunoNode } from '../test/harness/engine';

const ROOT = path.resolve(__dirname, '..');
const TIME_SCALE = Number(process.env.BENCH_TIME_SCALE ?? 100);
/** Suno's own numbers: 20 requests per 10 s; a poll every 60 s keeps 100 tasks inside them. */
const LIMIT = { max: 20, windowS: 10 };
const INTERVAL_S = Number(process.env.BENCH_INTERVAL_S ?? 60);
const SIZES = (process.env.BENCH_SIZES ?? '1,10,100').split(',').map(Number);
const RECORD_INFO = '/api/v1/generate/record-info';
/** BENCH_RUNS picks rows, e.g. "a,existing"; all of them by default. */
const RUNS = (process.env.BENCH_RUNS ?? 'a,b,c,existing').split(',');
const wanted = (run: string) => RUNS.includes(run);

const TS_NODE = [require.resolve('ts-node/dist/bin.js'), '--transpile-only', '-P', 'tsconfig.test.json'];

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SunoMusic } = require('../index.js') as { SunoMusic: new () => INodeType };

interface Simulator {
	baseUrl: string;
	cdnBaseUrl: string;
	apiKey: string;
	child: ChildProcess;
}

/** The simulator runs in its own process, so its work and memory do not count as the node's. */
async function startSimulatorProcess(): Promise<Simulator> {
	const child = spawn(
		process.execPath,
		[...TS_NODE, 'simulator/cli.ts'],
		{
			cwd: ROOT,
			env: {
				...process.env,
				SIM_PORT: '0',
				SIM_CDN_PORT: '0',
				SIM_LOG: '0',
				SIM_QUIET: '1',
				// Enough for every create of every run: a generate costs 12.
				SIM_CREDITS: '1000000',
				SIM_TIME_SCALE: String(TIME_SCALE),
				SIM_RATE_LIMIT: `${LIMIT.max}/${(LIMIT.windowS * 1000) / TIME_SCALE}`,
			},
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const lines = createInterface({ input: child.stdout! });
	for await (const line of lines) {
		if (line.startsWith('SIMULATOR_READY ')) {
			return { ...(JSON.parse(line.slice('SIMULATOR_READY '.length)) as Omit<Simulator, 'child'>), child };
		}
	}
	throw new Error('The simulator did not start');
}

async function control<T>(sim: Simulator, method: 'get' | 'post' | 'delete', route: string, body?: object): Promise<T> {
	const response = await axios.request<T>({ method, url: `${sim.baseUrl}/__sim/${route}`, data: body });
	return response.data;
}

/** Durations spread evenly over 30–180 simulated seconds; one task takes the longest. */
function durations(count: number): number[] {
	if (count === 1) return [180];
	return Array.from({ length: count }, (_, index) => 30 + (150 * index) / (count - 1));
}

const prompts = (count: number) =>
	durations(count).map((durationS, index) => ({ prompt: `Bench song ${index} [sim:success.d${durationS.toFixed(1)}]` }));

interface Measure {
	label: string;
	n: number;
	wallS: number;
	idealS: number;
	/** The ideal once Suno's own create limit is counted: the last task to finish, from its create, plus one interval. */
	idealAfterCreatesS: number;
	callsPerTask: number;
	callsWithinBound: boolean;
	rateLimited: number;
	surfacedErrors: number;
	busiestWindow: number;
}

function busiestWindow(requests: RecordedRequest[]): number {
	const windowMs = (LIMIT.windowS * 1000) / TIME_SCALE;
	const times = requests.filter((r) => r.server === 'api').map((r) => r.at).sort((a, b) => a - b);
	let most = 0;
	for (let start = 0, end = 0; end < times.length; end++) {
		while (times[end] - times[start] >= windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

interface BenchTask {
	taskId: string;
	durationS: number;
	/** Real ms since the start of the run when Suno accepted the create (0 for tasks made beforehand). */
	createdAfterMs: number;
}

/** The tasks of a run, from the simulator's log: creates carry their duration in the prompt's marker. */
function tasksOf(requests: RecordedRequest[], started: number, existing: BenchTask[]): BenchTask[] {
	if (existing.length > 0) return existing;
	return requests
		.filter((r) => r.method === 'POST' && r.path === '/api/v1/generate' && r.bodyCode === 200 && r.taskId)
		.map((r) => ({
			taskId: r.taskId!,
			durationS: Number(/\.d(\d+(?:\.\d+)?)\]/.exec(String((r.body as IDataObject).prompt))?.[1]),
			createdAfterMs: r.at - started,
		}));
}

/** What a run reports back: errors it surfaced and, when the run was timed by n8n itself, its span. */
interface Driven {
	errors: number;
	span?: { startedAt: number; stoppedAt: number };
}

async function measure(
	sim: Simulator,
	label: string,
	n: number,
	drive: (existing: BenchTask[]) => Promise<Driven>,
	existingTasks = false,
): Promise<Measure> {
	await control(sim, 'post', 'reset');
	const existing: BenchTask[] = [];
	if (existingTasks) {
		for (const durationS of durations(n)) {
			const { taskId } = await control<{ taskId: string }>(sim, 'post', 'tasks', { durationS });
			existing.push({ taskId, durationS, createdAfterMs: 0 });
		}
	}
	await control(sim, 'delete', 'requests');
	const calledAt = Date.now();
	const driven = await drive(existing);
	// n8n's CLI boots a whole instance first; the run's own timestamps leave that out.
	const started = driven.span?.startedAt ?? calledAt;
	const wallS = (((driven.span?.stoppedAt ?? Date.now()) - started) / 1000) * TIME_SCALE;
	const surfacedErrors = driven.errors;
	const requests = await control<RecordedRequest[]>(sim, 'get', 'requests');
	const tasks = tasksOf(requests, started, existing);
	const reads = requests.filter((r) => r.path === RECORD_INFO);
	const calls = tasks.map((task) => reads.filter((r) => r.query.taskId === task.taskId).length);
	return {
		label,
		n,
		wallS,
		idealS: Math.max(...tasks.map((task) => task.durationS)) + INTERVAL_S,
		idealAfterCreatesS:
			Math.max(...tasks.map((task) => (task.createdAfterMs / 1000) * TIME_SCALE + task.durationS)) + INTERVAL_S,
		callsPerTask: calls.reduce((sum, count) => sum + count, 0) / Math.max(tasks.length, 1),
		callsWithinBound:
			tasks.length === n && tasks.every((task, index) => calls[index] <= Math.ceil(task.durationS / INTERVAL_S) + 1),
		rateLimited: requests.filter((r) => r.bodyCode === 430 || r.bodyCode === 405).length,
		surfacedErrors,
		busiestWindow: busiestWindow(requests),
	};
}

const waitOptions = {
	firstCheckAfter: 30 / TIME_SCALE,
	pollInterval: INTERVAL_S / TIME_SCALE,
	maxWait: 3600,
	requestBudget: LIMIT.max,
	requestWindow: LIMIT.windowS / TIME_SCALE,
};

function nodeRun(sim: Simulator, parameters: IDataObject, items: IDataObject[]) {
	return {
		credentials: { apiKey: sim.apiKey, baseUrl: sim.baseUrl },
		nodeType: new SunoMusic(),
		parameters: { resource: 'music', waitForCompletion: true, waitOptions, ...parameters },
		items,
	};
}

const generate = { operation: 'generate', customMode: false, instrumental: false, model: 'V6', prompt: '={{ $json.prompt }}' };

function errorsIn(result: Awaited<ReturnType<typeof runSunoNode>>): number {
	if (result.error) return 1;
	return result.output.filter((item) => item.json.error !== undefined || item.json.status !== 'SUCCESS').length;
}

async function allAtOnce(sim: Simulator, n: number): Promise<Measure> {
	return await measure(sim, '(a) this node', n, async () => ({
		errors: errorsIn(await runSunoNode(nodeRun(sim, generate, prompts(n)))),
	}));
}

async function oneAtATime(sim: Simulator, n: number): Promise<Measure> {
	return await measure(sim, '(b) this node, concurrency 1', n, async () => {
		let errors = 0;
		for (const prompt of prompts(n)) errors += errorsIn(await runSunoNode(nodeRun(sim, generate, [prompt])));
		return { errors };
	});
}

async function existingTasks(sim: Simulator, n: number): Promise<Measure> {
	return await measure(
		sim,
		'this node, Get Generation Details of existing tasks',
		n,
		async (tasks) => ({
			errors: errorsIn(
				await runSunoNode(
					nodeRun(
						sim,
						{ operation: 'getGenerationDetails', taskId: '={{ $json.taskId }}' },
						tasks.map(({ taskId }) => ({ taskId })),
					),
				),
			),
		}),
		true,
	);
}

/** The loop users wire by hand today, run by a real n8n from the e2e setup through its CLI. */
async function handBuiltLoop(sim: Simulator, n: number, n8n: typeof import('../test/e2e/n8n'), home: string): Promise<Measure> {
	return await measure(sim, '(c) HTTP Request + Wait + IF loop in n8n', n, async () => {
		const workflow = handBuiltWorkflow(sim, n);
		const env = n8n.loadEnv({ homeDir: home });
		await n8n.importWorkflow(workflow, { env });
		const result = await n8n.executeWorkflow(workflow.id, { env, timeoutMs: 3_600_000 });
		if (result.status !== 'success') {
			const reason = JSON.stringify(result.error ?? result.run?.data?.resultData?.lastNodeExecuted ?? result.status);
			throw new Error(`The hand-built loop did not finish (${result.status}): ${reason}\n${result.stderr.slice(-2000)}`);
		}
		const done = n8n.nodeItems(result.runData, 'Done');
		const run = result.run as { startedAt: string; stoppedAt: string };
		return {
			errors: n - done.filter((item) => (item.json as IDataObject).data !== undefined).length,
			span: { startedAt: Date.parse(run.startedAt), stoppedAt: Date.parse(run.stoppedAt) },
		};
	});
}

export function handBuiltWorkflow(sim: Pick<Simulator, 'baseUrl' | 'apiKey'>, n: number) {
	const node = (name: string, type: string, typeVersion: number, parameters: IDataObject, x: number, y = 0) => ({
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type,
		typeVersion,
		position: [x, y],
		parameters,
	});
	const main = (...targets: Array<Array<string>>) => ({
		main: targets.map((names) => names.map((name) => ({ node: name, type: 'main', index: 0 }))),
	});
	const auth = { sendHeaders: true, headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${sim.apiKey}` }] } };
	const createBody = '={{ JSON.stringify({ customMode: false, instrumental: false, model: "V6", prompt: $json.prompt, callBackUrl: "https://example.com/suno-callback" }) }}';
	return {
		id: `benchLoop${n}`.padEnd(16, '0'),
		name: `Hand-built Suno loop (${n} prompts)`,
		nodes: [
			node('Manual', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
			node('Prompts', 'n8n-nodes-base.code', 2, { jsCode: `return ${JSON.stringify(prompts(n))}.map((json) => ({ json }));` }, 200),
			node('Loop Over Items', 'n8n-nodes-base.splitInBatches', 3, { batchSize: 1, options: {} }, 400),
			node(
				'Create',
				'n8n-nodes-base.httpRequest',
				4.2,
				{ method: 'POST', url: `${sim.baseUrl}/api/v1/generate`, ...auth, sendBody: true, specifyBody: 'json', jsonBody: createBody, options: {} },
				600,
			),
			node('First Wait', 'n8n-nodes-base.wait', 1.1, { amount: 30 / TIME_SCALE, unit: 'seconds' }, 800),
			node(
				'Get Task',
				'n8n-nodes-base.httpRequest',
				4.2,
				{ url: `={{ "${sim.baseUrl}${RECORD_INFO}?taskId=" + $json.data.taskId }}`, ...auth, options: {} },
				1000,
			),
			node(
				'Finished?',
				'n8n-nodes-base.if',
				2.2,
				{
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
						conditions: [
							{ id: 'status', leftValue: '={{ $json.data.status }}', rightValue: 'SUCCESS', operator: { type: 'string', operation: 'equals' } },
						],
						combinator: 'and',
					},
					options: {},
				},
				1200,
			),
			node('Wait', 'n8n-nodes-base.wait', 1.1, { amount: INTERVAL_S / TIME_SCALE, unit: 'seconds' }, 1400, 200),
			node('Done', 'n8n-nodes-base.noOp', 1, {}, 600, -200),
		],
		connections: {
			Manual: main(['Prompts']),
			Prompts: main(['Loop Over Items']),
			'Loop Over Items': main(['Done'], ['Create']),
			Create: main(['First Wait']),
			'First Wait': main(['Get Task']),
			'Get Task': main(['Finished?']),
			'Finished?': main(['Loop Over Items'], ['Wait']),
			Wait: main(['Get Task']),
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

function fixed(value: number, digits = 0): string {
	return value.toFixed(digits);
}

function printWaitingTable(rows: Measure[]): void {
	console.log(
		`\nWaiting: time scale ${TIME_SCALE}x, poll interval ${INTERVAL_S} s, limit ${LIMIT.max} requests / ${LIMIT.windowS} s (simulated seconds)\n`,
	);
	console.log(
		'| run | N | wall (s) | ideal (s) | wall / ideal | ideal after creates (s) | wall / that | status reads / task | ≤ ceil(d/interval)+1 | rate-limit answers | errors surfaced | most requests in 10 s |',
	);
	console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|');
	for (const row of rows) {
		console.log(
			`| ${row.label} | ${row.n} | ${fixed(row.wallS)} | ${fixed(row.idealS)} | ${fixed(row.wallS / row.idealS, 3)} | ${fixed(row.idealAfterCreatesS)} | ${fixed(row.wallS / row.idealAfterCreatesS, 3)} | ${fixed(row.callsPerTask, 2)} | ${row.callsWithinBound ? 'yes' : 'no'} | ${row.rateLimited} | ${row.surfacedErrors} | ${row.busiestWindow} |`,
		);
	}
	for (const n of SIZES) {
		const ours = rows.find((row) => row.n === n && row.label.startsWith('(a)'));
		const sequential = rows.find((row) => row.n === n && row.label.startsWith('(b)'));
		const baseline = rows.find((row) => row.n === n && row.label.startsWith('(c)'));
		if (!ours) continue;
		const parts = [
			sequential && `concurrency 1 / ours = ${fixed(sequential.wallS / ours.wallS, 1)}x`,
			baseline && `baseline / ours = ${fixed(baseline.wallS / ours.wallS, 1)}x`,
		].filter(Boolean);
		console.log(`N = ${n}: ${parts.join(', ')}`);
	}
}

/** Tracks per second through the one normaliser, on a real-shaped two-track record-info answer. */
async function normaliserThroughput(): Promise<number> {
	const { normaliseMusicTask, musicTaskToItems } = await import('../nodes/SunoMusic/helpers/normalise');
	const track = (id: string) => ({
		id,
		audioUrl: `https://tempfile.aiquickdraw.com/r/${id}.mp3`,
		sourceAudioUrl: `https://cdn1.suno.ai/${id}.mp3`,
		streamAudioUrl: `https://musicfile.removeai.ai/${id}`,
		sourceStreamAudioUrl: `https://audiopipe.suno.ai/?item_id=${id}`,
		imageUrl: `https://musicfile.removeai.ai/${id}.jpeg`,
		sourceImageUrl: `https://cdn2.suno.ai/image_${id}.jpeg`,
		prompt: '[Verse]\nA calm song for a birthday event',
		modelName: 'chirp-fenix',
		title: 'Birthday',
		tags: 'classical',
		createTime: 1776499082098,
		duration: 154.68,
	});
	const data = {
		taskId: 't1',
		parentMusicId: '',
		param: '{"prompt":"A calm song","customMode":false,"instrumental":false,"model":"V5_5"}',
		response: { taskId: 't1', sunoData: [track('9dd76ea7-d70e-49af-9989-c509e091e758'), track('7d3a0f7b-b0d2-481e-8ae5-f1e54ef9b39a')] },
		status: 'SUCCESS',
		type: 'chirp-fenix',
		operationType: 'generate',
		errorCode: null,
		errorMessage: null,
		createTime: 1776499031000,
	};
	const rounds = 200_000;
	let tracks = 0;
	const started = process.hrtime.bigint();
	for (let i = 0; i < rounds; i++) tracks += musicTaskToItems(normaliseMusicTask(data)).length;
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	return tracks / seconds;
}

/** The binary case runs in a child process of its own, so its memory reading is not polluted. */
async function binaryCase(): Promise<{ tracks: number; totalMb: number; peakGrowthMb: number; seconds: number }> {
	const child = spawn(process.execPath, [...TS_NODE, __filename, '--binary-case'], {
		cwd: ROOT,
		env: process.env,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
	const line = output.split('\n').find((candidate) => candidate.startsWith('BINARY_RESULT '));
	if (code !== 0 || !line) throw new Error(`The binary case failed:\n${output}`);
	return JSON.parse(line.slice('BINARY_RESULT '.length)) as { tracks: number; totalMb: number; peakGrowthMb: number; seconds: number };
}

const BINARY_TRACKS = 100;
const BINARY_TRACK_MB = 8;

async function runBinaryCase(): Promise<void> {
	const storage = mkdtempSync(path.join(tmpdir(), 'n8n-suno-bench-binary-'));
	process.env.N8N_BINARY_DATA_STORAGE_PATH = storage;
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
	const { Container } = await import('@n8n/di');
	const { BinaryDataService } = await import('n8n-core');
	await Container.get(BinaryDataService).init();
	const sim = await startSimulatorProcess();
	try {
		const download = async (count: number) => {
			const taskIds = [];
			for (let i = 0; i < count / 2; i++) {
				const spec = { durationS: 1, audioBytes: BINARY_TRACK_MB * 1024 * 1024 };
				taskIds.push((await control<{ taskId: string }>(sim, 'post', 'tasks', spec)).taskId);
			}
			return await runSunoNode({
				...nodeRun(
					sim,
					{
						operation: 'getGenerationDetails',
						taskId: '={{ $json.taskId }}',
						downloadAudio: true,
						downloadOptions: { maxFileSizeMb: BINARY_TRACK_MB * 2 },
					},
					taskIds.map((taskId) => ({ taskId })),
				),
			});
		};
		await download(2);
		const before = process.memoryUsage().rss;
		let peak = before;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
		const started = Date.now();
		const result = await download(BINARY_TRACKS);
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		if (result.error) throw new Error(result.error.message);
		const sizes = result.output.map((item) => item.binary?.data?.bytes ?? 0);
		const totalMb = sizes.reduce((sum, size) => sum + size, 0) / 1024 / 1024;
		console.log(
			`BINARY_RESULT ${JSON.stringify({ tracks: sizes.filter((size) => size > 0).length, totalMb, peakGrowthMb: (peak - before) / 1024 / 1024, seconds: (Date.now() - started) / 1000 })}`,
		);
	} finally {
		sim.child.kill('SIGTERM');
		rmSync(storage, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	if (process.argv.includes('--binary-case')) return await runBinaryCase();
	const sim = await startSimulatorProcess();
	// One throwaway run loads the engine's lazily created services, so no row pays for that.
	await runSunoNode(nodeRun(sim, { operation: 'getGenerationDetails', taskId: 'sim.success.d0.warm-up' }, [{}]));
	const rows: Measure[] = [];
	let n8nHome: string | undefined;
	try {
		for (const n of SIZES) {
			if (wanted('a')) rows.push(await allAtOnce(sim, n));
			if (wanted('b')) rows.push(await oneAtATime(sim, n));
			if (wanted('existing')) rows.push(await existingTasks(sim, n));
		}
		if (wanted('c')) {
			const n8n = await import('../test/e2e/n8n');
			n8nHome = mkdtempSync(path.join(tmpdir(), 'n8n-suno-bench-n8n-'));
			for (const n of SIZES) rows.push(await handBuiltLoop(sim, n, n8n, n8nHome));
		}
	} finally {
		sim.child.kill('SIGTERM');
		if (n8nHome) rmSync(n8nHome, { recursive: true, force: true });
	}
	rows.sort((a, b) => a.n - b.n || a.label.localeCompare(b.label));
	printWaitingTable(rows);

	const binary = await binaryCase();
	console.log(
		`\nBinary, filesystem mode: ${binary.tracks} tracks × ${BINARY_TRACK_MB} MB (${fixed(binary.totalMb)} MB) downloaded in ${fixed(binary.seconds, 1)} s; peak RSS growth ${fixed(binary.peakGrowthMb, 1)} MB`,
	);
	console.log(`Normaliser: ${fixed(await normaliserThroughput())} tracks/s`);
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(error.stack ?? error.message);
		process.exitCode = 1;
	});
}
