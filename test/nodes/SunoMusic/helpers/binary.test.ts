import { fileStem, formatBytes } from '../../../../nodes/SunoMusic/helpers/binary';
import { bytesOf, errorOf } from '../support';
import { CHUNK, CHUNKS, ENDLESS_CHUNKS, FileHost, probe } from './downloadProbe';

let files: FileHost;

beforeAll(async () => {
	files = await new FileHost().start();
});

afterAll(async () => await files.close());

beforeEach(() => files.reset());

describe('binary helper: downloadFile', () => {
	it('streams a file of unknown length into n8n binary data, byte for byte, without an Authorization header', async () => {
		const result = await probe(`${files.base}/chunked.mp3`);

		expect(result.error).toBeUndefined();
		const [item] = result.output;
		expect(bytesOf(item).equals(Buffer.concat(Array.from({ length: CHUNKS }, () => CHUNK)))).toBe(true);
		expect(item.binary!.data).toMatchObject({
			mimeType: 'audio/mpeg',
			fileName: 'Song Title Live-abc-123.mp3',
			fileExtension: 'mp3',
			bytes: CHUNKS * CHUNK.length,
		});
		expect(files.seen).toHaveLength(1);
		expect(files.seen[0].headers.authorization).toBeUndefined();
	});

	it('stops a stream with no declared length once it passes the cap, long before the file has been sent', async () => {
		const result = await probe(`${files.base}/endless.mp3`, 3 * CHUNK.length);

		expect(errorOf(result)).toBe(
			`Item 0: the audio of track t1 (task k1) from ${files.host} is larger than the 192 KB limit`,
		);
		expect(result.output).toHaveLength(0);
		expect(files.chunksSent).toBeLessThan(ENDLESS_CHUNKS / 4);
	});

	it('refuses a file whose declared length is over the cap before reading it', async () => {
		const result = await probe(`${files.base}/declared.mp3`, 1024 * 1024);

		expect(errorOf(result)).toBe(
			`Item 0: the audio of track t1 (task k1) from ${files.host} is 50 MB, over the 1 MB limit`,
		);
	});

	it('takes the MIME type from the response and names the file after it', async () => {
		const result = await probe(`${files.base}/song.m4a`);

		expect(result.output[0].binary!.data).toMatchObject({
			mimeType: 'audio/mp4',
			fileName: 'Song Title Live-abc-123.m4a',
		});
		expect(bytesOf(result.output[0]).toString()).toBe('m4a-bytes');
	});

	it('reports an expired or missing file with its host and HTTP status', async () => {
		const result = await probe(`${files.base}/expired.mp3`);

		expect(errorOf(result)).toBe(
			`Item 0: the audio of track t1 (task k1) could not be downloaded from ${files.host}: HTTP 404`,
		);
	});

	it.each(['file:///etc/passwd', 'ftp://127.0.0.1/a.mp3', 'not a url'])(
		'refuses the non-http(s) address %s without a request',
		async (url) => {
			const result = await probe(url);

			expect(errorOf(result)).toBe(
				`Item 0: the audio of track t1 (task k1) URL "${url}" is not an http(s) address, so it was not downloaded`,
			);
			expect(files.seen).toHaveLength(0);
		},
	);
});

describe('binary helper: names and sizes', () => {
	it('builds file names from title and ID without path separators or odd characters', () => {
		expect(fileStem('Über / Cool: Song?', 'a1-b2')).toBe('Über Cool Song-a1-b2');
		expect(fileStem(null, 'a1')).toBe('suno-a1');
		expect(fileStem('x'.repeat(200), 'id')).toBe(`${'x'.repeat(80)}-id`);
	});

	it('formats the cap in the unit a person reads', () => {
		expect(formatBytes(100 * 1024 * 1024)).toBe('100 MB');
		expect(formatBytes(1536)).toBe('1.5 KB');
		expect(formatBytes(12)).toBe('12 bytes');
	});
});
