import type { IExecuteFunctions } from 'n8n-workflow';

import { itemRequestTimeoutMs } from '../../descriptions/common';
import {
	audioSourceProperties,
	lyricsField,
	negativeTagsField,
	personaFields,
	SECTION_OF_FILE,
	sectionContentFields,
	sectionFields,
	sectionSourceProperty,
	tuningFields,
	varietyField,
} from '../../descriptions/fields';
import { modelProperties } from '../../descriptions/models';
import { bodyFields, createDescription, type CreateLayout, type OperationExecute } from '../../descriptions/operation';
import { invalidItem, modelChoice, readBody, readModel, type ModelChoice } from '../../helpers/body';
import { createMusicTask, ONE_AUDIO } from '../../helpers/create';
import { checkInfillRange, checkPersona, requireAll } from '../../helpers/musicRules';
import { readMusicTask, requireTaskId } from '../../helpers/musicTask';
import type { RunContext } from '../../helpers/run';

const ofFile = { sourceMode: [SECTION_OF_FILE] };

const layout: CreateLayout = {
	resource: 'music',
	operation: 'replaceSection',
	face: [
		sectionSourceProperty(),
		...sectionFields(),
		...audioSourceProperties(ofFile),
		...modelProperties('The Suno model to use for your file', ofFile),
		...sectionContentFields(),
	],
	options: [
		lyricsField({ option: true }, 'lyrics'),
		negativeTagsField({ option: true }),
		...tuningFields(undefined, false),
		varietyField(),
		...personaFields(),
	],
};

export const description = createDescription(layout);

const fields = bodyFields(layout);

interface SectionSource {
	model: ModelChoice;
	trackDuration?: number;
}

/**
 * For a generated track the task is read first (a free read, not a create) so the range can be
 * held to half of the track and to its model's minimum before any credit is spent.
 */
async function sourceOfTrack(
	ctx: IExecuteFunctions,
	run: RunContext,
	itemIndex: number,
	timeoutMs: number,
): Promise<SectionSource> {
	const taskId = requireTaskId(ctx, itemIndex);
	const audioId = String(ctx.getNodeParameter('audioId', itemIndex, '') ?? '').trim();
	if (!audioId) throw invalidItem(ctx, itemIndex, 'Audio ID is empty', 'Map the audioId of the track to change.');
	const { task } = await readMusicTask(run, taskId, { timeoutMs });
	const track = task.tracks.find((candidate) => candidate.audioId === audioId);
	if (!track) {
		throw invalidItem(
			ctx,
			itemIndex,
			`task ${taskId} has no track with Audio ID ${audioId}`,
			'Copy the audioId from the same task.',
		);
	}
	const param = typeof task.param === 'object' && task.param !== null ? task.param : {};
	return {
		model: modelChoice(typeof param.model === 'string' ? param.model : undefined),
		trackDuration: track.audioReady && track.duration !== null ? track.duration : undefined,
	};
}

/** POST /api/v1/generate/replace-section: regenerate a time range of a track or of an audio file. */
export const execute: OperationExecute = async function (itemIndex, run) {
	const timeoutMs = itemRequestTimeoutMs(this, itemIndex);
	const ofAFile = this.getNodeParameter('sourceMode', itemIndex, '') === SECTION_OF_FILE;
	const source = ofAFile ? { model: readModel(this, itemIndex) } : await sourceOfTrack(this, run, itemIndex, timeoutMs);
	const read = readBody(this, itemIndex, fields, source.model);
	requireAll(['prompt', 'tags', 'title'], 'Replace Section')(this, itemIndex, read);
	checkInfillRange(this, itemIndex, read.body, source);
	checkPersona(this, itemIndex, read, source.model);
	const input = ofAFile
		? {
				...(await ONE_AUDIO.resolve(this, run, itemIndex, timeoutMs)),
				model: source.model.id,
			}
		: {};
	return await createMusicTask(this, run, itemIndex, {
		resource: 'music',
		operation: layout.operation,
		path: '/api/v1/generate/replace-section',
		body: { ...read.body, ...input },
	});
};
