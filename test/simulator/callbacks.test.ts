import type { AxiosInstance } from 'axios';

import type { SunoSimulator } from '../../simulator';
import { client, eventually, receiver, sleep, start } from './helpers';

let sim: SunoSimulator;
let api: AxiosInstance;
let hook: Awaited<ReturnType<typeof receiver>>;

beforeAll(async () => {
	sim = await start();
	api = client(sim);
	hook = await receiver();
});

afterAll(async () => {
	await sim.close();
	await hook.close();
});

beforeEach(() => {
	sim.reset();
	hook.received.length = 0;
});

const generate = (callBackUrl: string, extra: object = {}) =>
	api.post('/api/v1/generate', { customMode: false, instrumental: false, model: 'V5', prompt: 'A calm piano', callBackUrl, ...extra }).then((r) => r.data.data.taskId as string);

const SNAKE_KEYS = ['id', 'audio_url', 'source_audio_url', 'stream_audio_url', 'source_stream_audio_url', 'image_url', 'source_image_url', 'prompt', 'model_name', 'title', 'tags', 'createTime', 'duration'];
const STREAMING_KEYS = SNAKE_KEYS.filter((k) => k !== 'source_audio_url' && k !== 'duration');

describe('music callbacks', () => {
	it('posts text, first and complete with snake_case tracks', async () => {
		// 6000x: text at 10 ms, first at 50 ms, complete at 100 ms.
		sim.setNextScenario({ streamsAtS: 60, firstAtS: 300, durationS: 600 });
		const taskId = await generate(`${hook.url}/suno/cb?run=1`);
		await eventually(() => (hook.received.length >= 3 ? true : undefined));
		const [text, first, complete] = hook.received;
		expect(hook.received.map((r) => r.body.data.callbackType)).toEqual(['text', 'first', 'complete']);
		expect(text.path).toBe('/suno/cb?run=1');
		expect(text.headers['content-type']).toBe('application/json');
		expect(text.body).toMatchObject({ code: 200, msg: 'Text generated successfully', data: { callbackType: 'text', task_id: taskId } });
		for (const track of text.body.data.data) {
			expect(Object.keys(track)).toEqual(STREAMING_KEYS);
			expect(track).toMatchObject({ audio_url: '', model_name: 'chirp-crow', prompt: 'A calm piano' });
			expect(track.stream_audio_url).toBe(`${sim.cdnBaseUrl}/stream/${track.id}`);
			expect(typeof track.createTime).toBe('number');
		}
		expect(first.body).toMatchObject({ code: 200, msg: 'First audio generated successfully.', data: { callbackType: 'first', task_id: taskId } });
		const [one, two] = first.body.data.data;
		expect(Object.keys(one)).toEqual(SNAKE_KEYS);
		expect(one.audio_url).toBe(`${sim.cdnBaseUrl}/audio/${one.id}.mp3`);
		expect(one.duration).toBeGreaterThan(0);
		expect(Object.keys(two)).toEqual(STREAMING_KEYS);
		expect(two.audio_url).toBe('');
		expect(complete.body).toMatchObject({ code: 200, msg: 'All generated successfully.', data: { callbackType: 'complete', task_id: taskId } });
		expect(complete.body.data.data.every((t: object) => Object.keys(t).join() === SNAKE_KEYS.join())).toBe(true);
		expect(complete.body.data.data.map((t: { id: string }) => t.id)).toEqual(text.body.data.data.map((t: { id: string }) => t.id));
		await eventually(() => (sim.callbacks.length >= 3 ? true : undefined));
		expect(sim.callbacks.map((c) => [c.stage, c.status, c.taskId])).toEqual([
			['text', 200, taskId],
			['first', 200, taskId],
			['complete', 200, taskId],
		]);
		expect(sim.callbacks[2].body).toEqual(complete.body);
	});

	it('sends each stage 1 + duplicateCallbacks times', async () => {
		sim.setNextScenario({ durationS: 0, duplicateCallbacks: 2 });
		await generate(hook.url);
		await eventually(() => (hook.received.length >= 9 ? true : undefined));
		await sleep(30);
		expect(hook.received.map((r) => r.body.data.callbackType)).toEqual(['text', 'text', 'text', 'first', 'first', 'first', 'complete', 'complete', 'complete']);
		expect(hook.received[0].body).toEqual(hook.received[1].body);
	});

	it.each([
		['audio-failed', 501, 'Audio generation failed'],
		['sensitive-word', 400, 'Your lyrics contain copyrighted material.'],
	] as const)('%s posts an error callback with code %d', async (scenario, code, msg) => {
		sim.setNextScenario({ scenario, durationS: 0 });
		const taskId = await generate(hook.url);
		await eventually(() => (hook.received.length >= 1 ? true : undefined));
		await sleep(30);
		expect(hook.received.map((r) => r.body)).toEqual([{ code, msg, data: { callbackType: 'error', task_id: taskId, data: null } }]);
	});

	it('skip-to-complete (add-vocals) posts only complete', async () => {
		sim.setNextScenario({ durationS: 0 });
		await api.post('/api/v1/generate/add-vocals', { uploadUrl: 'u', prompt: 'la', title: 't', style: 's', negativeTags: '', callBackUrl: hook.url });
		await eventually(() => (hook.received.length >= 1 ? true : undefined));
		await sleep(30);
		expect(hook.received.map((r) => r.body.data.callbackType)).toEqual(['complete']);
	});

	it('legacy-times callbacks carry string createTime', async () => {
		sim.createTask({ scenario: 'legacy-times', durationS: 0, callBackUrl: `http://localhost:${new URL(hook.url).port}/x` });
		await eventually(() => (hook.received.length >= 3 ? true : undefined));
		expect(hook.received[2].body.data.data[0].createTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	});
});

describe('lyrics callbacks', () => {
	it('posts one complete callback with camelCase taskId', async () => {
		sim.setNextScenario({ durationS: 0 });
		const taskId = (await api.post('/api/v1/lyrics', { prompt: 'rain', callBackUrl: hook.url })).data.data.taskId;
		await eventually(() => (hook.received.length >= 1 ? true : undefined));
		await sleep(30);
		expect(hook.received).toHaveLength(1);
		const body = hook.received[0].body;
		expect(body).toMatchObject({ code: 200, msg: 'All generated successfully.', data: { callbackType: 'complete', taskId } });
		expect(body.data.data).toHaveLength(2);
		expect(Object.keys(body.data.data[0])).toEqual(['text', 'title', 'status', 'errorMessage']);
	});
});

describe('delivery outcomes', () => {
	it('never contacts non-loopback hosts and records them as skipped', async () => {
		sim.setNextScenario({ durationS: 0 });
		const taskId = await generate('https://example.com/suno-callback');
		await eventually(() => (sim.callbacks.length >= 3 ? true : undefined));
		expect(sim.callbacks.map((c) => [c.stage, c.skipped, c.status, c.error])).toEqual([
			['text', 'non-loopback', undefined, undefined],
			['first', 'non-loopback', undefined, undefined],
			['complete', 'non-loopback', undefined, undefined],
		]);
		expect(sim.callbacks.every((c) => c.taskId === taskId && c.url === 'https://example.com/suno-callback')).toBe(true);
	});

	it('records the receiver status without retrying', async () => {
		const failing = await receiver(500);
		try {
			sim.createTask({ scenario: 'skip-to-complete', durationS: 0, callBackUrl: failing.url });
			await eventually(() => (sim.callbacks.length >= 1 ? true : undefined));
			await sleep(50);
			expect(failing.received).toHaveLength(1);
			expect(sim.callbacks).toMatchObject([{ stage: 'complete', status: 500 }]);
		} finally {
			await failing.close();
		}
	});

	it('records connection errors', async () => {
		const closed = await receiver();
		await closed.close();
		sim.createTask({ scenario: 'skip-to-complete', durationS: 0, callBackUrl: closed.url });
		await eventually(() => (sim.callbacks.length >= 1 ? true : undefined));
		expect(sim.callbacks[0].error).toMatch(/ECONNREFUSED/);
	});

	it('sends nothing for tasks without a callBackUrl or that never progress', async () => {
		sim.createTask({ durationS: 0 });
		sim.createTask({ scenario: 'never-completes', durationS: 0, callBackUrl: hook.url });
		await sleep(50);
		expect(hook.received).toHaveLength(0);
		expect(sim.callbacks).toHaveLength(0);
	});
});
