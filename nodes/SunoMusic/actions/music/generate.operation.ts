import {
	customModeOptions,
	personaFields,
	simpleModeAttachments,
	songContentFields,
	varietyField,
} from '../../descriptions/fields';
import { musicCreateOperation } from '../../helpers/create';
import { checkPersona, checkSongContent } from '../../helpers/musicRules';

/** POST /api/v1/generate: two tracks from a description (simple mode) or from lyrics, style and title (custom). */
export const { description, execute } = musicCreateOperation('generate', '/api/v1/generate', {
	face: songContentFields(),
	options: [...customModeOptions(), varietyField(), ...personaFields(), ...simpleModeAttachments()],
	checks: [(ctx, i, read, model) => checkSongContent(ctx, i, read, model, false), checkPersona],
});
