import {
	itemRequestTimeoutMs,
	lyricsWaitOptionsProperty,
	readWaitSettings,
	requestTimeoutOption,
	waitForCompletionOff,
} from '../../descriptions/common';
import { faceProperty, idField, optionsCollection } from '../../descriptions/fields';
import { operationDescription, type OperationExecute } from '../../descriptions/operation';
import { lyricsTaskResult } from '../../helpers/lyricsTask';
import { requireTaskId } from '../../helpers/musicTask';

export const description = operationDescription('lyrics', 'getLyricsDetails', [
	faceProperty(
		idField('taskId', 'Task ID', 'The taskId returned by Generate Lyrics', 'e.g. a35d6710b5e21873b4f5960c7f32f491'),
	),
	waitForCompletionOff,
	lyricsWaitOptionsProperty,
	optionsCollection([], [requestTimeoutOption]),
]);

/** GET /api/v1/lyrics/record-info: a lyrics task, one item per lyric variant, optionally waiting. */
export const execute: OperationExecute = async function (itemIndex, run) {
	return await lyricsTaskResult(this, run, itemIndex, {
		taskId: requireTaskId(this, itemIndex),
		wait: readWaitSettings(this, itemIndex),
		timeoutMs: itemRequestTimeoutMs(this, itemIndex),
	});
};
