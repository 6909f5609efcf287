import axios from 'axios';
import type { AxiosInstance } from 'axios';
import { spawn } from 'child_process';
import * as http from 'http';
import * as path from 'path';

import type { SunoSimulator } from '../../simulator';
import { client, eventually, recordInfo, start } from './helpers';

describe('control endpoints', () => {
	let sim: SunoSimulator;
	let api: AxiosInstance;
	let control: AxiosInstance;

	beforeAll(async () => {
		sim = await start();
		api = client(sim);
		control = client(sim, null);
	});

	afterAll(() => sim.close());

	it('health describes the running simulator', async () => {
		expect((await control.get('/__sim/health')).data).toEqual({
			ok: true,
			baseUrl: sim.baseUrl,
			uploadBaseUrl: sim.baseUrl,
			cdnBaseUrl: sim.cdnBaseUrl,
			apiKey: 'sim-test-key',
			timeScale: sim.timeScale,
			credits: 1000,
			tasks: 0,
		});
		expect(sim.uploadBaseUrl).toBe(sim.baseUrl);
		expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('drives tasks, scenarios and faults from another process', async () => {
		const created = await control.post('/__sim/tasks', { scenario: 'sensitive-word', durationS: 0, taskId: 'ctl-1' });
		expect(created.data).toEqual({ taskId: 'ctl-1' });
		expect((await recordInfo(api, 'ctl-1')).data.status).toBe('SENSITIVE_WORD_ERROR');

		expect((await control.post('/__sim/next-scenario', { scenario: 'create-failed', durationS: 0 })).data).toEqual({ ok: true });
		const taskId = (await api.post('/api/v1/lyrics', { prompt: 'x', callBackUrl: 'http://127.0.0.1:9/' })).data.data.taskId;
		expect((await recordInfo(api, taskId, 'lyrics')).data.status).toBe('CREATE_TASK_FAILED');

		expect((await control.post('/__sim/faults', { kind: 'maintenance', times: -1 })).data).toEqual({ ok: true });
		expect((await api.get('/api/v1/generate/credit')).data.code).toBe(455);
		expect((await control.delete('/__sim/faults')).data).toEqual({ ok: true });
		expect((await api.get('/api/v1/generate/credit')).data.code).toBe(200);

		expect((await control.post('/__sim/faults', { kind: 'nope' })).status).toBe(400);
		expect((await control.post('/__sim/tasks', { scenario: 'nope' })).status).toBe(400);
		expect((await control.get('/__sim/unknown')).status).toBe(404);
	});

	it('lists and clears requests and callbacks, never recording its own calls', async () => {
		await control.delete('/__sim/requests');
		await api.get('/api/v1/generate/credit');
		const requests = (await control.get('/__sim/requests')).data;
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ server: 'api', method: 'GET', path: '/api/v1/generate/credit', httpStatus: 200, bodyCode: 200 });
		expect(sim.requests).toHaveLength(1);

		await control.post('/__sim/tasks', { durationS: 0, scenario: 'skip-to-complete', callBackUrl: 'http://192.0.2.1/cb' });
		const skipped = await eventually(async () => {
			const list: Array<{ url: string }> = (await control.get('/__sim/callbacks')).data;
			return list.find((c) => c.url === 'http://192.0.2.1/cb');
		});
		expect(skipped).toMatchObject({ stage: 'complete', skipped: 'non-loopback' });
	});

	it('reset forgets tasks, faults, requests, callbacks and spent credits', async () => {
		await api.post('/api/v1/generate', { customMode: false, instrumental: true, model: 'V5', prompt: 'x', callBackUrl: 'http://127.0.0.1:9/' });
		sim.addFault({ kind: 'maintenance', times: -1, match: { pathPrefix: '/api/v1/lyrics' } });
		expect((await control.post('/__sim/reset')).data).toEqual({ ok: true });
		expect(sim.requests).toHaveLength(0);
		expect(sim.callbacks).toHaveLength(0);
		expect((await recordInfo(api, 'ctl-1')).code).toBe(400);
		expect((await api.get('/api/v1/lyrics/record-info', { params: { taskId: 'x' } })).data.code).toBe(400);
		expect((await api.get('/api/v1/generate/credit')).data.data).toBe(1000);
	});
});

describe('close()', () => {
	it('closes both servers, hung and streaming sockets, and pending timers', async () => {
		const sim = await start({ timeScale: 1 });
		sim.createTask({ durationS: 3600, callBackUrl: 'http://127.0.0.1:9/never' });
		sim.addFault({ kind: 'hang', match: { pathPrefix: '/api/v1/generate/credit' } });
		sim.addFault({ kind: 'slow', delayMs: 60_000, match: { pathPrefix: '/api/v1/lyrics' } });
		const outcome = (url: string) =>
			new Promise<string>((resolve) => {
				const req = http.get(url, { agent: false, headers: { authorization: 'Bearer sim-test-key' } }, (res) => {
					res.resume();
					res.on('end', () => resolve(`status ${res.statusCode}`));
				});
				req.on('error', (err) => resolve(err.message));
			});
		const hung = outcome(`${sim.baseUrl}/api/v1/generate/credit`);
		const slow = outcome(`${sim.baseUrl}/api/v1/lyrics/record-info?taskId=x`);
		await eventually(() => (sim.requests.length === 2 ? true : undefined));
		const started = Date.now();
		await sim.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await hung).toMatch(/socket hang up|ECONNRESET/);
		expect(await slow).toMatch(/socket hang up|ECONNRESET|status/);
		await expect(axios.get(`${sim.baseUrl}/__sim/health`, { timeout: 1000 })).rejects.toThrow();
		await expect(axios.get(`${sim.cdnBaseUrl}/`, { timeout: 1000 })).rejects.toThrow();
		await sim.close();
	});
});

describe('CLI', () => {
	it('prints a banner and SIMULATOR_READY, serves, and exits cleanly on SIGTERM', async () => {
		const root = path.resolve(__dirname, '../..');
		const child = spawn(
			process.execPath,
			[require.resolve('ts-node/dist/bin.js'), '--transpile-only', '-P', 'tsconfig.test.json', 'simulator/cli.ts'],
			{ cwd: root, env: { ...process.env, SIM_PORT: '0', SIM_CDN_PORT: '0', SIM_API_KEY: 'cli-key', SIM_RATE_LIMIT: 'off', SIM_LOG: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let out = '';
		child.stdout.on('data', (c: Buffer) => (out += c.toString()));
		child.stderr.on('data', (c: Buffer) => (out += c.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		try {
			const line = await eventually(() => /^SIMULATOR_READY (.*)$/m.exec(out)?.[1], 20_000, 50);
			const ready = JSON.parse(line);
			expect(ready).toEqual({ baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), cdnBaseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), apiKey: 'cli-key' });
			expect(out).toContain(`curl -H "Authorization: Bearer cli-key" "${ready.baseUrl}/api/v1/generate/record-info?taskId=sim.success.demo"`);
			const res = await axios.get(`${ready.baseUrl}/api/v1/generate/record-info`, { params: { taskId: 'sim.success.demo' }, headers: { Authorization: 'Bearer cli-key' } });
			expect(res.data.data.status).toBe('PENDING');
		} finally {
			child.kill('SIGTERM');
		}
		expect(await exited).toBe(0);
	}, 30_000);
});
