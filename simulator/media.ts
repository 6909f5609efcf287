import * as fs from 'fs';
import * as path from 'path';

const ASSETS_DIR = path.join(__dirname, 'assets');

/** Bytes of the bundled media, read once per process. */
export interface MediaAssets {
	mp3: Buffer;
	jpeg: Buffer;
	layout: Mp3Layout;
}

/** Where the ID3v2 tag ends and how the bundled MP3's audio frames are cut. */
export interface Mp3Layout {
	/** The ID3v2 tag (header + frames, without padding or TLEN); empty when the file has none. */
	tag: Buffer;
	/** Audio frames, excluding a Xing/Info/VBRI header frame whose counts would be wrong once frames repeat. */
	frames: Buffer[];
}

let cached: MediaAssets | undefined;

export function loadAssets(): MediaAssets {
	if (!cached) {
		const mp3 = fs.readFileSync(path.join(ASSETS_DIR, 'sample.mp3'));
		const jpeg = fs.readFileSync(path.join(ASSETS_DIR, 'cover.jpeg'));
		cached = { mp3, jpeg, layout: parseMp3(mp3) };
	}
	return cached;
}

const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

interface FrameHeader {
	size: number;
	/** Offset of the side information's end, where a Xing/Info tag would sit. */
	sideInfoEnd: number;
}

/** Decodes an MPEG audio Layer III frame header at `offset`, or returns undefined when there is none. */
function readFrameHeader(buf: Buffer, offset: number): FrameHeader | undefined {
	if (offset + 4 > buf.length) return undefined;
	if (buf[offset] !== 0xff || (buf[offset + 1] & 0xe0) !== 0xe0) return undefined;
	const version = (buf[offset + 1] >> 3) & 0x03;
	const layer = (buf[offset + 1] >> 1) & 0x03;
	const bitrateIndex = buf[offset + 2] >> 4;
	const rateIndex = (buf[offset + 2] >> 2) & 0x03;
	const padding = (buf[offset + 2] >> 1) & 0x01;
	const mono = buf[offset + 3] >> 6 === 3;
	if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
	const mpeg1 = version === 3;
	const bitrate = (mpeg1 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex] * 1000;
	const sampleRate = SAMPLE_RATES[version][rateIndex];
	const size = Math.floor(((mpeg1 ? 144 : 72) * bitrate) / sampleRate) + padding;
	const sideInfo = mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17;
	return { size, sideInfoEnd: offset + 4 + sideInfo };
}

function id3Length(buf: Buffer): number {
	if (buf.length < 10 || buf.toString('latin1', 0, 3) !== 'ID3') return 0;
	const size = ((buf[6] & 0x7f) << 21) | ((buf[7] & 0x7f) << 14) | ((buf[8] & 0x7f) << 7) | (buf[9] & 0x7f);
	const footer = buf[5] & 0x10 ? 10 : 0;
	return 10 + size + footer;
}

function parseMp3(buf: Buffer): Mp3Layout {
	const tagEnd = id3Length(buf);
	let tag = buf.subarray(0, tagEnd);
	// A tag with a footer cannot simply be re-padded; such a tag is dropped rather than rewritten.
	if (tagEnd > 0 && buf[5] & 0x10) tag = Buffer.alloc(0);
	else tag = reusableTag(tag);
	const frames: Buffer[] = [];
	let offset = tagEnd;
	while (offset < buf.length) {
		const header = readFrameHeader(buf, offset);
		if (!header || offset + header.size > buf.length) break;
		const frame = buf.subarray(offset, offset + header.size);
		const marker = buf.toString('latin1', header.sideInfoEnd, header.sideInfoEnd + 4);
		const vbriMarker = buf.toString('latin1', offset + 36, offset + 40);
		if (!(frames.length === 0 && (marker === 'Xing' || marker === 'Info' || vbriMarker === 'VBRI'))) frames.push(frame);
		offset += header.size;
	}
	if (frames.length === 0) throw new Error('bundled MP3 has no audio frames');
	return { tag, frames };
}

/**
 * Cuts an ID3v2 tag back to its frames (padding is re-added per size) and drops TLEN, whose length in
 * milliseconds would be wrong for a stream of repeated frames and makes decoders stop early.
 */
function reusableTag(tag: Buffer): Buffer {
	if (tag.length === 0) return tag;
	const kept: Buffer[] = [tag.subarray(0, 10)];
	const v3orLater = tag[3] >= 3;
	const headerSize = v3orLater ? 10 : 6;
	let pos = 10;
	while (pos + headerSize <= tag.length && tag[pos] !== 0) {
		const frameSize = v3orLater
			? tag[3] === 4
				? ((tag[pos + 4] & 0x7f) << 21) | ((tag[pos + 5] & 0x7f) << 14) | ((tag[pos + 6] & 0x7f) << 7) | (tag[pos + 7] & 0x7f)
				: tag.readUInt32BE(pos + 4)
			: tag.readUIntBE(pos + 3, 3);
		const end = Math.min(pos + headerSize + frameSize, tag.length);
		const id = tag.toString('latin1', pos, pos + (v3orLater ? 4 : 3));
		if (id !== 'TLEN' && id !== 'TLE') kept.push(tag.subarray(pos, end));
		pos = end;
	}
	return Buffer.concat(kept);
}

function syncsafe(n: number): Buffer {
	return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

/** An ID3v2 tag whose padding makes it exactly `length` bytes long. */
function paddedTag(tag: Buffer, length: number): Buffer {
	const out = Buffer.alloc(length);
	if (tag.length > 0) tag.copy(out);
	else out.write('ID3\x03\x00\x00', 0, 'latin1');
	syncsafe(length - 10).copy(out, 6);
	return out;
}

const CHUNK_TARGET = 64 * 1024;

/**
 * An MP3 of exactly `size` bytes: an ID3v2 tag padded to absorb the remainder, then the bundled audio frames
 * repeated whole (the asset is encoded without a bit reservoir, so every frame decodes on its own).
 * Returned as chunks of at most ~64 KB produced on demand.
 */
export function* sizedMp3(assets: MediaAssets, size: number): Generator<Buffer> {
	const { tag, frames } = assets.layout;
	const minTag = Math.max(tag.length, 10);
	if (size < minTag + frames[0].length) {
		// Too small to hold a tag and one frame: the head of the real file is the closest honest answer.
		yield assets.mp3.subarray(0, size);
		return;
	}
	const cycle = Buffer.concat(frames);
	const audioBudget = size - minTag;
	const fullCycles = Math.floor(audioBudget / cycle.length);
	let rest = audioBudget - fullCycles * cycle.length;
	let tailFrames = 0;
	while (tailFrames < frames.length && frames[tailFrames].length <= rest) rest -= frames[tailFrames++].length;
	yield paddedTag(tag, minTag + rest);
	const cyclesPerChunk = Math.max(1, Math.floor(CHUNK_TARGET / cycle.length));
	const chunk = Buffer.concat(new Array<Buffer>(Math.min(cyclesPerChunk, Math.max(fullCycles, 1))).fill(cycle));
	const perChunk = chunk.length / cycle.length;
	let remaining = fullCycles;
	while (remaining >= perChunk) {
		yield chunk;
		remaining -= perChunk;
	}
	if (remaining > 0) yield chunk.subarray(0, remaining * cycle.length);
	if (tailFrames > 0) yield Buffer.concat(frames.slice(0, tailFrames));
}
