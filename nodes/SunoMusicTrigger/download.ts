import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readDownloadSettings, readRequestTimeoutMs, type DownloadSettings } from '../SunoMusic/descriptions/common';
import { attachTrackFiles, downloadFile, fileStem } from '../SunoMusic/helpers/binary';

/** Kinds whose items are tracks with an audioUrl, as the action node's binary helper expects. */
const TRACK_KINDS = new Set(['music', 'recovery']);

async function withFiles(
	ctx: IExecuteFunctions,
	item: INodeExecutionData,
	itemIndex: number,
	settings: DownloadSettings,
): Promise<INodeExecutionData> {
	const json = item.json;
	if (TRACK_KINDS.has(String(json.kind))) {
		const [attached] = await attachTrackFiles(ctx, itemIndex, [item], settings);
		return attached;
	}
	if (json.kind === 'wav' && typeof json.audioWavUrl === 'string') {
		const wav = await downloadFile(ctx, itemIndex, {
			url: json.audioWavUrl,
			what: `WAV of task ${String(json.taskId)}`,
			fileStem: fileStem('suno-wav', json.taskId),
			fallbackMimeType: 'audio/wav',
			maxBytes: settings.maxBytes,
			timeoutMs: settings.timeoutMs,
		});
		return { ...item, json: { ...json, audioDownloaded: true }, binary: { [settings.audioProperty]: wav } };
	}
	return item;
}

/**
 * Runs in the workflow execution, after Suno has had its answer: the webhook only parses and
 * emits, so a slow or large download can never delay the 200 past Suno's 15 s timeout.
 */
export async function deliverItems(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const item: INodeExecutionData = { json: items[itemIndex].json, pairedItem: { item: itemIndex } };
		try {
			const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const settings = readDownloadSettings(ctx, itemIndex, readRequestTimeoutMs(options));
			output.push(settings ? await withFiles(ctx, item, itemIndex, settings) : item);
		} catch (error) {
			const failure =
				error instanceof NodeOperationError ? error : new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			if (!ctx.continueOnFail()) throw failure;
			output.push({ json: { error: failure.message }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
