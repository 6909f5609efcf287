import { extendFields, extendOptions, idField } from '../../descriptions/fields';
import { musicCreateOperation } from '../../helpers/create';
import { checkExtendParameters, checkPersona } from '../../helpers/musicRules';

const audioId = idField(
	'audioId',
	'Audio ID',
	'The audioId of the generated track to continue',
	'e.g. 8f2e0c1a-5b7d-4c3e-9a10-2b6f4e8d1c37',
);

/** POST /api/v1/generate/extend: continue a generated track. */
export const { description, execute } = musicCreateOperation('extend', '/api/v1/generate/extend', {
	model: 'Must be the model of the source track',
	face: [audioId, ...extendFields(false)],
	options: extendOptions(),
	checks: [checkExtendParameters, checkPersona],
});
