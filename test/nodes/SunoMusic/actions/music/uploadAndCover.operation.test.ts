import { createHash } from 'crypto';

import { DEFAULT_CALLBACK_URL } from '../../../../../nodes/SunoMusic/helpers/create';
import { BINARY_KEY } from '../../../../harness/engine';
import { bytesOf, cdnRequests, errorOf, postsTo, run, useSimulator, parametersFor } from '../../support';

const COVER = '/api/v1/generate/upload-cover';
const UPLOAD = '/api/file-stream-upload';

const sim = useSimulator();

const cover = parametersFor('music', 'uploadAndCover');

const inputFile = (bytes: Buffer, fileName = 'my demo.mp3') => ({
	[BINARY_KEY]: { data: { base64: bytes.toString('base64'), fileName, mimeType: 'audio/mpeg' } },
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('Music → Upload and Cover', () => {
	it('sends exactly the documented body for a custom-mode V6 cover of a URL', async () => {
		await run(sim, {
			parameters: cover({
				waitForCompletion: false,
				uploadUrl: 'https://example.com/demo.mp3',
				customMode: true,
				prompt: 'New words',
				style: 'bossa nova',
				title: 'Cover',
				options: { variety: 2, vocalGender: 'f', personaId: 'p1' },
			}),
		});

		expect(postsTo(sim, COVER).map((r) => r.body)).toEqual([
			{
				uploadUrl: 'https://example.com/demo.mp3',
				customMode: true,
				instrumental: false,
				model: 'V6',
				prompt: 'New words',
				style: 'bossa nova',
				title: 'Cover',
				variety: 2,
				vocalGender: 'f',
				personaId: 'p1',
				callBackUrl: DEFAULT_CALLBACK_URL,
			},
		]);
		expect(postsTo(sim, UPLOAD)).toHaveLength(0);
	});

	it('uploads an input binary to the file host and covers its download URL, through to downloaded tracks', async () => {
		const demo = Buffer.concat([sim.audioBytes(), Buffer.from('-my-own-recording')]);

		const result = await run(sim, {
			items: [inputFile(demo)],
			parameters: cover({ audioSource: 'binary', customMode: true, style: 'jazz', title: 'Mine', downloadAudio: true }),
		});

		expect(result.error).toBeUndefined();
		const [upload] = postsTo(sim, UPLOAD);
		expect(upload.headers.authorization).toBe(`Bearer ${sim.apiKey}`);
		expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		const form = upload.body as { fields: Record<string, string>; files: Array<Record<string, unknown>> };
		expect(form.fields.fileName).toBe('my demo.mp3');
		expect(form.fields.uploadPath).toMatch(/^n8n-suno\/[a-z0-9]{16}$/);
		expect(form.files).toEqual([
			{ field: 'file', fileName: 'my demo.mp3', mimeType: 'audio/mpeg', size: demo.length, sha256: sha256(demo) },
		]);

		const [create] = postsTo(sim, COVER);
		const uploadUrl = (create.body as { uploadUrl: string }).uploadUrl;
		expect(uploadUrl).toBe(`${sim.cdnBaseUrl}/uploads/${form.fields.uploadPath}/${encodeURIComponent('my demo.mp3')}`);
		const hosted = Buffer.from(await (await fetch(uploadUrl)).arrayBuffer());
		expect(hosted.equals(demo)).toBe(true);

		expect(result.output).toHaveLength(2);
		for (const item of result.output) expect(bytesOf(item).equals(sim.audioBytes())).toBe(true);
		for (const download of cdnRequests(sim)) expect(download.headers.authorization).toBeUndefined();
	});

	it('gives each item its own upload folder so files of the same name never overwrite each other', async () => {
		const first = Buffer.from('first file');
		const second = Buffer.from('second file');

		await run(sim, {
			items: [inputFile(first, 'take.mp3'), inputFile(second, 'take.mp3')],
			parameters: cover({ audioSource: 'binary', waitForCompletion: false }),
		});

		const urls = postsTo(sim, COVER).map((r) => (r.body as { uploadUrl: string }).uploadUrl);
		expect(new Set(urls).size).toBe(2);
		const hosted = await Promise.all(
			urls.map(async (url) => Buffer.from(await (await fetch(url)).arrayBuffer()).toString()),
		);
		expect(hosted.sort()).toEqual(['first file', 'second file']);
	});

	it('holds a V5 cover to the pre-V6 custom-mode rules before uploading anything', async () => {
		const result = await run(sim, {
			items: [inputFile(Buffer.from('x'))],
			parameters: cover({ audioSource: 'binary', model: 'V5', customMode: true, style: 'pop' }),
		});

		expect(errorOf(result)).toBe(
			'Item 0: Title and Lyrics are empty; model V5 requires Style, Title and Lyrics in custom mode',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('refuses an item without the named binary field, sending nothing', async () => {
		const result = await run(sim, { parameters: cover({ audioSource: 'binary', binaryPropertyName: 'audio' }) });

		expect(errorOf(result)).toContain("binary file 'audio'");
		expect(sim.requests).toHaveLength(0);
	});

	it.each([
		['', 'Item 0: Audio URL is empty'],
		['ftp://example.com/a.mp3', 'Item 0: Audio URL "ftp://example.com/a.mp3" is not an http(s) URL'],
	])('refuses the audio URL "%s" that an expression gave, sending nothing', async (url, message) => {
		const result = await run(sim, { items: [{ url }], parameters: cover({ uploadUrl: '={{ $json.url }}' }) });

		expect(errorOf(result)).toBe(message);
		expect(sim.requests).toHaveLength(0);
	});
});
