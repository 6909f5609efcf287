import { lyricsField, styleField, titleField } from '../../descriptions/fields';
import { layerOperation } from '../../helpers/create';

/** POST /api/v1/generate/add-vocals: vocals sung over an instrumental. */
export const { description, execute } = layerOperation(
	'addVocals',
	'/api/v1/generate/add-vocals',
	[lyricsField(), styleField(), titleField()],
	{ keys: ['prompt', 'style', 'title'], by: 'Add Vocals' },
);
