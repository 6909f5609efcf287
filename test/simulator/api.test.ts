import { NEVER, client, eventually, recordInfo, sleep, start } from './helpers';
import { startedForFile } from '../harness/started';

const sim = startedForFile(start, async (started) => await started.close(), (started) => started.reset());
const api = startedForFile(async () => client(sim), () => undefined);

const cb = 'http://127.0.0.1:9/callback';
const generateBody = { customMode: false, instrumental: false, model: 'V5', prompt: 'A calm piano', callBackUrl: cb };

describe('authentication and routing', () => {
	it('answers HTTP 200 with body code 401 for a missing, wrong or non-Bearer key', async () => {
		const expected = { code: 401, msg: 'Authentication failed: Invalid API Key', data: null };
		for (const headers of [{}, { Authorization: 'Bearer wrong' }, { 'api-key': sim.apiKey }, { Authorization: sim.apiKey }]) {
			const res = await client(sim, null).get('/api/v1/generate/credit', { headers });
			expect([res.status, res.data]).toEqual([200, expected]);
		}
		expect(sim.requests.map((r) => r.bodyCode)).toEqual([401, 401, 401, 401]);
		expect(sim.requests[3].headers.authorization).toBe(sim.apiKey);
	});

	it('answers body code 404 for unknown paths and methods', async () => {
		expect((await api.get('/api/v1/nothing-here')).data).toMatchObject({ code: 404, data: null });
		expect((await api.get('/api/v1/generate')).data.code).toBe(404);
		expect((await api.get('/')).data.code).toBe(404);
	});

	it('accepts a custom key', async () => {
		const other = await start({ apiKey: 'k-123' });
		try {
			expect((await client(other).get('/api/v1/generate/credit')).data.code).toBe(200);
			expect((await client(other, 'sim-test-key').get('/api/v1/generate/credit')).data.code).toBe(401);
		} finally {
			await other.close();
		}
	});
});

describe('credits', () => {
	it('reports a number and spends 12 per music task and 0.4 per lyrics task', async () => {
		expect((await api.get('/api/v1/generate/credit')).data).toEqual({ code: 200, msg: 'success', data: 1000 });
		await api.post('/api/v1/generate', generateBody);
		await api.post('/api/v1/lyrics', { prompt: 'a song about rain', callBackUrl: cb });
		expect((await api.get('/api/v1/generate/credit')).data.data).toBe(987.6);
	});

	it('refuses with 429 when the credits do not cover the task', async () => {
		const poor = await start({ initialCredits: 12.5 });
		try {
			const papi = client(poor);
			expect((await papi.post('/api/v1/generate', generateBody)).data.code).toBe(200);
			expect((await papi.post('/api/v1/generate', generateBody)).data).toEqual({
				code: 429,
				msg: 'The current credits are insufficient. Please top up.',
				data: null,
			});
			expect((await papi.post('/api/v1/lyrics', { prompt: 'rain', callBackUrl: cb })).data.code).toBe(200);
			expect((await papi.get('/api/v1/generate/credit')).data.data).toBe(0.1);
		} finally {
			await poor.close();
		}
	});
});

describe('create endpoints', () => {
	const fullBodies: Array<[string, Record<string, unknown>, string]> = [
		['/api/v1/generate', generateBody, 'generate'],
		['/api/v1/generate/extend', { audioId: 'a1', defaultParamFlag: false, model: 'V5', callBackUrl: cb }, 'extend'],
		['/api/v1/generate/upload-cover', { uploadUrl: 'http://127.0.0.1/a.mp3', model: 'V6', callBackUrl: cb }, 'upload_cover'],
		['/api/v1/generate/upload-extend', { uploadUrl: 'http://127.0.0.1/a.mp3', defaultParamFlag: false, model: 'V5', callBackUrl: cb }, 'upload_extend'],
		['/api/v1/generate/add-instrumental', { uploadUrl: 'http://127.0.0.1/v.mp3', title: 't', tags: 'rock', negativeTags: '', callBackUrl: cb }, 'add_instrumental'],
		['/api/v1/generate/add-vocals', { uploadUrl: 'http://127.0.0.1/i.mp3', prompt: 'la la', title: 't', style: 'pop', negativeTags: 'metal', callBackUrl: cb }, 'add_vocals'],
		['/api/v1/generate/mashup', { uploadUrlList: ['http://127.0.0.1/a.mp3', 'http://127.0.0.1/b.mp3'], model: 'V6', callBackUrl: cb }, 'mashup'],
		['/api/v1/generate/replace-section', { uploadUrl: 'http://127.0.0.1/a.mp3', model: 'V6', prompt: 'p', tags: 't', title: 'x', infillStartS: 10, infillEndS: 30, callBackUrl: cb }, 'replace_section'],
		['/api/v1/generate/sounds', { prompt: 'rain on a tin roof', model: 'V6', callBackUrl: cb, unknownField: 1 }, 'sounds'],
	];

	it.each(fullBodies)('%s creates a task recorded with operationType and param', async (path, body, operationType) => {
		const res = await api.post(path, body);
		expect(res.data).toEqual({ code: 200, msg: 'success', data: { taskId: expect.stringMatching(/^[0-9a-f]{32}$/) } });
		const taskId = res.data.data.taskId;
		const { data } = await recordInfo(api, taskId);
		expect(data.operationType).toBe(operationType);
		expect(JSON.parse(data.param)).toEqual(body);
		const rec = sim.requests.find((r) => r.path === path);
		expect(rec).toMatchObject({ method: 'POST', body, taskId, httpStatus: 200, bodyCode: 200 });
	});

	it('uses the source task model for replace-section by taskId and audioId', async () => {
		const source = sim.createTask({ durationS: 0, params: { model: 'V5_5' } });
		const audioId = (await recordInfo(api, source)).data.response.sunoData[0].id;
		const body = { taskId: source, audioId, prompt: 'p', tags: 't', title: 'x', infillStartS: 5, infillEndS: 20, callBackUrl: cb };
		const res = await api.post('/api/v1/generate/replace-section', body);
		expect((await recordInfo(api, res.data.data.taskId)).data.type).toBe('chirp-fenix');
		expect((await api.post('/api/v1/generate/replace-section', { ...body, taskId: 'nope' })).data).toEqual({ code: 400, msg: 'Task not found: nope', data: null });
	});

	const invalid: Array<[string, string, Record<string, unknown>, number, string]> = [
		['no callBackUrl', '/api/v1/generate', { ...generateBody, callBackUrl: undefined }, 400, 'Please enter callBackUrl.'],
		['no customMode', '/api/v1/generate', { ...generateBody, customMode: undefined }, 400, 'customMode cannot be null'],
		['no instrumental', '/api/v1/generate', { ...generateBody, instrumental: null }, 400, 'instrumental cannot be null'],
		['no model', '/api/v1/generate', { ...generateBody, model: undefined }, 400, 'model cannot be null'],
		['simple mode without prompt', '/api/v1/generate', { ...generateBody, prompt: '' }, 400, 'prompt cannot be null'],
		['custom mode without style', '/api/v1/generate', { ...generateBody, customMode: true, title: 't' }, 400, 'style cannot be null'],
		['custom mode without title', '/api/v1/generate', { ...generateBody, customMode: true, style: 's' }, 400, 'title cannot be null'],
		['simple prompt over 500', '/api/v1/generate', { ...generateBody, prompt: 'x'.repeat(501) }, 413, 'prompt is too long: at most 500 characters'],
		['V4 style over 200', '/api/v1/generate', { ...generateBody, customMode: true, model: 'V4', title: 't', style: 's'.repeat(201) }, 413, 'style is too long: at most 200 characters'],
		['extend without audioId', '/api/v1/generate/extend', { defaultParamFlag: false, model: 'V5', callBackUrl: cb }, 400, 'audioId cannot be null'],
		['extend without defaultParamFlag', '/api/v1/generate/extend', { audioId: 'a', model: 'V5', callBackUrl: cb }, 400, 'defaultParamFlag cannot be null'],
		['extend custom without continueAt', '/api/v1/generate/extend', { audioId: 'a', defaultParamFlag: true, model: 'V5', prompt: 'p', style: 's', title: 't', callBackUrl: cb }, 400, 'continueAt cannot be null'],
		['upload-cover without uploadUrl', '/api/v1/generate/upload-cover', { model: 'V6', callBackUrl: cb }, 400, 'uploadUrl cannot be null'],
		['pre-V6 upload-cover without customMode', '/api/v1/generate/upload-cover', { uploadUrl: 'u', model: 'V5', callBackUrl: cb }, 400, 'customMode cannot be null'],
		['upload-extend without uploadUrl', '/api/v1/generate/upload-extend', { defaultParamFlag: false, model: 'V5', callBackUrl: cb }, 400, 'uploadUrl cannot be null'],
		['add-instrumental without tags', '/api/v1/generate/add-instrumental', { uploadUrl: 'u', title: 't', negativeTags: '', callBackUrl: cb }, 400, 'tags cannot be null'],
		['add-instrumental without negativeTags', '/api/v1/generate/add-instrumental', { uploadUrl: 'u', title: 't', tags: 'x', callBackUrl: cb }, 400, 'negativeTags cannot be null'],
		['add-vocals without prompt', '/api/v1/generate/add-vocals', { uploadUrl: 'u', title: 't', style: 's', negativeTags: '', callBackUrl: cb }, 400, 'prompt cannot be null'],
		['mashup with one URL', '/api/v1/generate/mashup', { uploadUrlList: ['a'], model: 'V6', callBackUrl: cb }, 400, 'uploadUrlList must contain exactly 2 URLs'],
		['mashup without model', '/api/v1/generate/mashup', { uploadUrlList: ['a', 'b'], callBackUrl: cb }, 400, 'model cannot be null'],
		['replace-section with start >= end', '/api/v1/generate/replace-section', { uploadUrl: 'u', model: 'V6', prompt: 'p', tags: 't', title: 'x', infillStartS: 30, infillEndS: 10, callBackUrl: cb }, 400, 'infillStartS must be less than infillEndS'],
		['replace-section without a source', '/api/v1/generate/replace-section', { prompt: 'p', tags: 't', title: 'x', infillStartS: 1, infillEndS: 10, callBackUrl: cb }, 400, 'Provide either taskId and audioId, or uploadUrl and model'],
		['sounds prompt over 500', '/api/v1/generate/sounds', { prompt: 'x'.repeat(501), model: 'V6', callBackUrl: cb }, 413, 'prompt is too long: at most 500 characters'],
		['lyrics without prompt', '/api/v1/lyrics', { callBackUrl: cb }, 400, 'prompt cannot be null'],
		['lyrics without callBackUrl', '/api/v1/lyrics', { prompt: 'rain' }, 400, 'Please enter callBackUrl.'],
	];

	it.each(invalid)('rejects %s', async (_name, path, body, code, msg) => {
		const res = await api.post(path, body);
		expect([res.status, res.data]).toEqual([200, { code, msg, data: null }]);
	});

	it('spends nothing on a rejected create and rejects a non-JSON body', async () => {
		await api.post('/api/v1/generate', {});
		const res = await api.post('/api/v1/generate', 'not json', { headers: { 'content-type': 'application/json' } });
		expect(res.data.code).toBe(400);
		expect((await api.get('/api/v1/generate/credit')).data.data).toBe(1000);
	});
});

describe('scenario selection for created tasks', () => {
	it('setNextScenario applies to the next created task only', async () => {
		sim.setNextScenario({ scenario: 'audio-failed', durationS: 0 });
		const failed = (await api.post('/api/v1/generate', generateBody)).data.data.taskId;
		const normal = (await api.post('/api/v1/generate', generateBody)).data.data.taskId;
		expect((await recordInfo(api, failed)).data.status).toBe('GENERATE_AUDIO_FAILED');
		await eventually(async () => ((await recordInfo(api, normal)).data.status === 'SUCCESS' ? true : undefined));
	});

	it('a [sim:<scenario>] marker in the body selects the scenario', async () => {
		sim.setNextScenario({ durationS: 0 });
		const taskId = (await api.post('/api/v1/generate', { ...generateBody, customMode: true, title: 'Oops [sim:sensitive-word]', style: 'pop', prompt: 'la' })).data.data.taskId;
		expect((await recordInfo(api, taskId)).data.status).toBe('SENSITIVE_WORD_ERROR');
	});

	it('a [sim:<scenario>.d<seconds>] marker also sets how long the task takes', async () => {
		const body = { ...generateBody, prompt: 'A slow one [sim:success.d999999]' };
		const slow = (await api.post('/api/v1/generate', body)).data.data.taskId;
		const quick = (await api.post('/api/v1/generate', { ...body, prompt: 'A quick one [sim:success.d0]' })).data.data.taskId;
		await eventually(async () => ((await recordInfo(api, quick)).data.status === 'SUCCESS' ? true : undefined));
		// Created first, yet still far from done: its marker made it 999999 simulated seconds long.
		expect((await recordInfo(api, slow)).data.status).not.toBe('SUCCESS');
	});

	it('setNextScenario can fix the task id', async () => {
		sim.setNextScenario({ taskId: 'fixed-id-1', durationS: 0 });
		expect((await api.post('/api/v1/generate', generateBody)).data.data.taskId).toBe('fixed-id-1');
	});

	it('add-vocals and add-instrumental skip straight to complete unless a scenario is set', async () => {
		sim.setNextScenario({ streamsAtS: 0, firstAtS: 0, durationS: NEVER });
		const body = { uploadUrl: 'u', prompt: 'la', title: 't', style: 's', negativeTags: '', callBackUrl: cb };
		const skipping = (await api.post('/api/v1/generate/add-vocals', body)).data.data.taskId;
		expect((await recordInfo(api, skipping)).data.status).toBe('PENDING');
		sim.setNextScenario({ scenario: 'success', streamsAtS: 0, firstAtS: 0, durationS: NEVER });
		const staged = (await api.post('/api/v1/generate/add-vocals', body)).data.data.taskId;
		expect((await recordInfo(api, staged)).data.status).toBe('FIRST_SUCCESS');
		const defaults = (await recordInfo(api, staged)).data;
		expect(defaults.type).toBe('chirp-bluejay');
	});

	it('rejects unknown scenarios programmatically', () => {
		expect(() => sim.setNextScenario({ scenario: 'nope' as never })).toThrow('unknown scenario');
		expect(() => sim.createTask({ scenario: 'nope' as never })).toThrow('unknown scenario');
	});
});

describe('lyrics', () => {
	it('runs PENDING → SUCCESS with two variants', async () => {
		sim.setNextScenario({ durationS: NEVER });
		const pending = (await api.post('/api/v1/lyrics', { prompt: 'rain over the harbour', callBackUrl: cb })).data.data.taskId;
		expect((await recordInfo(api, pending, 'lyrics')).data).toEqual({
			taskId: pending,
			param: JSON.stringify({ prompt: 'rain over the harbour', callBackUrl: cb }),
			response: null,
			status: 'PENDING',
			type: 'LYRICS',
			errorCode: null,
			errorMessage: null,
		});
		sim.setNextScenario({ durationS: 0 });
		const done = (await api.post('/api/v1/lyrics', { prompt: 'rain over the harbour', callBackUrl: cb })).data.data.taskId;
		const { data } = await recordInfo(api, done, 'lyrics');
		expect(data.status).toBe('SUCCESS');
		expect(data.response.taskId).toBe(done);
		expect(data.response.data).toHaveLength(2);
		for (const item of data.response.data) {
			expect(Object.keys(item)).toEqual(['text', 'title', 'status', 'errorMessage']);
			expect(item).toMatchObject({ status: 'complete', errorMessage: '' });
			expect(item.text).toContain('[Verse]');
		}
		expect(data.response.data[0].title).toBe('Rain Over The Harbour');
	});

	it('defaults to 20 simulated seconds', async () => {
		const taskId = sim.createTask({ kind: 'lyrics' });
		// 20 s at 6000x is ~3 ms.
		await sleep(20);
		expect((await recordInfo(api, taskId, 'lyrics')).data.status).toBe('SUCCESS');
	});

	it.each([
		['lyrics-failed', 'GENERATE_LYRICS_FAILED'],
		['sensitive-word', 'SENSITIVE_WORD_ERROR'],
	] as const)('%s ends in %s', async (scenario, status) => {
		const taskId = sim.createTask({ kind: 'lyrics', scenario, durationS: 0 });
		expect((await recordInfo(api, taskId, 'lyrics')).data).toMatchObject({ status, errorCode: expect.any(Number), errorMessage: expect.any(String) });
	});

	it('keeps music and lyrics task ids apart', async () => {
		const lyricsId = sim.createTask({ kind: 'lyrics', durationS: 0 });
		expect((await recordInfo(api, lyricsId)).code).toBe(400);
		expect((await recordInfo(api, 'sim.lyrics-failed.d0', 'lyrics')).data.status).toBe('GENERATE_LYRICS_FAILED');
	});
});

describe('timestamped lyrics', () => {
	const lyrics = '[Verse]\nHello bright world\nSing it loud\n\n[Chorus]\nWe rise again';

	it('aligns the track lyrics word by word with section tags on the next word', async () => {
		const taskId = sim.createTask({ durationS: 0, params: { prompt: lyrics } });
		const track = (await recordInfo(api, taskId)).data.response.sunoData[1];
		const res = await api.post('/api/v1/generate/get-timestamped-lyrics', { taskId, audioId: track.id });
		expect(res.data.code).toBe(200);
		const { alignedWords, waveformData, hootCer, isStreamed } = res.data.data;
		expect(alignedWords.map((w: { word: string }) => w.word)).toEqual(['[Verse]\nHello', 'bright', 'world', 'Sing', 'it', 'loud', '[Chorus]\nWe', 'rise', 'again']);
		let previousEnd = 0;
		for (const w of alignedWords) {
			expect(Object.keys(w)).toEqual(['word', 'success', 'startS', 'endS', 'palign']);
			expect(w.success).toBe(true);
			expect(w.startS).toBeGreaterThanOrEqual(previousEnd);
			expect(w.endS).toBeGreaterThan(w.startS);
			expect(w.endS).toBeLessThanOrEqual(track.duration);
			previousEnd = w.endS;
		}
		expect(waveformData.length).toBeGreaterThan(10);
		expect(waveformData.every((n: number) => typeof n === 'number' && n >= 0 && n <= 1)).toBe(true);
		expect(typeof hootCer).toBe('number');
		expect(isStreamed).toBe(false);
		const again = await api.post('/api/v1/generate/get-timestamped-lyrics', { taskId, audioId: track.id });
		expect(again.data).toEqual(res.data);
	});

	it('answers 400 for unknown tasks, unknown audio and audio not ready', async () => {
		const ready = sim.createTask({ durationS: 0 });
		const notReady = sim.createTask({ streamsAtS: 0, firstAtS: NEVER, durationS: NEVER });
		const pendingTrack = (await recordInfo(api, notReady)).data.response.sunoData[0].id;
		const post = (body: object) => api.post('/api/v1/generate/get-timestamped-lyrics', body).then((r) => r.data);
		expect(await post({ taskId: 'nope', audioId: 'x' })).toMatchObject({ code: 400, data: null });
		expect(await post({ taskId: ready, audioId: 'x' })).toMatchObject({ code: 400, data: null });
		expect(await post({ taskId: notReady, audioId: pendingTrack })).toMatchObject({ code: 400, data: null });
		expect(await post({ taskId: ready })).toMatchObject({ code: 400, msg: 'audioId cannot be null' });
	});
});

describe('rate limit', () => {
	it('answers 430 past max requests per window per key, then recovers', async () => {
		const limited = await start({ rateLimit: { max: 3, windowMs: 400 } });
		try {
			const lapi = client(limited);
			const codes = [];
			for (let i = 0; i < 4; i++) codes.push((await lapi.get('/api/v1/generate/credit')).data.code);
			expect(codes).toEqual([200, 200, 200, 430]);
			const rejected = await lapi.get('/api/v1/generate/credit');
			expect([rejected.status, rejected.data]).toEqual([200, { code: 430, msg: 'Your call frequency is too high. Please try again later.', data: null }]);
			expect(limited.requests.map((r) => r.bodyCode)).toEqual([200, 200, 200, 430, 430]);
			// Another key has its own window (and fails auth instead).
			expect((await client(limited, 'other').get('/api/v1/generate/credit')).data.code).toBe(401);
			await sleep(450);
			expect((await lapi.get('/api/v1/generate/credit')).data.code).toBe(200);
		} finally {
			await limited.close();
		}
	});

	it('is on by default at 20 requests per 10 s', async () => {
		const defaults = await start({ rateLimit: undefined });
		try {
			const dapi = client(defaults);
			const codes = [];
			for (let i = 0; i < 21; i++) codes.push((await dapi.get('/api/v1/generate/credit')).data.code);
			expect(codes.filter((c) => c === 200)).toHaveLength(20);
			expect(codes[20]).toBe(430);
		} finally {
			await defaults.close();
		}
	});
});
