import { soundFields, soundOptions } from '../../descriptions/fields';
import { musicCreateOperation } from '../../helpers/create';
import { requireAll } from '../../helpers/musicRules';

/** POST /api/v1/generate/sounds: sound effects and loops. */
export const { description, execute } = musicCreateOperation('generateSounds', '/api/v1/generate/sounds', {
	face: soundFields(),
	options: soundOptions(),
	checks: [requireAll(['prompt'], 'Generate Sounds')],
});
