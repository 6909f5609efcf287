import { extendFields, extendOptions } from '../../descriptions/fields';
import { musicCreateOperation, ONE_AUDIO } from '../../helpers/create';
import { checkExtendParameters, checkPersona } from '../../helpers/musicRules';

/** POST /api/v1/generate/upload-extend: continue an audio file of your own (up to 8 minutes). */
export const { description, execute } = musicCreateOperation('uploadAndExtend', '/api/v1/generate/upload-extend', {
	input: ONE_AUDIO,
	face: extendFields(true),
	options: extendOptions(),
	checks: [checkExtendParameters, checkPersona],
});
