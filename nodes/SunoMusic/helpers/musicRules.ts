import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ModelChoice, ReadBody } from './body';
import { invalidItem, isEmpty, requireFilled } from './body';

/** Rules that span several fields, per suno-api.md §5; each refuses the item before any request. */

const MAX_V6_ATTACHMENTS = 10;

function listText(names: string[]): string {
	return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function labelsOf(read: ReadBody, keys: string[]): string {
	return listText(keys.map((key) => read.labels[key] ?? key));
}

/**
 * Generate and Upload and Cover. Before V6, custom mode needs style and title (and lyrics unless
 * instrumental) and simple mode a description. V6 custom mode needs one of style, lyrics or
 * negative tags; V6 simple mode one content field and at most 10 attachments; a V6 cover needs none.
 * A typed model ID is left to Suno.
 */
export function checkSongContent(
	ctx: IExecuteFunctions,
	itemIndex: number,
	read: ReadBody,
	model: ModelChoice,
	cover: boolean,
): void {
	if (!model.known) return;
	const { body } = read;
	const custom = body.customMode === true;
	if (model.limits.v6) {
		if (cover) return;
		if (custom) {
			requireFilled(
				ctx,
				itemIndex,
				read,
				['style', 'prompt', 'negativeTags'],
				'one',
				`Custom mode with model ${model.id}`,
			);
			return;
		}
		const attachments = ['prompt', 'lyrics', 'style', 'imageUrls', 'videoUrls', 'audioUrls'];
		requireFilled(ctx, itemIndex, read, attachments, 'one', `Simple mode with model ${model.id}`);
		const count = attachments
			.filter((key) => key !== 'prompt')
			.reduce(
				(sum, key) => sum + (Array.isArray(body[key]) ? (body[key] as unknown[]).length : isEmpty(body[key]) ? 0 : 1),
				0,
			);
		if (count > MAX_V6_ATTACHMENTS) {
			throw invalidItem(
				ctx,
				itemIndex,
				`simple mode has ${count} attachments (style, lyrics and reference URLs); model ${model.id} allows ${MAX_V6_ATTACHMENTS}`,
				'Send fewer reference URLs.',
			);
		}
		return;
	}
	const needed = custom ? ['style', 'title', ...(body.instrumental === true ? [] : ['prompt'])] : ['prompt'];
	const mode = custom ? 'custom mode' : 'simple mode';
	requireFilled(ctx, itemIndex, read, needed, 'all', `model ${model.id} requires ${labelsOf(read, needed)} in ${mode}`);
}

/** Extend and Upload and Extend with custom parameters need lyrics (unless instrumental), style and title. */
export function checkExtendParameters(ctx: IExecuteFunctions, itemIndex: number, read: ReadBody): void {
	const { body } = read;
	if (body.defaultParamFlag !== true) return;
	const needed = ['style', 'title', ...(body.instrumental === true ? [] : ['prompt'])];
	requireFilled(ctx, itemIndex, read, needed, 'all', `Use Custom Parameters requires ${labelsOf(read, needed)}`);
}

/** A Suno Voice works only with V5 and later; a persona model without a persona says nothing. */
export function checkPersona(ctx: IExecuteFunctions, itemIndex: number, read: ReadBody, model: ModelChoice): void {
	const { body } = read;
	if (!isEmpty(body.personaModel) && isEmpty(body.personaId)) {
		throw invalidItem(
			ctx,
			itemIndex,
			'Persona Model is set but Persona ID is empty',
			'Add Persona ID or remove Persona Model.',
		);
	}
	if (body.personaModel === 'voice_persona' && model.known && !model.limits.voicePersona) {
		throw invalidItem(
			ctx,
			itemIndex,
			`Persona Model Voice Persona works only with V5, V5.5 and V6 models, not ${model.id}`,
			'Pick a newer model or use a style persona.',
		);
	}
}

export interface InfillSource {
	model: ModelChoice;
	/** Seconds, when the source track is known and finished. */
	trackDuration?: number;
}

/**
 * Replace Section: a range of at least 10 s on V6 (6–60 s on older models, per the 2025 docs), and
 * at most half of the track when its length is known.
 */
export function checkInfillRange(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	source: InfillSource,
): void {
	const start = Number(body.infillStartS);
	const end = Number(body.infillEndS);
	if (!(end > start)) {
		throw invalidItem(ctx, itemIndex, `End (Seconds) is ${end}; it must be after Start (Seconds), ${start}`);
	}
	const length = Math.round((end - start) * 100) / 100;
	const { model, trackDuration } = source;
	const v6 = model.known && model.limits.v6;
	const min = v6 ? 10 : 6;
	const max = model.known && !v6 ? 60 : undefined;
	const modelText = model.known ? `model ${model.id}` : 'Suno';
	if (length < min) {
		throw invalidItem(ctx, itemIndex, `the section is ${length} s long; ${modelText} replaces at least ${min} s`);
	}
	if (max !== undefined && length > max) {
		throw invalidItem(ctx, itemIndex, `the section is ${length} s long; ${modelText} replaces at most ${max} s`);
	}
	if (trackDuration === undefined) return;
	if (end > trackDuration) {
		throw invalidItem(ctx, itemIndex, `End (Seconds) is ${end}; the track is only ${trackDuration} s long`);
	}
	if (length > trackDuration / 2) {
		throw invalidItem(
			ctx,
			itemIndex,
			`the section is ${length} s long; Suno replaces at most half of the track (${Math.round((trackDuration / 2) * 100) / 100} s of ${trackDuration} s)`,
		);
	}
}

/** A rule that the given fields are filled in, for operations whose API requires them. */
export function requireAll(keys: string[], operation: string) {
	return (ctx: IExecuteFunctions, itemIndex: number, read: ReadBody): void =>
		requireFilled(ctx, itemIndex, read, keys, 'all', `${operation} requires ${labelsOf(read, keys)}`);
}
