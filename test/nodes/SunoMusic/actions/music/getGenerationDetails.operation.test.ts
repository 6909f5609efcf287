import type { IDataObject } from 'n8n-workflow';

import { SunoApi } from '../../../../../credentials/SunoApi.credentials';
import { startSimulator, type SunoSimulator, type TaskSpec } from '../../../../../simulator';
import { runSunoNode, startSunoNode, testCredential, type OnError, type RunOptions } from '../../../../harness/engine';

const API_KEY = 'sim-secret-key-7f3a9c';
const RECORD_INFO = '/api/v1/generate/record-info';

let sim: SunoSimulator;

beforeAll(async () => {
	// 600 simulated seconds per real second: a 150 s generation takes 250 ms.
	sim = await startSimulator({ apiKey: API_KEY, timeScale: 600, rateLimit: false, quiet: true });
});

afterAll(async () => await sim.close());

beforeEach(() => sim.reset());

function run(parameters: IDataObject, extra: Partial<RunOptions> = {}) {
	return runSunoNode({
		parameters: { resource: 'music', operation: 'getGenerationDetails', ...parameters },
		credentials: { apiKey: API_KEY, baseUrl: sim.baseUrl },
		...extra,
	});
}

const waitFast = (waitOptions: IDataObject = {}) => ({
	waitForCompletion: true,
	waitOptions: { pollInterval: 0.05, maxWait: 20, ...waitOptions },
});

const recordInfoReads = (taskId?: string) =>
	sim.requests.filter((r) => r.path === RECORD_INFO && (taskId === undefined || r.query.taskId === taskId));

/** A task already finished when the node reads it: created far enough in the simulated past. */
async function finishedTask(spec: TaskSpec = {}): Promise<string> {
	return sim.createTask({ durationS: 6, streamsAtS: 1, firstAtS: 3, ...spec });
}

async function settle(ms: number) {
	await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('Get Generation Details', () => {
	describe('reading a task once', () => {
		it('splits a finished task into one item per track, each paired to its input item', async () => {
			const taskId = await finishedTask();
			await settle(30);
			const result = await run({ taskId });
			expect(result.error).toBeUndefined();
			expect(result.output).toHaveLength(2);
			result.output.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: 0 });
				expect(item.json).toMatchObject({
					taskId,
					status: 'SUCCESS',
					operationType: 'generate',
					trackIndex: index,
					trackCount: 2,
					audioReady: true,
				});
				expect(item.json.audioUrl).toMatch(new RegExp(`^${sim.cdnBaseUrl}/audio/.+\\.mp3$`));
				expect(item.json.createTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
				expect(typeof item.json.duration).toBe('number');
				expect(typeof item.json.type).toBe('string');
				expect(item.json.param).toEqual(expect.any(Object));
			});
			expect(result.output[0].json.audioId).not.toEqual(result.output[1].json.audioId);
		});

		it('trims the task ID and sends it as the taskId query parameter', async () => {
			const taskId = await finishedTask();
			await settle(30);
			await run({ taskId: `  ${taskId}\n` });
			expect(recordInfoReads().map((r) => r.query)).toEqual([{ taskId }]);
		});

		it('gives one task-level item for a task that has no tracks yet', async () => {
			const result = await run({ taskId: 'sim.never-completes.pending' });
			expect(result.output).toEqual([
				{
					json: expect.objectContaining({ taskId: 'sim.never-completes.pending', status: 'PENDING', trackIndex: null, trackCount: 0 }),
					pairedItem: { item: 0 },
				},
			]);
		});

		it('reads epoch-millisecond and zone-less string times alike as ISO 8601', async () => {
			const taskId = await finishedTask({ scenario: 'legacy-times' });
			await settle(30);
			const result = await run({ taskId });
			for (const item of result.output) expect(item.json.createTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
		});

		it('returns the data object as Suno sent it when Output is Raw Response', async () => {
			const taskId = await finishedTask();
			await settle(30);
			const result = await run({ taskId, options: { output: 'raw' } });
			expect(result.output).toHaveLength(1);
			expect(result.output[0].json).toMatchObject({ taskId, status: 'SUCCESS', param: expect.any(String) });
			expect((result.output[0].json.response as IDataObject).sunoData).toHaveLength(2);
		});

		it('treats CALLBACK_EXCEPTION with audio as success: the callback failed, not the music', async () => {
			const taskId = await finishedTask({ scenario: 'callback-exception' });
			await settle(30);
			const result = await run({ taskId });
			expect(result.error).toBeUndefined();
			expect(result.output.map((item) => item.json.status)).toEqual(['CALLBACK_EXCEPTION', 'CALLBACK_EXCEPTION']);
			expect(result.output.every((item) => item.json.audioReady)).toBe(true);
		});

		it('refuses a blank task ID, naming the item, without sending any request', async () => {
			const result = await run({ taskId: '={{ $json.id }}' }, { items: [{ id: 'sim.success.a' }, { id: '   ' }] });
			expect(result.error?.message).toBe('The Task ID of item 1 is empty');
			expect(recordInfoReads().filter((r) => r.query.taskId.trim() === '')).toHaveLength(0);
		});
	});

	describe('failed tasks', () => {
		it.each([
			['create-failed', 'CREATE_TASK_FAILED'],
			['audio-failed', 'GENERATE_AUDIO_FAILED'],
			['sensitive-word', 'SENSITIVE_WORD_ERROR'],
			['callback-exception-no-audio', 'CALLBACK_EXCEPTION'],
		] as const)('%s: an error naming the task, %s and Suno’s reason', async (scenario, status) => {
			const taskId = await finishedTask({ scenario });
			await settle(30);
			const result = await run({ taskId });
			expect(result.output).toEqual([]);
			expect(result.error?.message).toContain(taskId);
			expect(result.error?.message).toContain(status);
			if (scenario === 'audio-failed') expect(result.error?.message).toContain('500: Internal Error, Please try again later.');
		});

		it('under Continue On Fail gives an error item of exactly { error }, paired to its input', async () => {
			const taskId = await finishedTask({ scenario: 'audio-failed' });
			await settle(30);
			const result = await run({ taskId }, { onError: 'continueRegularOutput' });
			expect(result.error).toBeUndefined();
			expect(result.output).toEqual([{ json: { error: expect.stringContaining('GENERATE_AUDIO_FAILED') }, pairedItem: { item: 0 } }]);
		});

		it('routes a failed item to the error output and keeps the good one on the main output', async () => {
			const good = await finishedTask();
			const bad = await finishedTask({ scenario: 'sensitive-word' });
			await settle(30);
			const result = await run({ taskId: '={{ $json.id }}' }, { items: [{ id: good }, { id: bad }], onError: 'continueErrorOutput' as OnError });
			expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
			expect(result.errorOutput).toHaveLength(1);
			expect(result.errorOutput[0].pairedItem).toEqual({ item: 1 });
			expect(result.errorOutput[0].json.error).toContain('SENSITIVE_WORD_ERROR');
		});
	});

	describe('errors Suno reports in the body of an HTTP 200 answer', () => {
		it.each([
			['unauthorized', 'Suno did not accept the API key', 'sunoapi.org/api-key'],
			['insufficient-credits', 'Your Suno account does not have enough credits', 'sunoapi.org/billing'],
		] as const)('%s becomes a NodeApiError saying what happened and how to fix it', async (kind, message, fix) => {
			sim.addFault({ kind, match: { pathPrefix: RECORD_INFO } });
			const result = await run({ taskId: 'sim.success.x' });
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe(message);
			expect((result.error as { description?: string }).description).toContain(fix);
		});

		it('a wrong key is refused with the credential fix, not retried', async () => {
			const result = await runSunoNode({
				parameters: { resource: 'music', operation: 'getGenerationDetails', taskId: 'sim.success.x' },
				credentials: { apiKey: 'not-the-key', baseUrl: sim.baseUrl },
			});
			expect(result.error?.message).toBe('Suno did not accept the API key');
			expect(recordInfoReads()).toHaveLength(1);
			expect(recordInfoReads()[0].bodyCode).toBe(401);
		});

		it('an unknown task ID is reported with Suno’s own message', async () => {
			const result = await run({ taskId: 'no-such-task' });
			expect(result.error?.message).toContain('Suno refused the request');
			expect(result.error?.message).toContain('no-such-task');
		});

		it('retries a maintenance answer on a single read and then succeeds', async () => {
			const taskId = await finishedTask();
			await settle(30);
			sim.addFault({ kind: 'maintenance', match: { pathPrefix: RECORD_INFO } });
			const result = await run({ taskId });
			expect(result.error).toBeUndefined();
			expect(recordInfoReads().map((r) => r.bodyCode)).toEqual([455, 200]);
		});
	});

	describe('Wait for Completion', () => {
		it('polls until every track is complete and outputs the finished tracks', async () => {
			const taskId = sim.createTask({ durationS: 150 });
			const result = await run({ taskId, ...waitFast() });
			expect(result.error).toBeUndefined();
			expect(result.output.map((item) => [item.json.status, item.json.audioReady])).toEqual([
				['SUCCESS', true],
				['SUCCESS', true],
			]);
			expect(recordInfoReads(taskId).length).toBeGreaterThan(2);
		});

		it('goes on at the first complete track when Wait For is First Track Complete', async () => {
			const taskId = sim.createTask({ durationS: 3000, streamsAtS: 10, firstAtS: 60 });
			const result = await run({ taskId, ...waitFast({ waitFor: 'firstTrack' }) });
			expect(result.output.map((item) => item.json.status)).toEqual(['FIRST_SUCCESS', 'FIRST_SUCCESS']);
			expect(result.output.map((item) => item.json.audioReady)).toEqual([true, false]);
		});

		it('goes on once every track can be streamed when Wait For is Streams Ready', async () => {
			const taskId = sim.createTask({ durationS: 3000, streamsAtS: 30, firstAtS: 2000 });
			const result = await run({ taskId, ...waitFast({ waitFor: 'streams' }) });
			expect(result.output).toHaveLength(2);
			for (const item of result.output) {
				expect(item.json).toMatchObject({ status: 'TEXT_SUCCESS', audioReady: false, audioUrl: null, duration: null });
				expect(item.json.streamAudioUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/stream\//);
			}
		});

		it('stops at a failure status instead of waiting for max wait', async () => {
			const taskId = sim.createTask({ scenario: 'audio-failed', durationS: 150 });
			const started = Date.now();
			const result = await run({ taskId, ...waitFast({ maxWait: 60 }) });
			expect(result.error?.message).toContain('GENERATE_AUDIO_FAILED');
			expect(Date.now() - started).toBeLessThan(5_000);
		});

		it('times out with an error naming the task and its last status', async () => {
			const taskId = sim.createTask({ durationS: 6000, streamsAtS: 10, firstAtS: 5000 });
			const result = await run({ taskId, ...waitFast({ maxWait: 0.5 }) });
			expect(result.error?.message).toBe(`Suno task ${taskId} was not finished after 0.5 s (last status: TEXT_SUCCESS)`);
			expect((result.error as { description?: string }).description).toContain('Max Wait');
		});

		it('under Continue On Fail passes on the last known items marked as timed out', async () => {
			const taskId = sim.createTask({ durationS: 6000, streamsAtS: 10, firstAtS: 5000 });
			const result = await run({ taskId, ...waitFast({ maxWait: 0.5 }) }, { onError: 'continueRegularOutput' });
			expect(result.error).toBeUndefined();
			expect(result.output).toHaveLength(2);
			for (const item of result.output) {
				expect(item.json).toMatchObject({ taskId, status: 'TEXT_SUCCESS', timedOut: true });
				expect(item.pairedItem).toEqual({ item: 0 });
			}
		});

		it('never lets a stale PENDING read undo a finished task', async () => {
			const taskId = sim.createTask({ scenario: 'status-regression', durationS: 150 });
			await settle(300);
			const result = await run({ taskId, ...waitFast({ waitFor: 'complete' }) });
			expect(result.output.map((item) => item.json.status)).toEqual(['SUCCESS', 'SUCCESS']);
		});

		it.each([
			['rate-limit', 430],
			['rate-limit-405', 405],
			['maintenance', 455],
			['server-error', 500],
			['bad-gateway', 0],
			['malformed-json', 0],
			['html', 0],
			['reset', 0],
		] as const)('rides out %s answers while polling instead of failing', async (kind, bodyCode) => {
			const taskId = sim.createTask({ durationS: 150 });
			sim.addFault({ kind, times: 2, match: { pathPrefix: RECORD_INFO } });
			const result = await run({ taskId, ...waitFast() });
			expect(result.error).toBeUndefined();
			expect(result.output.map((item) => item.json.status)).toEqual(['SUCCESS', 'SUCCESS']);
			const reads = recordInfoReads(taskId);
			if (bodyCode) expect(reads.slice(0, 2).map((r) => r.bodyCode)).toEqual([bodyCode, bodyCode]);
			expect(reads.length).toBeGreaterThan(2);
		});

		it('waits on several items at the same time, not one after another', async () => {
			const taskIds = [0, 1, 2].map(() => sim.createTask({ durationS: 300 }));
			const result = await run(
				{ taskId: '={{ $json.id }}', ...waitFast({ requestBudget: 1000 }) },
				{ items: taskIds.map((id) => ({ id })) },
			);
			expect(result.output.map((item) => [item.json.taskId, item.pairedItem])).toEqual([
				[taskIds[0], { item: 0 }],
				[taskIds[0], { item: 0 }],
				[taskIds[1], { item: 1 }],
				[taskIds[1], { item: 1 }],
				[taskIds[2], { item: 2 }],
				[taskIds[2], { item: 2 }],
			]);
			const first = (id: string) => Math.min(...recordInfoReads(id).map((r) => r.seq));
			const last = (id: string) => Math.max(...recordInfoReads(id).map((r) => r.seq));
			// Overlap: every task was already being polled before the first one was finished.
			expect(first(taskIds[2])).toBeLessThan(last(taskIds[0]));
			expect(first(taskIds[1])).toBeLessThan(last(taskIds[0]));
		});

		it('stops waiting within a second when the execution is stopped', async () => {
			const taskId = sim.createTask({ scenario: 'never-completes' });
			const started = startSunoNode({
				parameters: { resource: 'music', operation: 'getGenerationDetails', taskId, ...waitFast({ maxWait: 600 }) },
				credentials: { apiKey: API_KEY, baseUrl: sim.baseUrl },
			});
			await settle(300);
			expect(recordInfoReads(taskId).length).toBeGreaterThan(1);
			const stoppedAt = Date.now();
			started.cancel();
			const result = await started.result;
			expect(result.run.status).toBe('canceled');
			await settle(1_000);
			const afterStop = recordInfoReads(taskId).filter((r) => r.at > stoppedAt + 1_000);
			expect(afterStop).toEqual([]);
		});
	});

	describe('credential', () => {
		it('passes the credential test with the right key', async () => {
			await expect(testCredential(new SunoApi(), { apiKey: API_KEY, baseUrl: sim.baseUrl })).resolves.toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect(sim.requests.at(-1)).toMatchObject({ path: '/api/v1/generate/credit', bodyCode: 200 });
			expect(sim.requests.at(-1)?.headers.authorization).toBe(`Bearer ${API_KEY}`);
		});

		it('fails the credential test for a wrong key although Suno answers HTTP 200', async () => {
			const result = await testCredential(new SunoApi(), { apiKey: 'wrong', baseUrl: `${sim.baseUrl}/` });
			expect(result.status).toBe('Error');
			expect(result.message).toContain('did not accept this API key');
			expect(sim.requests.at(-1)).toMatchObject({ httpStatus: 200, bodyCode: 401 });
		});
	});

	describe('the API key', () => {
		it('appears in no output item and no error, whatever happened', async () => {
			const good = await finishedTask();
			const failed = await finishedTask({ scenario: 'audio-failed' });
			await settle(30);
			const outcomes = [
				await run({ taskId: good }),
				await run({ taskId: failed }),
				await run({ taskId: failed }, { onError: 'continueRegularOutput' }),
				await run({ taskId: 'no-such-task' }),
				await run({ taskId: 'sim.never-completes.k', ...waitFast({ maxWait: 0.2 }) }),
				await runSunoNode({
					parameters: { resource: 'music', operation: 'getGenerationDetails', taskId: 'x' },
					credentials: { apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9' },
				}),
			];
			for (const outcome of outcomes) {
				const everything = JSON.stringify({
					run: outcome.run,
					error: outcome.error,
					errorProps: outcome.error && Object.getOwnPropertyNames(outcome.error).map((name) => String((outcome.error as never)[name])),
				});
				expect(everything).not.toContain(API_KEY);
			}
			expect(outcomes[5].error?.message).toContain('Suno could not be reached');
		});
	});
});
