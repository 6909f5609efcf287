import { lrcTime, srtTime, toLrc, toSrt } from '../../../../nodes/SunoMusic/helpers/lyricsFiles';
import { lyricLines, type AlignedWord } from '../../../../nodes/SunoMusic/helpers/normalise';

const word = (text: string, startS: number | null, endS: number | null): AlignedWord => ({
	word: text,
	startS,
	endS,
	success: true,
	palign: 0,
});

describe('lyricLines', () => {
	it('ends a line at a line break inside a word and names each line after its section tag', () => {
		const lines = lyricLines([
			word("[Verse]\nWaggin'", 1.36, 1.79),
			word('tails ', 1.8, 2.1),
			word('all\n', 2.2, 2.6),
			word('day ', 2.9, 3.2),
			word('long\n\n[Chorus 1]\nWoof', 3.3, 4.0),
			word('woof', 4.1, 4.5),
		]);

		expect(lines).toEqual([
			{ text: "Waggin' tails all", startS: 1.36, endS: 2.6, section: 'Verse' },
			{ text: 'day long', startS: 2.9, endS: 4.0, section: 'Verse' },
			{ text: 'Woof woof', startS: 3.3, endS: 4.5, section: 'Chorus 1' },
		]);
	});

	it('skips words without times and tags that are not sung', () => {
		expect(
			lyricLines([word('[Intro]', 0, 1), word('ghost', null, null), word('la', 5, 6), word('[Outro]', 7, 8)]),
		).toEqual([{ text: 'la', startS: 5, endS: 6, section: 'Intro' }]);
		expect(lyricLines([])).toEqual([]);
	});
});

describe('LRC and SRT', () => {
	const lines = [
		{ text: 'First line', startS: 1.356, endS: 3.2, section: 'Verse' },
		{ text: 'Second line', startS: 3723.4, endS: 3725.05, section: null },
	];

	it('writes times as [mm:ss.xx] for LRC and hh:mm:ss,mmm for SRT', () => {
		expect(lrcTime(61.236)).toBe('01:01.24');
		expect(lrcTime(3723.4)).toBe('62:03.40');
		expect(srtTime(3723.4)).toBe('01:02:03,400');
		expect(srtTime(0.0005)).toBe('00:00:00,001');
	});

	it('writes one LRC line per sung line', () => {
		expect(toLrc(lines)).toBe('[00:01.36]First line\n[62:03.40]Second line\n');
	});

	it('writes numbered SRT cues separated by blank lines', () => {
		expect(toSrt(lines)).toBe(
			'1\n00:00:01,356 --> 00:00:03,200\nFirst line\n\n2\n01:02:03,400 --> 01:02:05,050\nSecond line\n',
		);
	});
});
