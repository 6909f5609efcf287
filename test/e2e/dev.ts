/* eslint-disable */
/**
 * Interactive n8n with the package installed (for `npm run dev`): keeps the user folder between runs,
 * sets up the owner once, prints the URL and login, and stops n8n (and its task runner) on Ctrl-C.
 *
 *   npm run build && bash scripts/e2e/prepare-n8n.sh && bash scripts/e2e/install-package.sh \
 *     && npx ts-node --transpile-only -P tsconfig.test.json test/e2e/dev.ts [--fresh] [--port=5678]
 */
import { DEFAULT_OWNER, N8nRestClient, loadEnv, startN8n } from './n8n';

async function main() {
	const fresh = process.argv.includes('--fresh');
	const portArg = process.argv.find((a) => a.startsWith('--port='));
	const env = loadEnv({ fresh, port: portArg ? Number(portArg.slice(7)) : undefined, logLevel: 'info' });
	const server = await startN8n({ env, inheritOutput: true, timeoutMs: 180000 });
	const rest = new N8nRestClient(server.baseUrl);
	await rest.ensureOwnerAndLogin();
	const custom = (await rest.nodeTypes()).filter((t) => t.name.startsWith('CUSTOM.')).map((t) => t.name);
	console.log(`\nn8n ${env.E2E_N8N_VERSION} ready in ${(server.readyMs / 1000).toFixed(1)} s: ${server.baseUrl}`);
	console.log(`  login: ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`);
	console.log(`  package folder: ${env.N8N_CUSTOM_EXTENSIONS}`);
	console.log(`  custom node types: ${custom.join(', ') || '(none: run scripts/e2e/install-package.sh)'}`);
	console.log('  Ctrl-C to stop.\n');
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await server.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.child.on('exit', (code) => {
		if (!stopping) {
			console.error(`n8n exited with code ${code}`);
			process.exit(code ?? 1);
		}
	});
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
