import { createHash } from 'crypto';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import type { SunoSimulator } from '../../../../simulator';
import { BINARY_KEY } from '../../../harness/engine';
import { FAST_WAIT, errorOf, postsTo, run, startSim } from '../support';
import { CHUNK, CHUNKS, ENDLESS_CHUNKS, FileHost, probe } from './downloadProbe';

/**
 * The same download and upload paths with n8n's filesystem binary mode (the default of a real
 * instance), where a stream is consumed by an async iterator and inputs live on disk.
 */
let sim: SunoSimulator;
let files: FileHost;
const stored = () => Container.get(BinaryDataService);

beforeAll(async () => {
	process.env.N8N_BINARY_DATA_STORAGE_PATH = mkdtempSync(join(tmpdir(), 'n8n-suno-binary-'));
	await stored().init();
	sim = await startSim();
	files = await new FileHost().start();
});

afterAll(async () => {
	await sim.close();
	await files.close();
});

beforeEach(() => {
	sim.reset();
	files.reset();
});

describe('binary helper in filesystem binary mode', () => {
	it('writes a downloaded track to disk with the exact bytes the file host served', async () => {
		const result = await run(sim, {
			parameters: {
				resource: 'music',
				operation: 'generate',
				prompt: 'idea',
				downloadAudio: true,
				waitOptions: FAST_WAIT,
			},
		});

		expect(result.output).toHaveLength(2);
		for (const item of result.output) {
			const binary = item.binary!.data;
			expect(binary.id).toMatch(/^filesystem-v2:/);
			expect((await stored().getAsBuffer(binary)).equals(sim.audioBytes())).toBe(true);
		}
	});

	it('streams a file of unknown length to disk', async () => {
		const result = await probe(`${files.base}/chunked.mp3`);

		const binary = result.output[0].binary!.data;
		expect(binary.bytes).toBe(CHUNKS * CHUNK.length);
		expect(
			(await stored().getAsBuffer(binary)).equals(Buffer.concat(Array.from({ length: CHUNKS }, () => CHUNK))),
		).toBe(true);
	});

	it('stops a stream with no declared length at the cap while writing it to disk', async () => {
		const result = await probe(`${files.base}/endless.mp3`, 3 * CHUNK.length);

		expect(errorOf(result)).toBe(
			`Item 0: the audio of track t1 (task k1) from ${files.host} is larger than the 192 KB limit`,
		);
		expect(files.chunksSent).toBeLessThan(ENDLESS_CHUNKS / 4);
	});

	it('uploads an input binary that lives on disk', async () => {
		const audio = sim.audioBytes();

		const result = await run(sim, {
			items: [
				{ [BINARY_KEY]: { data: { base64: audio.toString('base64'), fileName: 'demo.mp3', mimeType: 'audio/mpeg' } } },
			],
			parameters: { resource: 'music', operation: 'uploadAndCover', audioSource: 'binary', waitForCompletion: false },
		});

		expect(result.error).toBeUndefined();
		const [upload] = postsTo(sim, '/api/file-stream-upload');
		const sent = (upload.body as { files: Array<{ sha256: string; size: number }> }).files[0];
		expect(sent).toMatchObject({ size: audio.length, sha256: createHash('sha256').update(audio).digest('hex') });
	});
});
