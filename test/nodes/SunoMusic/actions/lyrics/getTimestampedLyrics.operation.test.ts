import { bytesOf, errorOf, postsTo, run, useSimulator } from '../../support';

const sim = useSimulator();

interface Word {
	word: string;
	startS: number;
	endS: number;
}

/** A finished track with known lyrics, and its aligned words as Suno's endpoint gives them to anyone asking. */
async function alignedTrack(): Promise<{ taskId: string; audioId: string; words: Word[] }> {
	const taskId = sim.createTask({
		durationS: 1,
		params: { lyrics: '[Verse]\nOne two three\nFour five\n\n[Chorus]\nSix seven' },
	});
	await new Promise((resolve) => setTimeout(resolve, 5));
	const details = await run(sim, { parameters: { resource: 'music', operation: 'getGenerationDetails', taskId } });
	const audioId = String(details.output[0].json.audioId);
	const answer = await fetch(`${sim.baseUrl}/api/v1/generate/get-timestamped-lyrics`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${sim.apiKey}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ taskId, audioId }),
	});
	const words = ((await answer.json()) as { data: { alignedWords: Word[] } }).data.alignedWords;
	sim.clearRequests();
	return { taskId, audioId, words };
}

const VERSE = 'One two three Four five';
const CHORUS = 'Six seven';

const lrc = (seconds: number) => {
	const hundredths = Math.round(seconds * 100);
	const mm = String(Math.floor(hundredths / 6000)).padStart(2, '0');
	const ss = String(Math.floor(hundredths / 100) % 60).padStart(2, '0');
	return `${mm}:${ss}.${String(hundredths % 100).padStart(2, '0')}`;
};

const srt = (seconds: number) => {
	const ms = Math.round(seconds * 1000);
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
};

describe('Lyrics → Get Timestamped Lyrics', () => {
	it('asks with the exact body and outputs the aligned words grouped into sung lines', async () => {
		const { taskId, audioId, words } = await alignedTrack();

		const result = await run(sim, {
			parameters: { resource: 'lyrics', operation: 'getTimestampedLyrics', taskId, audioId },
		});

		expect(postsTo(sim, '/api/v1/generate/get-timestamped-lyrics').map((r) => r.body)).toEqual([{ taskId, audioId }]);
		const [item] = result.output;
		expect(item.binary).toBeUndefined();
		expect(words.map((w) => w.word)).toEqual([
			'[Verse]\nOne',
			'two',
			'three',
			'Four',
			'five',
			'[Chorus]\nSix',
			'seven',
		]);
		expect(item.json.alignedWords).toEqual(words.map((w) => ({ ...w, success: true, palign: 0 })));
		expect(item.json.lines).toEqual([
			{ text: VERSE, startS: words[0].startS, endS: words[4].endS, section: 'Verse' },
			{ text: CHORUS, startS: words[5].startS, endS: words[words.length - 1].endS, section: 'Chorus' },
		]);
		expect(item.json.waveformData).toBeUndefined();
	});

	it('adds an .lrc and an .srt file whose lines carry the aligned times', async () => {
		const { taskId, audioId, words } = await alignedTrack();
		const last = words.length - 1;

		const result = await run(sim, {
			parameters: {
				resource: 'lyrics',
				operation: 'getTimestampedLyrics',
				taskId,
				audioId,
				options: { addLrc: true, addSrt: true, srtPropertyName: 'subtitles', includeWaveform: true },
			},
		});

		const [item] = result.output;
		expect(bytesOf(item, 'lrc').toString('utf8')).toBe(
			`[${lrc(words[0].startS)}]${VERSE}\n[${lrc(words[5].startS)}]${CHORUS}\n`,
		);
		expect(bytesOf(item, 'subtitles').toString('utf8')).toBe(
			`1\n${srt(words[0].startS)} --> ${srt(words[4].endS)}\n${VERSE}\n\n` +
				`2\n${srt(words[5].startS)} --> ${srt(words[last].endS)}\n${CHORUS}\n`,
		);
		expect(item.binary!.lrc).toMatchObject({ fileName: `lyrics-${audioId}.lrc`, mimeType: 'text/plain' });
		expect(item.binary!.subtitles).toMatchObject({
			fileName: `lyrics-${audioId}.srt`,
			mimeType: 'application/x-subrip',
		});
		expect((item.json.waveformData as number[]).length).toBe(200);
	});

	it('passes on Suno’s refusal for a track that is not finished', async () => {
		const taskId = sim.createTask({ durationS: 10_000_000, streamsAtS: 1 });
		await new Promise((resolve) => setTimeout(resolve, 5));
		const audioId = String(
			(await run(sim, { parameters: { resource: 'music', operation: 'getGenerationDetails', taskId } })).output[0].json
				.audioId,
		);

		const result = await run(sim, {
			parameters: { resource: 'lyrics', operation: 'getTimestampedLyrics', taskId, audioId },
		});

		expect(errorOf(result)).toBe('Suno refused the request: The audio has not been generated yet');
	});
});
