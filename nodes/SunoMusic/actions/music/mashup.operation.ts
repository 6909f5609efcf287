import type { IDataObject } from 'n8n-workflow';

import {
	audioSourceProperties,
	durationField,
	lyricsField,
	personaFields,
	styleField,
	titleField,
	tuningFields,
	varietyField,
} from '../../descriptions/fields';
import { checkAudioSource, sourceUrl } from '../../helpers/binary';
import { invalidItem } from '../../helpers/body';
import { musicCreateOperation, type AudioInput } from '../../helpers/create';
import { checkPersona } from '../../helpers/musicRules';

const MASHUP_SOURCES = 2;

/** Both sources are checked before either is uploaded; they go out as uploadUrlList. */
const resolve: AudioInput['resolve'] = async (ctx, run, itemIndex, timeoutMs) => {
	const collection = ctx.getNodeParameter('sources', itemIndex, {}) as IDataObject;
	const entries = (collection.source ?? []) as IDataObject[];
	if (entries.length !== MASHUP_SOURCES) {
		throw invalidItem(
			ctx,
			itemIndex,
			`Mashup needs exactly ${MASHUP_SOURCES} sources; ${entries.length} ${entries.length === 1 ? 'was' : 'were'} given`,
			'Add or remove entries under Sources until there are two.',
		);
	}
	const sources = entries.map((entry, index) => checkAudioSource(ctx, itemIndex, entry, `Source ${index + 1}`));
	const uploadUrlList: string[] = [];
	for (const source of sources) uploadUrlList.push(await sourceUrl(ctx, run, itemIndex, source, timeoutMs));
	return { uploadUrlList };
};

const TWO_AUDIO: AudioInput = {
	properties: [
		{
			displayName: 'Sources',
			name: 'sources',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Source',
			default: {},
			description: 'Exactly two audio files to mash up, each a URL or a binary field of the input item',
			options: [
				{
					displayName: 'Source',
					name: 'source',
					values: audioSourceProperties(),
				},
			],
		},
	],
	resolve,
};

/** POST /api/v1/generate/mashup: one song blended from exactly two audio files. */
export const { description, execute } = musicCreateOperation('mashup', '/api/v1/generate/mashup', {
	input: TWO_AUDIO,
	face: [],
	options: [
		lyricsField({ option: true }),
		styleField({ option: true }),
		titleField({ option: true }),
		...tuningFields(),
		varietyField(),
		durationField(),
		...personaFields(),
	],
	checks: [checkPersona],
});
