import { styleField, titleField } from '../../descriptions/fields';
import { layerOperation } from '../../helpers/create';

/** POST /api/v1/generate/add-instrumental: a backing track for a vocal recording. */
export const { description, execute } = layerOperation(
	'addInstrumental',
	'/api/v1/generate/add-instrumental',
	[titleField(), styleField({}, 'tags')],
	{ keys: ['title', 'tags'], by: 'Add Instrumental' },
);
