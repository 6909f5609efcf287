import axios from 'axios';
import type { AxiosInstance } from 'axios';
import * as http from 'http';
import type { AddressInfo } from 'net';

import { startSimulator } from '../../simulator';
import type { SimulatorOptions, SunoSimulator } from '../../simulator';

/** Fast enough that a default 150 s task takes 25 ms; tests that need a stage to hold use huge stage times. */
export const FAST = 6000;

/** Stage times (simulated seconds) that never arrive during a test. */
export const NEVER = 10_000_000;

export async function start(options: SimulatorOptions = {}): Promise<SunoSimulator> {
	return startSimulator({ timeScale: FAST, rateLimit: false, quiet: true, ...options });
}

/** An API client that never throws on HTTP status, so tests can assert on 200-with-error-code answers. */
export function client(sim: SunoSimulator, apiKey: string | null = sim.apiKey, baseURL = sim.baseUrl): AxiosInstance {
	return axios.create({
		baseURL,
		headers: apiKey === null ? {} : { Authorization: `Bearer ${apiKey}` },
		validateStatus: () => true,
		timeout: 5000,
	});
}

export function raw(baseURL: string): AxiosInstance {
	return axios.create({ baseURL, validateStatus: () => true, timeout: 5000, responseType: 'arraybuffer' });
}

export async function recordInfo(api: AxiosInstance, taskId: string, kind: 'generate' | 'lyrics' = 'generate') {
	const res = await api.get(`/api/v1/${kind}/record-info`, { params: { taskId } });
	return res.data;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` every `everyMs` until it returns a value other than undefined, failing after `withinMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, withinMs = 2000, everyMs = 10): Promise<T> {
	const deadline = Date.now() + withinMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`condition not met within ${withinMs} ms`);
		await sleep(everyMs);
	}
}

export interface Received {
	path: string;
	headers: http.IncomingHttpHeaders;
	body: any;
}

/** A local callback endpoint on 127.0.0.1 that records every POST it receives. */
export async function receiver(status = 200): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
			res.writeHead(status, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** Walks MPEG audio Layer III frames after an ID3v2 tag; returns the frame count, or throws at the first invalid byte. */
export function walkMp3(buf: Buffer): { tagLength: number; frames: number } {
	let pos = 0;
	if (buf.toString('latin1', 0, 3) === 'ID3') {
		pos = 10 + (((buf[6] & 0x7f) << 21) | ((buf[7] & 0x7f) << 14) | ((buf[8] & 0x7f) << 7) | (buf[9] & 0x7f));
	}
	const tagLength = pos;
	const v2Rates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
	const v1Rates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
	const sampleRates: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };
	let frames = 0;
	while (pos < buf.length) {
		if (buf[pos] !== 0xff || (buf[pos + 1] & 0xe0) !== 0xe0) throw new Error(`no frame sync at byte ${pos}`);
		const version = (buf[pos + 1] >> 3) & 3;
		const bitrate = (version === 3 ? v1Rates : v2Rates)[buf[pos + 2] >> 4] * 1000;
		const rate = sampleRates[version][(buf[pos + 2] >> 2) & 3];
		const size = Math.floor(((version === 3 ? 144 : 72) * bitrate) / rate) + ((buf[pos + 2] >> 1) & 1);
		if (!(size > 4)) throw new Error(`bad frame header at byte ${pos}`);
		pos += size;
		frames++;
	}
	if (pos !== buf.length) throw new Error(`last frame overruns the file by ${pos - buf.length} bytes`);
	return { tagLength, frames };
}
