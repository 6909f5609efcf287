import { itemRequestTimeoutMs, readWaitSettings } from '../../descriptions/common';
import { lyricsPromptField } from '../../descriptions/fields';
import { bodyFields, createDescription, type CreateLayout, type OperationExecute } from '../../descriptions/operation';
import { modelChoice, readBody } from '../../helpers/body';
import { pendingItem, sendCreate } from '../../helpers/create';
import { lyricsTaskResult } from '../../helpers/lyricsTask';
import { requireAll } from '../../helpers/musicRules';

const layout: CreateLayout = {
	resource: 'lyrics',
	operation: 'generateLyrics',
	face: [lyricsPromptField()],
	options: [],
};

export const description = createDescription(layout);

const fields = bodyFields(layout);

/** POST /api/v1/lyrics: lyrics only (usually two variants), one item per variant once done. */
export const execute: OperationExecute = async function (itemIndex, run) {
	const read = readBody(this, itemIndex, fields, modelChoice(undefined));
	requireAll(['prompt'], 'Generate Lyrics')(this, itemIndex, read);
	const timeoutMs = itemRequestTimeoutMs(this, itemIndex);
	const request = { resource: layout.resource, operation: layout.operation, path: '/api/v1/lyrics', body: read.body };
	const taskId = await sendCreate(this, run, itemIndex, request, timeoutMs);
	const wait = readWaitSettings(this, itemIndex);
	if (!wait) return [pendingItem(taskId, request, itemIndex)];
	return await lyricsTaskResult(this, run, itemIndex, { taskId, wait, timeoutMs });
};
