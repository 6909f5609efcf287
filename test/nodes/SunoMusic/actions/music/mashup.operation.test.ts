import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_CALLBACK_URL } from '../../../../../nodes/SunoMusic/helpers/create';
import { BINARY_KEY } from '../../../../harness/engine';
import { FAST_WAIT, errorOf, postsTo, run, useSimulator } from '../../support';

const PATH = '/api/v1/generate/mashup';

const sim = useSimulator();

const mashup = (sources: INodeParameters[], parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'music',
	operation: 'mashup',
	waitOptions: FAST_WAIT,
	sources: { source: sources },
	...parameters,
});

const withFile = {
	[BINARY_KEY]: {
		beat: { base64: Buffer.from('beat').toString('base64'), fileName: 'beat.mp3', mimeType: 'audio/mpeg' },
	},
};

describe('Music → Mashup', () => {
	it('sends a URL source and an uploaded binary source as uploadUrlList, in order, and waits to the tracks', async () => {
		const result = await run(sim, {
			items: [withFile],
			parameters: mashup(
				[
					{ audioSource: 'url', uploadUrl: 'https://example.com/one.mp3' },
					{ audioSource: 'binary', binaryPropertyName: 'beat' },
				],
				{ options: { title: 'Blend', style: 'house', duration: 120, variety: 1 } },
			),
		});

		expect(result.error).toBeUndefined();
		const [body] = postsTo(sim, PATH).map((r) => r.body);
		expect(body).toEqual({
			uploadUrlList: [
				'https://example.com/one.mp3',
				expect.stringMatching(new RegExp(`^${sim.cdnBaseUrl}/uploads/n8n-suno/[a-z0-9]{16}/beat\\.mp3$`)),
			],
			model: 'V6',
			title: 'Blend',
			style: 'house',
			duration: 120,
			variety: 1,
			callBackUrl: DEFAULT_CALLBACK_URL,
		});
		expect(result.output.map((item) => item.json.operationType)).toEqual(['mashup', 'mashup']);
	});

	it.each([1, 3])('refuses %i sources before uploading or creating anything', async (count) => {
		const sources = Array.from({ length: count }, () => ({ audioSource: 'binary', binaryPropertyName: 'beat' }));

		const result = await run(sim, { items: [withFile], parameters: mashup(sources) });

		expect(errorOf(result)).toBe(
			`Item 0: Mashup needs exactly 2 sources; ${count} ${count === 1 ? 'was' : 'were'} given`,
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('checks the second source before uploading the first', async () => {
		const result = await run(sim, {
			items: [withFile],
			parameters: mashup([
				{ audioSource: 'binary', binaryPropertyName: 'beat' },
				{ audioSource: 'url', uploadUrl: 'file:///etc/passwd' },
			]),
		});

		expect(errorOf(result)).toBe('Item 0: Source 2 "file:///etc/passwd" is not an http(s) URL');
		expect(sim.requests).toHaveLength(0);
	});
});
