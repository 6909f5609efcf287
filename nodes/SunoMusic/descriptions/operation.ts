import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	downloadProperties,
	lyricsWaitOptionsProperty,
	requestTimeoutOption,
	waitForCompletionOn,
	createWaitOptionsProperty,
} from './common';
import type { RunContext } from '../helpers/run';
import type { Field } from './fields';
import { callBackUrlField, faceProperty, optionsCollection } from './fields';

/** What every operation exports beside its description: one item in, its output items out. */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunContext,
) => Promise<INodeExecutionData[]>;

/** What a create operation shows and sends: face entries in order, and the fields of its Options. */
export interface CreateLayout {
	resource: 'music' | 'lyrics';
	operation: string;
	/** Fields, or plain properties that are not body fields (audio sources, models). */
	face: Array<Field | INodeProperties>;
	options: Field[];
}

/** The properties of an operation, shown only when it is selected. */
export function operationDescription(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);
}

/** Every create sends a callBackUrl, so every create offers one. */
export function bodyFields(layout: CreateLayout): Field[] {
	const onFace = layout.face.filter((entry): entry is Field => 'property' in entry);
	return [...onFace, ...layout.options, callBackUrlField()];
}

/** Face, waiting (and, for music, downloads), then the Options collection. */
export function createDescription(layout: CreateLayout): INodeProperties[] {
	const music = layout.resource === 'music';
	return operationDescription(layout.resource, layout.operation, [
		...layout.face.map(faceProperty),
		waitForCompletionOn,
		music ? createWaitOptionsProperty : lyricsWaitOptionsProperty,
		...(music ? downloadProperties(true) : []),
		optionsCollection([...layout.options, callBackUrlField()], [requestTimeoutOption]),
	]);
}
