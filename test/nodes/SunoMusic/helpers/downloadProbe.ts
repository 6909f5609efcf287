import * as http from 'http';
import type { AddressInfo } from 'net';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { downloadFile, fileStem } from '../../../../nodes/SunoMusic/helpers/binary';
import { runSunoNode, TestItems } from '../../../harness/engine';

/** Runs the binary helper's download inside the real engine: url and maxBytes come from parameters. */
export class DownloadProbe implements INodeType {
	description: INodeTypeDescription = {
		...new TestItems().description,
		displayName: 'Download Probe',
		name: 'downloadProbe',
		group: ['transform'],
		inputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Max Bytes', name: 'maxBytes', type: 'number', default: 1_000_000 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const file = await downloadFile(this, 0, {
			url: this.getNodeParameter('url', 0) as string,
			what: 'audio of track t1 (task k1)',
			fileStem: fileStem('Song / Title: "Live"', 'abc-123'),
			fallbackMimeType: 'audio/mpeg',
			maxBytes: this.getNodeParameter('maxBytes', 0) as number,
			timeoutMs: 5000,
		});
		return [[{ json: {}, binary: { data: file }, pairedItem: { item: 0 } }]];
	}
}

export const CHUNK = Buffer.alloc(64 * 1024, 7);
/** /chunked.mp3 sends this many chunks. */
export const CHUNKS = 8;
/** /endless.mp3: 64 MB, far more than socket buffers hold, so stopping early shows in what was sent. */
export const ENDLESS_CHUNKS = 1024;

/**
 * A file host on 127.0.0.1: /chunked.mp3 and /endless.mp3 stream without a content-length,
 * /declared.mp3 declares 50 MB, /song.m4a is a small audio/mp4, anything else is 404.
 */
export class FileHost {
	readonly seen: Array<{ path: string; headers: http.IncomingHttpHeaders }> = [];
	chunksSent = 0;
	base = '';
	private readonly server = http.createServer((req, res) => this.handle(req, res));

	async start(): Promise<this> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	get host(): string {
		return new URL(this.base).host;
	}

	reset(): void {
		this.seen.length = 0;
		this.chunksSent = 0;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
		this.seen.push({ path: req.url ?? '', headers: req.headers });
		if (req.url === '/chunked.mp3' || req.url === '/endless.mp3') {
			res.writeHead(200, { 'content-type': 'audio/mpeg' });
			const total = req.url === '/chunked.mp3' ? CHUNKS : ENDLESS_CHUNKS;
			let sent = 0;
			const next = () => {
				if (sent === total || res.destroyed) return void res.end();
				sent++;
				this.chunksSent = sent;
				if (res.write(CHUNK)) setImmediate(next);
				else res.once('drain', next);
			};
			next();
			return;
		}
		if (req.url === '/declared.mp3') {
			res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(50 * 1024 * 1024) });
			res.write(CHUNK);
			return;
		}
		if (req.url === '/song.m4a') {
			res.writeHead(200, { 'content-type': 'audio/mp4; charset=binary' });
			res.end(Buffer.from('m4a-bytes'));
			return;
		}
		res.writeHead(404, { 'content-type': 'text/plain' });
		res.end('gone');
	}
}

export async function probe(url: string, maxBytes = 1_000_000) {
	return await runSunoNode({
		nodeType: new DownloadProbe(),
		parameters: { url, maxBytes },
		credentials: { apiKey: 'secret-key', baseUrl: 'http://127.0.0.1:1' },
	});
}
