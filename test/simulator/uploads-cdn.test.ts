import type { AxiosInstance } from 'axios';
import { createHash } from 'crypto';

import type { SunoSimulator } from '../../simulator';
import { client, eventually, raw, recordInfo, start, walkMp3 } from './helpers';

let sim: SunoSimulator;
let api: AxiosInstance;
let cdn: AxiosInstance;

beforeAll(async () => {
	sim = await start();
	api = client(sim);
	cdn = raw(sim.cdnBaseUrl);
});

afterAll(() => sim.close());

beforeEach(() => sim.reset());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function multipart(parts: Array<{ name: string; value: string | Buffer; fileName?: string; type?: string }>) {
	const boundary = '----simtest' + Math.random().toString(16).slice(2);
	const chunks: Buffer[] = [];
	for (const p of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
		if (p.fileName !== undefined) head += `; filename="${p.fileName}"`;
		head += '\r\n';
		if (p.type) head += `Content-Type: ${p.type}\r\n`;
		chunks.push(Buffer.from(`${head}\r\n`), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value), Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function download(url: string) {
	expect(url.startsWith(sim.cdnBaseUrl)).toBe(true);
	return cdn.get(url.slice(sim.cdnBaseUrl.length));
}

describe('file-upload API', () => {
	// Contains CRLF and a boundary-like line, which a naive multipart split would cut at.
	const payload = Buffer.concat([Buffer.from('binary \r\n--not-a-boundary\r\n payload'), Buffer.from([0, 1, 2, 255])]);

	it('file-stream-upload parses multipart and serves the bytes back', async () => {
		const form = multipart([
			{ name: 'uploadPath', value: 'audio/in' },
			{ name: 'fileName', value: 'voice.mp3' },
			{ name: 'file', value: payload, fileName: 'original.mp3', type: 'application/octet-stream' },
		]);
		const res = await api.post('/api/file-stream-upload', form.body, { headers: { 'content-type': form.contentType } });
		expect(res.data).toEqual({
			success: true,
			code: 200,
			msg: 'File uploaded successfully',
			data: {
				fileName: 'voice.mp3',
				filePath: 'audio/in/voice.mp3',
				downloadUrl: `${sim.cdnBaseUrl}/uploads/audio/in/voice.mp3`,
				fileSize: payload.length,
				mimeType: 'audio/mpeg',
				uploadedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
			},
		});
		const file = await download(res.data.data.downloadUrl);
		expect(file.status).toBe(200);
		expect(file.headers['content-type']).toBe('audio/mpeg');
		expect(Buffer.from(file.data).equals(payload)).toBe(true);
		expect(sim.requests[0].body).toEqual({
			fields: { uploadPath: 'audio/in', fileName: 'voice.mp3' },
			files: [{ field: 'file', fileName: 'original.mp3', mimeType: 'application/octet-stream', size: payload.length, sha256: sha256(payload) }],
		});
	});

	it('file-stream-upload keeps the part file name when no fileName field is given', async () => {
		const form = multipart([
			{ name: 'file', value: sim.imageBytes(), fileName: 'cover.jpeg', type: 'image/jpeg' },
			{ name: 'uploadPath', value: '/images/' },
		]);
		const res = await api.post('/api/file-stream-upload', form.body, { headers: { 'content-type': form.contentType } });
		expect(res.data.data).toMatchObject({ fileName: 'cover.jpeg', filePath: 'images/cover.jpeg', mimeType: 'image/jpeg' });
		expect(Buffer.from((await download(res.data.data.downloadUrl)).data).equals(sim.imageBytes())).toBe(true);
	});

	it('file-base64-upload accepts raw base64 and data: URLs', async () => {
		const rawRes = await api.post('/api/file-base64-upload', { base64Data: payload.toString('base64'), uploadPath: 'b64', fileName: 'a.wav' });
		expect(rawRes.data.data).toMatchObject({ filePath: 'b64/a.wav', mimeType: 'audio/wav', fileSize: payload.length });
		expect(Buffer.from((await download(rawRes.data.data.downloadUrl)).data).equals(payload)).toBe(true);
		const dataUrl = await api.post('/api/file-base64-upload', { base64Data: `data:image/png;base64,${payload.toString('base64')}`, uploadPath: 'b64' });
		expect(dataUrl.data.data.mimeType).toBe('image/png');
		expect(dataUrl.data.data.fileName).toMatch(/\.png$/);
		const file = await download(dataUrl.data.data.downloadUrl);
		expect(file.headers['content-type']).toBe('image/png');
		expect(Buffer.from(file.data).equals(payload)).toBe(true);
	});

	it('file-url-upload fetches loopback URLs only', async () => {
		const taskId = sim.createTask({ durationS: 0 });
		const audioUrl = (await recordInfo(api, taskId)).data.response.sunoData[0].audioUrl;
		const res = await api.post('/api/file-url-upload', { fileUrl: audioUrl, uploadPath: 'from-url' });
		expect(res.data.data).toMatchObject({ fileName: expect.stringMatching(/\.mp3$/), mimeType: 'audio/mpeg', fileSize: sim.audioBytes().length });
		expect(Buffer.from((await download(res.data.data.downloadUrl)).data).equals(sim.audioBytes())).toBe(true);
		const remote = await api.post('/api/file-url-upload', { fileUrl: 'https://example.com/song.mp3', uploadPath: 'x' });
		expect(remote.data).toMatchObject({ success: false, code: 400, msg: expect.any(String) });
		const missing = await api.post('/api/file-url-upload', { fileUrl: `${sim.cdnBaseUrl}/uploads/none.mp3`, uploadPath: 'x' });
		expect(missing.data).toMatchObject({ success: false, code: 400 });
	});

	it('refuses bodies over 100 MB with 413 after reading them', async () => {
		const form = multipart([
			{ name: 'uploadPath', value: 'big' },
			{ name: 'file', value: Buffer.alloc(100 * 1024 * 1024 + 1), fileName: 'big.bin' },
		]);
		const res = await api.post('/api/file-stream-upload', form.body, { headers: { 'content-type': form.contentType }, maxBodyLength: Infinity });
		expect([res.status, res.data]).toEqual([200, { success: false, code: 413, msg: 'File too large: at most 100 MB' }]);
		expect(sim.requests[0]).toMatchObject({ httpStatus: 200, bodyCode: 413, body: null });
	});

	it('reports upload errors as {success:false, code, msg}', async () => {
		expect((await api.post('/api/file-base64-upload', { base64Data: 'aGk=' })).data).toEqual({ success: false, code: 400, msg: 'uploadPath is required' });
		expect((await api.post('/api/file-base64-upload', { uploadPath: 'x' })).data).toMatchObject({ success: false, code: 400 });
		expect((await api.post('/api/file-base64-upload', { base64Data: '%%%', uploadPath: 'x' })).data).toMatchObject({ success: false, code: 400 });
		const form = multipart([{ name: 'uploadPath', value: 'x' }]);
		expect((await api.post('/api/file-stream-upload', form.body, { headers: { 'content-type': form.contentType } })).data).toMatchObject({ success: false, code: 400 });
		expect((await client(sim, 'bad').post('/api/file-base64-upload', { base64Data: 'aGk=', uploadPath: 'x' })).data).toEqual({
			success: false,
			code: 401,
			msg: 'Authentication failed: Invalid API Key',
		});
	});
});

describe('CDN', () => {
	it('serves audio, stream, image and source URLs once ready, without auth', async () => {
		const taskId = sim.createTask({ durationS: 0 });
		const [track] = (await recordInfo(api, taskId)).data.response.sunoData;
		const audio = await download(track.audioUrl);
		expect(audio.status).toBe(200);
		expect(audio.headers['content-type']).toBe('audio/mpeg');
		expect(Number(audio.headers['content-length'])).toBe(sim.audioBytes().length);
		expect(Buffer.from(audio.data).equals(sim.audioBytes())).toBe(true);
		const stream = await download(track.streamAudioUrl);
		expect(stream.headers['transfer-encoding']).toBe('chunked');
		expect(Buffer.from(stream.data).equals(sim.audioBytes())).toBe(true);
		for (const url of [track.sourceAudioUrl, track.sourceStreamAudioUrl]) expect(Buffer.from((await download(url)).data).equals(sim.audioBytes())).toBe(true);
		for (const url of [track.imageUrl, track.sourceImageUrl]) {
			const image = await download(url);
			expect(image.headers['content-type']).toBe('image/jpeg');
			expect(Buffer.from(image.data).equals(sim.imageBytes())).toBe(true);
		}
		const cdnRecords = sim.requests.filter((r) => r.server === 'cdn');
		expect(cdnRecords).toHaveLength(6);
		expect(cdnRecords.every((r) => r.taskId === taskId && r.httpStatus === 200 && r.headers.authorization === undefined)).toBe(true);
	});

	it('answers 404 for audio until the track is complete, and for unknown ids', async () => {
		// 6000x: streams at once, first track at 300 ms, second at 500 ms.
		const taskId = sim.createTask({ streamsAtS: 0, firstAtS: 1800, durationS: 3000 });
		const [first, second] = (await recordInfo(api, taskId)).data.response.sunoData;
		const audioOf = (t: { id: string }) => `${sim.cdnBaseUrl}/audio/${t.id}.mp3`;
		expect((await download(audioOf(first))).status).toBe(404);
		expect((await download(first.streamAudioUrl)).status).toBe(200);
		expect((await download(first.imageUrl)).status).toBe(200);
		await eventually(async () => ((await download(audioOf(first))).status === 200 ? true : undefined), 2000, 25);
		expect((await download(audioOf(second))).status).toBe(404);
		await eventually(async () => ((await download(audioOf(second))).status === 200 ? true : undefined), 2000, 25);
		expect((await cdn.get('/audio/00000000-0000-4000-8000-000000000000.mp3')).status).toBe(404);
		expect((await cdn.get('/uploads/nothing/here.mp3')).status).toBe(404);
		expect((await cdn.get('/elsewhere')).status).toBe(404);
	});

	it('serves HEAD with the length and no body', async () => {
		const taskId = sim.createTask({ durationS: 0, audioBytes: 50_000 });
		const [track] = (await recordInfo(api, taskId)).data.response.sunoData;
		const head = await cdn.head(track.audioUrl.slice(sim.cdnBaseUrl.length));
		expect([head.status, head.headers['content-length'], Buffer.from(head.data ?? []).length]).toEqual([200, '50000', 0]);
	});

	it.each([20_000, 1_000_003, 5 * 1024 * 1024 + 7])('serves audioBytes=%d as an exact-size valid MP3 stream', async (size) => {
		const taskId = sim.createTask({ durationS: 0, audioBytes: size });
		const [track] = (await recordInfo(api, taskId)).data.response.sunoData;
		for (const url of [track.audioUrl, track.streamAudioUrl]) {
			const res = await download(url);
			const body = Buffer.from(res.data);
			expect(body.length).toBe(size);
			expect(body.subarray(0, 3).toString('latin1')).toBe('ID3');
			const { tagLength, frames } = walkMp3(body);
			expect(body[tagLength]).toBe(0xff);
			expect(frames).toBeGreaterThan(size / 110);
		}
	});

	it('serves audioBytes smaller than one frame as the head of the real file', async () => {
		const taskId = sim.createTask({ durationS: 0, audioBytes: 100 });
		const [track] = (await recordInfo(api, taskId)).data.response.sunoData;
		const body = Buffer.from((await download(track.audioUrl)).data);
		expect(body.equals(sim.audioBytes().subarray(0, 100))).toBe(true);
	});

	it('the bundled assets are real media', () => {
		const mp3 = sim.audioBytes();
		expect(mp3.length).toBeLessThan(40_000);
		expect(walkMp3(mp3).frames).toBeGreaterThan(50);
		const jpeg = sim.imageBytes();
		expect(jpeg.length).toBeLessThan(15_000);
		expect([jpeg[0], jpeg[1], jpeg[jpeg.length - 2], jpeg[jpeg.length - 1]]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
	});
});
