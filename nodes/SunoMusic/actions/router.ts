import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CancelledError } from '../helpers/pause';
import { createRunContext, type RunContext } from '../helpers/run';
import { SunoRequestError, toNodeApiError } from '../transport';
import * as account from './account/Account.resource';
import * as lyrics from './lyrics/Lyrics.resource';
import * as music from './music/Music.resource';

type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunContext,
) => Promise<INodeExecutionData[]>;

const operations: Record<string, Record<string, { execute: OperationExecute }>> = {
	account: { getCredits: account.getCredits },
	lyrics: {
		generateLyrics: lyrics.generateLyrics,
		getLyricsDetails: lyrics.getLyricsDetails,
		getTimestampedLyrics: lyrics.getTimestampedLyrics,
	},
	music: {
		addInstrumental: music.addInstrumental,
		addVocals: music.addVocals,
		extend: music.extend,
		generate: music.generate,
		generateSounds: music.generateSounds,
		getGenerationDetails: music.getGenerationDetails,
		mashup: music.mashup,
		replaceSection: music.replaceSection,
		uploadAndCover: music.uploadAndCover,
		uploadAndExtend: music.uploadAndExtend,
	},
};

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof SunoRequestError) return toNodeApiError(ctx.getNode(), error, itemIndex);
	if (error instanceof NodeApiError || error instanceof NodeOperationError || error instanceof CancelledError) {
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * Items run concurrently so that their waits overlap; the output keeps input order. The first
 * item that fails the node stops every other wait of the execution.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const run = createRunContext(this);
	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		try {
			return await handler.execute.call(this, itemIndex, run);
		} catch (error) {
			const nodeError = asNodeError(this, error, itemIndex);
			if (this.continueOnFail() && !(nodeError instanceof CancelledError)) {
				return [{ json: { error: nodeError.message }, pairedItem: { item: itemIndex } }];
			}
			run.stop();
			throw nodeError;
		}
	};
	try {
		const perItem = await Promise.all(items.map(async (_item, itemIndex) => await runItem(itemIndex)));
		return [perItem.flat()];
	} finally {
		run.stop();
	}
}
