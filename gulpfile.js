const { src, dest, series } = require('gulp');

// tsc only emits JavaScript; n8n also needs the icons and the codex files next to the compiled nodes.
function copyIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:assets'] = series(copyIcons, copyCodex);
