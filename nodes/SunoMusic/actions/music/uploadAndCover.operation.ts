import { customModeOptions, personaFields, songContentFields, varietyField } from '../../descriptions/fields';
import { musicCreateOperation, ONE_AUDIO } from '../../helpers/create';
import { checkPersona, checkSongContent } from '../../helpers/musicRules';

/** POST /api/v1/generate/upload-cover: a new version of an audio file (up to 8 minutes) in another style. */
export const { description, execute } = musicCreateOperation('uploadAndCover', '/api/v1/generate/upload-cover', {
	input: ONE_AUDIO,
	model: 'The Suno model to cover with; V6 models always use custom mode',
	face: songContentFields(),
	options: [...customModeOptions(), varietyField(), ...personaFields()],
	checks: [(ctx, i, read, model) => checkSongContent(ctx, i, read, model, true), checkPersona],
});
