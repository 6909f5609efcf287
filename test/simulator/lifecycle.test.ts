import type { ScenarioName } from '../../simulator';
import { NEVER, client, eventually, recordInfo, sleep, start } from './helpers';
import { startedForFile } from '../harness/started';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const sim = startedForFile(start, async (started) => await started.close());
const api = startedForFile(async () => client(sim), () => undefined);

const params = { customMode: true, instrumental: false, model: 'V4_5ALL', title: 'Night Drive', style: 'synthwave', prompt: '[Verse]\nRoads of light', callBackUrl: 'http://127.0.0.1:9/cb' };

describe('music record-info stages', () => {
	it('PENDING: response null, real-shaped task fields', async () => {
		const taskId = sim.createTask({ streamsAtS: NEVER, firstAtS: NEVER, durationS: NEVER });
		const res = await api.get('/api/v1/generate/record-info', { params: { taskId } });
		expect(res.status).toBe(200);
		expect(res.data).toEqual({
			code: 200,
			msg: 'success',
			data: {
				taskId,
				parentMusicId: '',
				param: '{}',
				response: null,
				status: 'PENDING',
				type: 'chirp-crow',
				operationType: 'generate',
				errorCode: null,
				errorMessage: null,
				createTime: expect.any(Number),
			},
		});
		expect(taskId).toMatch(/^[0-9a-f]{32}$/);
		expect(res.data.data.createTime % 1000).toBe(0);
		expect(Math.abs(res.data.data.createTime - Date.now())).toBeLessThan(5000);
	});

	it('TEXT_SUCCESS: every track has stream URLs but empty audioUrl, null sourceAudioUrl and null duration', async () => {
		const taskId = sim.createTask({ streamsAtS: 0, firstAtS: NEVER, durationS: NEVER, params });
		const { data } = await recordInfo(api, taskId);
		expect(data.status).toBe('TEXT_SUCCESS');
		expect(typeof data.param).toBe('string');
		expect(JSON.parse(data.param)).toEqual(params);
		expect(data.type).toBe('chirp-auk-turbo');
		expect(data.response.taskId).toBe(taskId);
		expect(data.response.sunoData).toHaveLength(2);
		const cdn = sim.cdnBaseUrl;
		for (const track of data.response.sunoData) {
			expect(Object.keys(track)).toEqual([
				'id', 'audioUrl', 'sourceAudioUrl', 'streamAudioUrl', 'sourceStreamAudioUrl', 'imageUrl', 'sourceImageUrl',
				'prompt', 'modelName', 'title', 'tags', 'createTime', 'duration',
			]);
			expect(track.id).toMatch(UUID);
			expect(track).toMatchObject({
				audioUrl: '',
				sourceAudioUrl: null,
				duration: null,
				streamAudioUrl: `${cdn}/stream/${track.id}`,
				sourceStreamAudioUrl: `${cdn}/source-stream?item_id=${track.id}`,
				imageUrl: `${cdn}/image/${track.id}.jpeg`,
				sourceImageUrl: `${cdn}/source/image_${track.id}.jpeg`,
				prompt: '[Verse]\nRoads of light',
				modelName: 'chirp-auk-turbo',
				title: 'Night Drive',
				tags: 'synthwave',
			});
			expect(typeof track.createTime).toBe('number');
			expect(track.createTime).toBeGreaterThanOrEqual(data.createTime);
		}
		expect(data.response.sunoData[0].id).not.toBe(data.response.sunoData[1].id);
	});

	it('FIRST_SUCCESS: track 1 complete, track 2 still streaming', async () => {
		const taskId = sim.createTask({ streamsAtS: 0, firstAtS: 0, durationS: NEVER });
		const { data } = await recordInfo(api, taskId);
		expect(data.status).toBe('FIRST_SUCCESS');
		const [one, two] = data.response.sunoData;
		expect(one.audioUrl).toBe(`${sim.cdnBaseUrl}/audio/${one.id}.mp3`);
		expect(one.sourceAudioUrl).toBe(`${sim.cdnBaseUrl}/source/${one.id}.mp3`);
		expect(typeof one.duration).toBe('number');
		expect(one.duration).toBeGreaterThan(60);
		expect(Math.round(one.duration * 100) / 100).toBe(one.duration);
		expect(two).toMatchObject({ audioUrl: '', sourceAudioUrl: null, duration: null });
		expect(two.streamAudioUrl).toBe(`${sim.cdnBaseUrl}/stream/${two.id}`);
	});

	it('SUCCESS: every track complete, ids stable across reads', async () => {
		const taskId = sim.createTask({ durationS: 0 });
		const first = await recordInfo(api, taskId);
		const second = await recordInfo(api, taskId);
		expect(first.data.status).toBe('SUCCESS');
		expect(first.data.response.sunoData.every((t: { audioUrl: string; duration: number }) => t.audioUrl !== '' && t.duration > 0)).toBe(true);
		expect(second.data.response.sunoData.map((t: { id: string }) => t.id)).toEqual(first.data.response.sunoData.map((t: { id: string }) => t.id));
	});

	it('moves through the stages on the scaled clock, keeping track ids', async () => {
		// 6000x: streams at 100 ms, first at 300 ms, complete at 500 ms.
		const taskId = sim.createTask({ streamsAtS: 600, firstAtS: 1800, durationS: 3000 });
		const seen: string[] = [];
		const ids = new Set<string>();
		const started = Date.now();
		await eventually(async () => {
			const { data } = await recordInfo(api, taskId);
			if (seen[seen.length - 1] !== data.status) seen.push(data.status);
			data.response?.sunoData.forEach((t: { id: string }) => ids.add(t.id));
			return data.status === 'SUCCESS' ? true : undefined;
		}, 3000, 20);
		expect(seen).toEqual(['PENDING', 'TEXT_SUCCESS', 'FIRST_SUCCESS', 'SUCCESS']);
		expect(ids.size).toBe(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(450);
	});

	it('honours trackCount, model codenames and extend parentMusicId', async () => {
		const codenames: Record<string, string> = {
			V4: 'chirp-v4', V4_5: 'chirp-auk', V4_5PLUS: 'chirp-bluejay', V4_5ALL: 'chirp-auk-turbo', V5: 'chirp-crow',
			V5_5: 'chirp-fenix', V6: 'chirp-v6', V6_WILD: 'chirp-v6-wild', V6_MINI: 'chirp-v6-mini', V7_TURBO: 'v7_turbo',
		};
		for (const [model, codename] of Object.entries(codenames)) {
			const { data } = await recordInfo(api, sim.createTask({ durationS: 0, params: { model } }));
			expect([data.type, data.response.sunoData[0].modelName]).toEqual([codename, codename]);
		}
		const three = await recordInfo(api, sim.createTask({ durationS: 0, trackCount: 3 }));
		expect(three.data.response.sunoData).toHaveLength(3);
		const extend = await recordInfo(api, sim.createTask({ durationS: 0, operationType: 'extend', params: { audioId: 'abc-123', model: 'V5' } }));
		expect(extend.data).toMatchObject({ parentMusicId: 'abc-123', operationType: 'extend' });
	});
});

describe('scenarios', () => {
	const final = async (scenario: ScenarioName, extra: object = {}) => (await recordInfo(api, sim.createTask({ scenario, durationS: 0, ...extra }))).data;

	it.each([
		['create-failed', 'CREATE_TASK_FAILED', 500],
		['audio-failed', 'GENERATE_AUDIO_FAILED', 500],
		['sensitive-word', 'SENSITIVE_WORD_ERROR', 400],
	] as const)('%s ends in %s with errorCode %d and no tracks', async (scenario, status, errorCode) => {
		const data = await final(scenario);
		expect(data).toMatchObject({ status, errorCode, response: { taskId: data.taskId, sunoData: [] } });
		expect(typeof data.errorMessage).toBe('string');
	});

	it('audio-failed reports the real message', async () => {
		expect((await final('audio-failed')).errorMessage).toBe('Internal Error, Please try again later.');
	});

	it('failures happen at streamsAtS, before any audio', async () => {
		const data = (await recordInfo(api, sim.createTask({ scenario: 'audio-failed', streamsAtS: NEVER, durationS: NEVER }))).data;
		expect(data.status).toBe('PENDING');
	});

	it('skip-to-complete never shows TEXT_SUCCESS or FIRST_SUCCESS', async () => {
		const waiting = (await recordInfo(api, sim.createTask({ scenario: 'skip-to-complete', streamsAtS: 0, firstAtS: 0, durationS: NEVER }))).data;
		expect(waiting).toMatchObject({ status: 'PENDING', response: null });
		expect((await final('skip-to-complete')).status).toBe('SUCCESS');
	});

	it('callback-exception keeps both tracks with audio', async () => {
		const data = await final('callback-exception');
		expect(data.status).toBe('CALLBACK_EXCEPTION');
		expect(data.response.sunoData).toHaveLength(2);
		expect(data.response.sunoData.every((t: { audioUrl: string }) => t.audioUrl.endsWith('.mp3'))).toBe(true);
	});

	it('callback-exception-no-audio has no tracks', async () => {
		const data = await final('callback-exception-no-audio');
		expect(data).toMatchObject({ status: 'CALLBACK_EXCEPTION', response: { sunoData: [] } });
	});

	it('never-completes stays PENDING', async () => {
		expect((await final('never-completes')).status).toBe('PENDING');
	});

	it('status-regression answers a stale PENDING on every second read after SUCCESS', async () => {
		const taskId = sim.createTask({ scenario: 'status-regression', durationS: 0 });
		const reads = [];
		for (let i = 0; i < 4; i++) reads.push((await recordInfo(api, taskId)).data);
		expect(reads.map((r) => r.status)).toEqual(['SUCCESS', 'PENDING', 'SUCCESS', 'PENDING']);
		expect(reads[1].response).toBeNull();
	});

	it('legacy-times sends createTime as date strings', async () => {
		const data = await final('legacy-times');
		expect(data.createTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(data.response.sunoData[0].createTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	});
});

describe('sim.<scenario> task ids', () => {
	it('creates the task on first lookup with the named scenario and duration', async () => {
		expect((await recordInfo(api, 'sim.success.d0.a')).data.status).toBe('SUCCESS');
		expect((await recordInfo(api, 'sim.audio-failed.d0')).data.status).toBe('GENERATE_AUDIO_FAILED');
		expect((await recordInfo(api, 'sim.never-completes.x')).data.status).toBe('PENDING');
	});

	it('starts the clock at the first lookup', async () => {
		// d3000 at 6000x = 500 ms from the first read.
		await sleep(50);
		const started = Date.now();
		const first = (await recordInfo(api, 'sim.success.d3000.clock')).data;
		expect(first.status).not.toBe('SUCCESS');
		await eventually(async () => ((await recordInfo(api, 'sim.success.d3000.clock')).data.status === 'SUCCESS' ? true : undefined), 3000, 25);
		expect(Date.now() - started).toBeGreaterThanOrEqual(450);
	});

	it('keeps the same task on later reads', async () => {
		const a = (await recordInfo(api, 'sim.success.d0.same')).data.response.sunoData[0].id;
		const b = (await recordInfo(api, 'sim.success.d0.same')).data.response.sunoData[0].id;
		expect(a).toBe(b);
	});

	it('answers "Task not found" for unknown ids and unknown scenarios', async () => {
		expect(await recordInfo(api, 'deadbeef')).toEqual({ code: 400, msg: 'Task not found: deadbeef', data: null });
		expect((await recordInfo(api, 'sim.bogus.1')).code).toBe(400);
		expect((await api.get('/api/v1/generate/record-info')).data.code).toBe(400);
	});
});
