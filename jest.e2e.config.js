/**
 * End-to-end tests against a real n8n (scripts/e2e/test.sh, `npm run test:e2e`): the unit config's
 * transform, but only test/e2e/**, one file at a time (each starts its own n8n) and long timeouts.
 * No setup-env: n8n gets its environment from scripts/e2e/env.sh.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
	...base,
	setupFiles: [],
	// Only test/e2e is crawled (not dist/ or the 3 GB n8n install in .cache/); imports outside it still resolve.
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 300000,
	maxWorkers: 1,
	verbose: true,
};
