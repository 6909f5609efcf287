/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * `npm run dev`: a real n8n 2.41.1 with this package installed from its packed tarball (as the
 * Community Nodes panel installs it), the Suno credential and the example workflows imported, and
 * the editor on http://127.0.0.1:5678. Suno is the bundled simulator on 127.0.0.1:4010/4011, or
 * sunoapi.org when SUNO_API_KEY is set (SUNO_BASE_URL overrides the host). Ctrl-C stops everything.
 *
 *   npm run dev                 # keeps the n8n user folder (.cache/dev/home) between runs
 *   npm run dev -- --fresh      # starts from an empty one (examples re-imported)
 *   npm run dev -- --port=5679
 *
 * package.json runs `npm run build` and scripts/e2e/prepare-n8n.sh first.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { startSimulator, type SunoSimulator } from '../simulator';
import {
	CREDENTIAL_NAME,
	EXAMPLE_IDS,
	EXAMPLES,
	connectCallbackExamples,
	loadExample,
	node,
	sunoCredential,
	type ExampleKey,
} from '../test/e2e/examples';
import {
	DEFAULT_OWNER,
	N8nRestClient,
	REPO_ROOT,
	importCredentials,
	importWorkflow,
	installPackage,
	loadEnv,
	nodeTypePrefix,
	startN8n,
	type N8nServer,
	type WorkflowFixture,
} from '../test/e2e/n8n';

const DEV_DIR = path.join(REPO_ROOT, '.cache', 'dev');
/** Where example 1 writes its MP3s; n8n may only touch files under it (N8N_RESTRICT_FILE_ACCESS_TO). */
const FILES_DIR = path.join(DEV_DIR, 'files');

interface Target {
	apiKey: string;
	baseUrl: string;
	uploadBaseUrl?: string;
	sim?: SunoSimulator;
	label: string;
}

async function chooseTarget(): Promise<Target> {
	const apiKey = process.env.SUNO_API_KEY;
	if (apiKey) {
		const baseUrl = process.env.SUNO_BASE_URL ?? 'https://api.sunoapi.org';
		return { apiKey, baseUrl, label: `${baseUrl} (SUNO_API_KEY is set: real tasks, real credits)` };
	}
	const timeScale = process.env.SIM_TIME_SCALE ? Number(process.env.SIM_TIME_SCALE) : undefined;
	const sim = await startSimulator({ port: 4010, cdnPort: 4011, timeScale, quiet: true });
	return {
		apiKey: sim.apiKey,
		baseUrl: sim.baseUrl,
		uploadBaseUrl: sim.uploadBaseUrl,
		sim,
		label: `the bundled simulator at ${sim.baseUrl} (key ${sim.apiKey}; a song takes ${(150 / sim.timeScale).toFixed(2)} s)`,
	};
}

/**
 * The examples as imported here: example 1 writes into FILES_DIR; on the simulator the callback pair
 * is connected (a generated secret, the sender's Callback URL on this n8n) and the receiver published.
 * Against sunoapi.org the callback pair stays as shipped: Suno cannot reach 127.0.0.1.
 */
function devExamples(target: Target, n8nBaseUrl: string): { workflows: WorkflowFixture[]; publish: string[] } {
	const workflows = (Object.keys(EXAMPLES) as ExampleKey[]).map((key) => loadExample(key));
	const byId = (key: ExampleKey) => workflows.find((w) => w.id === EXAMPLE_IDS[key])!;
	const idea = node(byId('generateAndSave'), 'Song idea');
	idea.parameters.assignments.assignments.find((a: { name: string }) => a.name === 'folder').value = FILES_DIR;
	if (!target.sim) return { workflows, publish: [] };
	connectCallbackExamples(byId('callbackReceiver'), byId('callbackSender'), n8nBaseUrl, randomBytes(16).toString('hex'));
	return { workflows, publish: [EXAMPLE_IDS.callbackReceiver] };
}

async function main() {
	const fresh = process.argv.includes('--fresh');
	const portArg = process.argv.find((a) => a.startsWith('--port='));
	const port = portArg ? Number(portArg.slice('--port='.length)) : 5678;
	const homeDir = path.join(DEV_DIR, 'home');
	const firstRun = fresh || !fs.existsSync(path.join(homeDir, '.n8n', 'database.sqlite'));
	fs.mkdirSync(FILES_DIR, { recursive: true });

	const env = loadEnv({ fresh, port, homeDir, logLevel: 'info', extra: { N8N_RESTRICT_FILE_ACCESS_TO: FILES_DIR } });
	const logFile = path.join(homeDir, `n8n-${port}.log`);
	console.log(installPackage(env));
	const target = await chooseTarget();
	let server: N8nServer | undefined;
	let stopping = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		await server?.stop();
		await target.sim?.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	try {
		const credential = sunoCredential({ id: 'sunoDevCredential', apiKey: target.apiKey, baseUrl: target.baseUrl, uploadBaseUrl: target.uploadBaseUrl });
		await importCredentials(credential, { env });
		const examples = devExamples(target, `http://127.0.0.1:${port}`);
		// Imported once per user folder, so edits to them survive a restart (--fresh imports them again).
		if (firstRun) await importWorkflow(examples.workflows, { env });

		console.log(`Starting n8n ${env.E2E_N8N_VERSION} (log: ${logFile}) …`);
		server = await startN8n({ env, logFile, timeoutMs: 180000 });
		server.child.on('exit', (code) => {
			if (!stopping) {
				console.error(`n8n exited with code ${code}; see ${logFile}`);
				void stop(code ?? 1);
			}
		});
		const rest = new N8nRestClient(server.baseUrl);
		await rest.ensureOwnerAndLogin();
		for (const id of examples.publish) await rest.activateWorkflow(id);

		const prefix = nodeTypePrefix(env);
		const ours = (await rest.nodeTypes()).filter((t) => t.name.startsWith(`${prefix}.`)).map((t) => t.name);
		console.log(`\nn8n ${env.E2E_N8N_VERSION} is ready in ${(server.readyMs / 1000).toFixed(1)} s: ${server.baseUrl}`);
		console.log(`  login:       ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`);
		console.log(`  node types:  ${ours.join(', ') || '(none: the package did not load, see the log above)'}`);
		console.log(`  credential:  "${CREDENTIAL_NAME}" → ${target.label}`);
		console.log(`  MP3s of example 1 go to ${FILES_DIR}`);
		console.log(`  n8n log:     ${logFile}`);
		console.log(`  examples${firstRun ? '' : ' (kept from an earlier run; --fresh imports them again)'}:`);
		for (const key of Object.keys(EXAMPLES) as ExampleKey[]) {
			const published = examples.publish.includes(EXAMPLE_IDS[key]) ? ' (published)' : '';
			console.log(`    ${server.baseUrl}/workflow/${EXAMPLE_IDS[key]}  ${EXAMPLES[key]}${published}`);
		}
		if (!target.sim) console.log('  The callback examples need a Secret and a public n8n URL before they work with sunoapi.org.');
		console.log('  Ctrl-C stops n8n' + (target.sim ? ' and the simulator.' : '.') + '\n');
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		await stop(1);
	}
}

void main();
