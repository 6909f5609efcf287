import type { LyricLine } from './normalise';

/** Synced-lyrics files from aligned lines: .lrc (players, karaoke) and .srt (video subtitles). */

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** [mm:ss.xx], minutes allowed past 59 as LRC players expect. */
export function lrcTime(seconds: number): string {
	const hundredths = Math.round(Math.max(0, seconds) * 100);
	return `${pad(Math.floor(hundredths / 6000))}:${pad(Math.floor(hundredths / 100) % 60)}.${pad(hundredths % 100)}`;
}

/** hh:mm:ss,mmm */
export function srtTime(seconds: number): string {
	const ms = Math.round(Math.max(0, seconds) * 1000);
	const h = Math.floor(ms / 3_600_000);
	const m = Math.floor(ms / 60_000) % 60;
	const s = Math.floor(ms / 1000) % 60;
	return `${pad(h)}:${pad(m)}:${pad(s)},${pad(ms % 1000, 3)}`;
}

export function toLrc(lines: LyricLine[]): string {
	return lines.map((line) => `[${lrcTime(line.startS)}]${line.text}\n`).join('');
}

export function toSrt(lines: LyricLine[]): string {
	return lines
		.map((line, index) => `${index + 1}\n${srtTime(line.startS)} --> ${srtTime(line.endS)}\n${line.text}\n`)
		.join('\n');
}
