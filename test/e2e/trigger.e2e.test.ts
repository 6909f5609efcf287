/* eslint-disable */
/**
 * The callback pattern in a real n8n 2.41.1: examples 4a (receiver: Suno Music Trigger, published)
 * and 4b (sender: Generate without waiting, Callback URL = the trigger's Production URL). The sender
 * runs through the REST API; the simulator then POSTs its callbacks (text, first, complete or error)
 * to n8n's webhook on 127.0.0.1, and the receiver's executions are read back over REST.
 *
 * Patches (./examples.ts): the credential points at the simulator; `connectCallbackExamples` does the
 * two manual steps of the examples (a Secret in the trigger, the Production URL + ?secret= in the
 * sender's Callback URL). Duplicate deliveries and a failed task are asked of the simulator with
 * setNextScenario, so the workflows stay as they are.
 */
import axios from 'axios';

import { startSimulator, type CallbackDelivery, type SunoSimulator } from '../../simulator';
import { EXAMPLE_IDS, connectCallbackExamples, loadExample, sunoCredential, withTypePrefix } from './examples';
import { describeRun, e2eLog, seconds } from './log';
import {
	freePort,
	loadEnv,
	nodeItems,
	nodeTypePrefix,
	startSession,
	type E2eSession,
	type Execution,
	type ExecutionSummary,
	type NodeRunJson,
} from './n8n';

jest.setTimeout(300_000);

const SECRET = 'e2e-callback-secret-7d41c0a9b2';

let sim: SunoSimulator;
let session: E2eSession | undefined;
let callbackUrl: string;

const sleep = async (ms: number) => await new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(100);
	}
}

/** Every delivery of the task's callbacks, once `count` of them have been answered. */
async function deliveries(taskId: string, count: number): Promise<CallbackDelivery[]> {
	return await until(`${count} callbacks of ${taskId}`, () => {
		const done = sim.callbacks.filter((d) => d.taskId === taskId);
		return done.length >= count ? done : undefined;
	});
}

/** The receiver's finished executions that are not in `seen`, once there are `count` of them. */
async function newExecutions(seen: Set<string>, count: number): Promise<ExecutionSummary[]> {
	return await until(`${count} new receiver execution(s)`, async () => {
		const list = (await session!.rest.listExecutions(EXAMPLE_IDS.callbackReceiver, 50)).filter((e) => !seen.has(e.id));
		return list.length >= count && list.every((e) => !['new', 'running'].includes(e.status)) ? list : undefined;
	});
}

async function receiverIds(): Promise<Set<string>> {
	return new Set((await session!.rest.listExecutions(EXAMPLE_IDS.callbackReceiver, 50)).map((e) => e.id));
}

function runDataOf(ex: Execution): Record<string, NodeRunJson[]> {
	return ex.data.resultData.runData as Record<string, NodeRunJson[]>;
}

function stages(list: CallbackDelivery[]): string {
	const counts = new Map<string, number>();
	for (const d of list) counts.set(`${d.stage}→${d.status ?? d.error}`, (counts.get(`${d.stage}→${d.status ?? d.error}`) ?? 0) + 1);
	return [...counts].map(([k, n]) => `${k}${n > 1 ? ` ×${n}` : ''}`).join(', ');
}

/** Runs the sender (REST) and returns the task it created. */
async function runSender(): Promise<{ taskId: string; executionId: string; ms: number }> {
	const t0 = Date.now();
	const ex = await session!.rest.runAndWait(EXAMPLE_IDS.callbackSender);
	expect(ex.status).toBe('success');
	const [pending] = nodeItems(runDataOf(ex), 'Start generation');
	expect(pending.json).toMatchObject({ status: 'PENDING' });
	const create = sim.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/generate' && (r.body as any)?.callBackUrl === callbackUrl);
	expect(create).toBeDefined();
	return { taskId: String(pending.json.taskId), executionId: ex.id, ms: Date.now() - t0 };
}

beforeAll(async () => {
	sim = await startSimulator({ timeScale: 600, rateLimit: false, quiet: true });
	const port = await freePort();
	const prefix = nodeTypePrefix(loadEnv());
	const receiver = withTypePrefix(loadExample('callbackReceiver'), prefix);
	const sender = withTypePrefix(loadExample('callbackSender'), prefix);
	callbackUrl = connectCallbackExamples(receiver, sender, `http://127.0.0.1:${port}`, SECRET);
	const credential = sunoCredential({ apiKey: sim.apiKey, baseUrl: sim.baseUrl, uploadBaseUrl: sim.uploadBaseUrl });
	const t0 = Date.now();
	session = await startSession({ isolated: true, port, installPackage: true, credentials: [credential], workflows: [receiver, sender] });
	const { publication } = await session.rest.activateWorkflow(EXAMPLE_IDS.callbackReceiver);
	e2eLog(
		`n8n ${session.env.E2E_N8N_VERSION} (trigger suite): examples 4a + 4b imported, receiver published (${publication?.status ?? 'active'}) in ${seconds(Date.now() - t0)}; ` +
			`callback URL ${callbackUrl.replace(SECRET, '<secret>')}`,
	);
});

afterAll(async () => {
	await session?.stop();
	await sim?.close();
});

describe('Suno Music Trigger in real n8n (examples 4a + 4b)', () => {
	it('refuses a call without the secret with 401 and starts nothing', async () => {
		const before = await receiverIds();
		const res = await axios.post(callbackUrl.replace(/\?.*$/, ''), { code: 200, msg: 'ok', data: { callbackType: 'complete', task_id: 'x', data: [] } }, { validateStatus: () => true });
		expect(res.status).toBe(401);
		await sleep(500);
		expect(await receiverIds()).toEqual(before);
		e2eLog(`trigger without ?secret=: HTTP ${res.status}, no execution`);
	});

	it('a task created by the sender workflow starts the receiver once, with one item per track and its MP3, despite repeated callbacks', async () => {
		const before = await receiverIds();
		sim.setNextScenario({ duplicateCallbacks: 1 }); // every stage delivered twice
		const sent = await runSender();
		const delivered = await deliveries(sent.taskId, 6);
		expect(delivered.map((d) => d.stage)).toEqual(['text', 'text', 'first', 'first', 'complete', 'complete']);
		for (const d of delivered) expect(d.status).toBe(200);

		const [summary] = await newExecutions(before, 1);
		await sleep(1000); // room for a wrongly re-emitted duplicate to show up
		expect((await receiverIds()).size).toBe(before.size + 1);

		const ex = await session!.rest.getExecution(summary.id);
		expect(ex.status).toBe('success');
		expect(ex.mode).toBe('webhook');
		const runData = runDataOf(ex);
		const tracks = nodeItems(runData, 'Suno Music Trigger');
		expect(tracks).toHaveLength(2);
		const audio = sim.audioBytes();
		for (const [index, t] of tracks.entries()) {
			expect(t.json).toMatchObject({ taskId: sent.taskId, kind: 'music', callbackType: 'complete', status: 'SUCCESS', trackIndex: index, trackCount: 2 });
			expect(t.binary?.data).toMatchObject({ mimeType: 'audio/mpeg', fileExtension: 'mp3' });
			if (t.binary?.data.bytes !== undefined) expect(t.binary.data.bytes).toBe(audio.length);
		}
		expect(nodeItems(runData, 'Use the tracks')).toHaveLength(2);
		e2eLog(
			`trigger, complete: sender (example 4b) via REST, execution ${sent.executionId}, created task ${sent.taskId} (${seconds(sent.ms)}); ` +
				`simulator callbacks: ${stages(delivered)}; receiver (example 4a) executions: #${ex.id} ${ex.mode} ${ex.status}: ${describeRun(runData)}`,
		);
	});

	it('a failed task starts the receiver once with the error', async () => {
		const before = await receiverIds();
		sim.setNextScenario({ scenario: 'audio-failed' });
		const sent = await runSender();
		const delivered = await deliveries(sent.taskId, 1);
		expect(delivered.map((d) => [d.stage, d.status])).toEqual([['error', 200]]);

		const [summary] = await newExecutions(before, 1);
		const ex = await session!.rest.getExecution(summary.id);
		const items = nodeItems(runDataOf(ex), 'Suno Music Trigger');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ taskId: sent.taskId, kind: 'music', callbackType: 'error', errorCode: expect.anything() });
		e2eLog(
			`trigger, error: sender execution ${sent.executionId}, task ${sent.taskId}; simulator callbacks: ${stages(delivered)}; ` +
				`receiver executions: #${ex.id} ${ex.mode} ${ex.status}: ${describeRun(runDataOf(ex))}; item ${JSON.stringify(items[0].json).slice(0, 200)}`,
		);
	});
});
