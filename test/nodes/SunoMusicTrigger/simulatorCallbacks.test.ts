import * as http from 'http';
import type { AddressInfo } from 'net';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSimulator, type CallbackDelivery, type SunoSimulator, type TaskSpec } from '../../../simulator';
import { TriggerHarness, WEBHOOK_ID } from '../../harness/webhook';

const SECRET = 'Zr8uQ4mK1vN6xB3cT9pL';

let sim: SunoSimulator;

beforeAll(async () => {
	// 600 simulated seconds per real second: a 30 s generation takes 50 ms.
	sim = await startSimulator({ timeScale: 600, rateLimit: false, quiet: true });
});

afterAll(async () => await sim.close());

beforeEach(() => sim.reset());

interface Endpoint {
	/** What to give Suno as callBackUrl. */
	callBackUrl: string;
	/** One entry per call that started the workflow: the items it started it with. */
	executions: INodeExecutionData[][];
	close: () => Promise<void>;
}

/** An HTTP endpoint on 127.0.0.1 that hands every POST to the trigger, as n8n's webhook server does. */
async function listen(harness: TriggerHarness): Promise<Endpoint> {
	const executions: INodeExecutionData[][] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			harness
				.call({
					body: Buffer.concat(chunks),
					contentType: String(req.headers['content-type'] ?? '').split(';')[0],
					query: Object.fromEntries(url.searchParams),
				})
				.then((answer) => {
					if (answer.emitted.length > 0) executions.push(answer.emitted);
					res.writeHead(answer.status, answer.headers).end(JSON.stringify(answer.body));
				})
				.catch((error: Error) => res.writeHead(500).end(error.message));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		callBackUrl: `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/callback?secret=${SECRET}`,
		executions,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** Waits (in real time, a few hundred ms at most) until the simulator has delivered `count` callbacks of the task. */
async function deliveries(taskId: string, count: number): Promise<CallbackDelivery[]> {
	const deadline = Date.now() + 5000;
	for (;;) {
		const done = sim.callbacks.filter((delivery) => delivery.taskId === taskId);
		if (done.length >= count) return done;
		if (Date.now() > deadline) throw new Error(`only ${done.length} of ${count} callbacks of ${taskId} arrived`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

let workflowCount = 0;

async function runTask(parameters: INodeParameters, spec: TaskSpec, expectedDeliveries: number) {
	workflowCount++;
	const harness = new TriggerHarness({ parameters: { secret: SECRET, ...parameters }, workflowId: `sim-wf-${workflowCount}` });
	const endpoint = await listen(harness);
	try {
		const taskId = sim.createTask({ durationS: 30, streamsAtS: 5, firstAtS: 15, callBackUrl: endpoint.callBackUrl, ...spec });
		const delivered = await deliveries(taskId, expectedDeliveries);
		return { harness, taskId, delivered, executions: endpoint.executions };
	} finally {
		await endpoint.close();
	}
}

describe('Suno Music Trigger with the simulator’s real callbacks', () => {
	it('emits complete once, with one item per track, for a task whose every stage is delivered twice', async () => {
		const { taskId, delivered, executions } = await runTask({}, { duplicateCallbacks: 1 }, 6);
		expect(delivered.map((delivery) => [delivery.stage, delivery.status])).toEqual([
			['text', 200],
			['text', 200],
			['first', 200],
			['first', 200],
			['complete', 200],
			['complete', 200],
		]);
		expect(executions).toHaveLength(1);
		const [items] = executions;
		expect(items).toHaveLength(2);
		items.forEach(({ json }, index) => {
			expect(json).toMatchObject({ kind: 'music', callbackType: 'complete', taskId, status: 'SUCCESS', trackIndex: index, trackCount: 2, audioReady: true });
			expect(json.audioUrl).toBe(`${sim.cdnBaseUrl}/audio/${String(json.audioId)}.mp3`);
			expect(json.createTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		});
	});

	it('emits each stage once when all events are wanted, dropping the repeats', async () => {
		const { executions } = await runTask({ events: ['text', 'first', 'complete', 'error'] }, { duplicateCallbacks: 2 }, 9);
		expect(executions.map((items) => [items[0].json.callbackType, items.length, items.filter((item) => item.json.audioReady).length])).toEqual([
			['text', 2, 0],
			['first', 2, 1],
			['complete', 2, 2],
		]);
	});

	it('emits the error stage of a failed task once, with Suno’s code and message', async () => {
		const { delivered, executions } = await runTask({}, { scenario: 'audio-failed', duplicateCallbacks: 1 }, 2);
		expect(delivered.map((delivery) => [delivery.stage, delivery.status])).toEqual([
			['error', 200],
			['error', 200],
		]);
		expect(executions).toHaveLength(1);
		expect(executions[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ kind: 'music', callbackType: 'error', status: 'GENERATE_AUDIO_FAILED', errorCode: 501, errorMessage: 'Audio generation failed', trackCount: 0 }),
		]);
	});

	it('emits a lyrics task as one item per variant', async () => {
		const { taskId, executions } = await runTask({}, { kind: 'lyrics', durationS: 10, duplicateCallbacks: 1 }, 2);
		expect(executions).toHaveLength(1);
		expect(executions[0].map((item) => [item.json.kind, item.json.taskId, item.json.variantIndex, typeof item.json.text])).toEqual([
			['lyrics', taskId, 0, 'string'],
			['lyrics', taskId, 1, 'string'],
		]);
	});

	it('refuses callbacks sent to the URL without the secret, so nothing starts', async () => {
		workflowCount++;
		const harness = new TriggerHarness({ parameters: { secret: SECRET }, workflowId: `sim-wf-${workflowCount}` });
		const endpoint = await listen(harness);
		try {
			const taskId = sim.createTask({ durationS: 30, streamsAtS: 5, firstAtS: 15, callBackUrl: endpoint.callBackUrl.replace(/\?.*$/, '') });
			const delivered = await deliveries(taskId, 3);
			expect(delivered.map((delivery) => delivery.status)).toEqual([401, 401, 401]);
			expect(endpoint.executions).toEqual([]);
		} finally {
			await endpoint.close();
		}
	});

	it('downloads each track’s MP3 into binary in the workflow run, byte for byte what the simulator serves, after Suno has its answer', async () => {
		const { executions, harness } = await runTask({ downloadAudio: true }, {}, 3);
		const cdnReads = () => sim.requests.filter((request) => request.server === 'cdn');
		// The webhook answered every callback without touching the files.
		expect(cdnReads()).toEqual([]);
		const run = await harness.execute(executions[0]);
		expect(run.error).toBeUndefined();
		expect(run.output).toHaveLength(2);
		const expected = sim.audioBytes();
		for (const [index, item] of run.output.entries()) {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.audioDownloaded).toBe(true);
			const binary = item.binary?.data;
			expect(binary).toMatchObject({ mimeType: 'audio/mpeg', fileExtension: 'mp3' });
			expect(Buffer.from(binary!.data, 'base64').equals(expected)).toBe(true);
		}
		expect(cdnReads().map((request) => request.path).sort()).toEqual(
			run.output.map((item) => `/audio/${String(item.json.audioId)}.mp3`).sort(),
		);
	});
});
