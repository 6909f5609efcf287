import * as http from 'http';

import type { FaultSpec } from '../../simulator';
import { client, raw, recordInfo, start } from './helpers';
import { startedForFile } from '../harness/started';

const sim = startedForFile(start, async (started) => await started.close(), (started) => started.reset());
const api = startedForFile(async () => client(sim), () => undefined);

const credit = () => api.get('/api/v1/generate/credit');

/** A raw GET that reports socket-level failures instead of throwing. */
function rawGet(url: string, timeoutMs: number): Promise<{ status?: number; body?: string; error?: string }> {
	return new Promise((resolve) => {
		const req = http.get(url, { headers: { authorization: `Bearer ${sim.apiKey}` }, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error('client timeout')));
		req.on('error', (err) => resolve({ error: err.message }));
	});
}

describe('fault kinds', () => {
	it.each([
		['rate-limit', { code: 430, msg: 'Your call frequency is too high. Please try again later.', data: null }],
		['rate-limit-405', { code: 405, msg: 'Rate limit exceeded', data: null }],
		['maintenance', { code: 455, msg: 'System maintenance', data: null }],
		['insufficient-credits', { code: 429, msg: 'The current credits are insufficient. Please top up.', data: null }],
		['unauthorized', { code: 401, msg: 'Authentication failed: Invalid API Key', data: null }],
		['body-500', { code: 500, msg: expect.any(String), data: null }],
	] as const)('%s answers HTTP 200 with the body code, once', async (kind, body) => {
		sim.addFault({ kind });
		const res = await credit();
		expect([res.status, res.data]).toEqual([200, body]);
		expect((await credit()).data.code).toBe(200);
		expect(sim.requests[0]).toMatchObject({ httpStatus: 200, bodyCode: body.code });
	});

	it('server-error answers HTTP 500 with body code 500', async () => {
		sim.addFault({ kind: 'server-error' });
		const res = await credit();
		expect(res.status).toBe(500);
		expect(res.data).toMatchObject({ code: 500, data: null });
	});

	it('bad-gateway answers HTTP 502 with an HTML page', async () => {
		sim.addFault({ kind: 'bad-gateway' });
		const res = await credit();
		expect(res.status).toBe(502);
		expect(res.headers['content-type']).toMatch(/^text\/html/);
		expect(res.data).toContain('502 Bad Gateway');
	});

	it('malformed-json answers application/json that does not parse', async () => {
		sim.addFault({ kind: 'malformed-json' });
		const res = await api.get('/api/v1/generate/credit', { responseType: 'text', transitional: { silentJSONParsing: true } });
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/^application\/json/);
		expect(() => JSON.parse(res.data)).toThrow();
	});

	it('html answers HTTP 200 text/html', async () => {
		sim.addFault({ kind: 'html' });
		const res = await credit();
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/^text\/html/);
		expect(res.data).toMatch(/<html/i);
	});

	it('slow answers normally after delayMs', async () => {
		sim.addFault({ kind: 'slow', delayMs: 200 });
		const started = Date.now();
		const res = await credit();
		expect(res.data.code).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
	});

	it('hang never answers; the request stays in the log unanswered', async () => {
		sim.addFault({ kind: 'hang' });
		const result = await rawGet(`${sim.baseUrl}/api/v1/generate/credit`, 200);
		expect(result.error).toBe('client timeout');
		expect(sim.requests[0]).toMatchObject({ path: '/api/v1/generate/credit', httpStatus: 0 });
		expect((await credit()).data.code).toBe(200);
	});

	it('reset destroys the socket without an answer', async () => {
		sim.addFault({ kind: 'reset' });
		const result = await rawGet(`${sim.baseUrl}/api/v1/generate/credit`, 2000);
		expect(result.error).toMatch(/socket hang up|ECONNRESET/);
		expect((await credit()).data.code).toBe(200);
	});

	it('uses the upload envelope on file-upload paths', async () => {
		sim.addFault({ kind: 'maintenance' });
		const res = await api.post('/api/file-base64-upload', { base64Data: 'aGk=', uploadPath: 'x' });
		expect(res.data).toEqual({ success: false, code: 455, msg: 'System maintenance' });
	});

	it('rejects unknown kinds', () => {
		expect(() => sim.addFault({ kind: 'nope' } as unknown as FaultSpec)).toThrow('unknown fault kind');
	});
});

describe('fault matching and counting', () => {
	it('applies `times` times, or until cleared with -1', async () => {
		sim.addFault({ kind: 'maintenance', times: 2 });
		expect([(await credit()).data.code, (await credit()).data.code, (await credit()).data.code]).toEqual([455, 455, 200]);
		sim.addFault({ kind: 'body-500', times: -1 });
		for (let i = 0; i < 5; i++) expect((await credit()).data.code).toBe(500);
		sim.clearFaults();
		expect((await credit()).data.code).toBe(200);
	});

	it('matches method, path prefix and task id, in order of addition', async () => {
		const a = sim.createTask({ durationS: 0 });
		const b = sim.createTask({ durationS: 0 });
		sim.addFault({ kind: 'maintenance', match: { taskId: b } });
		sim.addFault({ kind: 'rate-limit', match: { method: 'POST', pathPrefix: '/api/v1/lyrics' } });
		sim.addFault({ kind: 'body-500', match: { pathPrefix: '/api/v1/generate/record-info' } });
		expect((await credit()).data.code).toBe(200);
		expect((await recordInfo(api, a)).code).toBe(500);
		expect((await recordInfo(api, b)).code).toBe(455);
		expect((await api.get('/api/v1/lyrics/record-info', { params: { taskId: 'sim.success.d0' } })).data.code).toBe(200);
		expect((await api.post('/api/v1/lyrics', { prompt: 'x', callBackUrl: 'http://127.0.0.1:9/' })).data.code).toBe(430);
	});

	it('matches the CDN server only when asked', async () => {
		const taskId = sim.createTask({ durationS: 0 });
		const url: string = (await recordInfo(api, taskId)).data.response.sunoData[0].audioUrl;
		sim.addFault({ kind: 'bad-gateway', match: { server: 'cdn' } });
		expect((await credit()).data.code).toBe(200);
		const res = await raw(sim.cdnBaseUrl).get(url.slice(sim.cdnBaseUrl.length));
		expect(res.status).toBe(502);
		expect(sim.requests.find((r) => r.server === 'cdn')).toMatchObject({ httpStatus: 502, taskId });
		expect((await raw(sim.cdnBaseUrl).get(url.slice(sim.cdnBaseUrl.length))).status).toBe(200);
	});
});

describe('afterHandling', () => {
	const body = { customMode: false, instrumental: false, model: 'V5', prompt: 'x', callBackUrl: 'http://127.0.0.1:9/' };

	it('creates the task and spends credits, then answers with the fault', async () => {
		sim.setNextScenario({ durationS: 0 });
		sim.addFault({ kind: 'server-error', afterHandling: true, match: { pathPrefix: '/api/v1/generate' } });
		const res = await api.post('/api/v1/generate', body);
		expect(res.status).toBe(500);
		const taskId = sim.requests[0].taskId as string;
		expect(taskId).toMatch(/^[0-9a-f]{32}$/);
		expect((await recordInfo(api, taskId)).data.status).toBe('SUCCESS');
		expect((await credit()).data.data).toBe(988);
	});

	it('reset after handling leaves a created task behind an unanswered request', async () => {
		sim.addFault({ kind: 'reset', afterHandling: true });
		const result = await new Promise<string>((resolve) => {
			const payload = JSON.stringify(body);
			const req = http.request(`${sim.baseUrl}/api/v1/generate`, {
				method: 'POST',
				agent: false,
				headers: { authorization: `Bearer ${sim.apiKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
			});
			req.on('response', () => resolve('answered'));
			req.on('error', (err) => resolve(err.message));
			req.end(payload);
		});
		expect(result).toMatch(/socket hang up|ECONNRESET/);
		expect(sim.requests[0].taskId).toMatch(/^[0-9a-f]{32}$/);
		expect((await credit()).data.data).toBe(988);
	});
});
