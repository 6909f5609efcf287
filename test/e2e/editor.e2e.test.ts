/* eslint-disable */
/**
 * The editor in headless Debian Chromium against a real n8n 2.41.1 with the package installed as a
 * community package: the node panel finds the Suno nodes (with their icon) and lists the operations,
 * and the pattern examples open on the canvas. Screenshots are kept under artifacts/e2e/; with
 * E2E_UPDATE_DOCS_IMAGES=1 they are also copied to docs/images/ for the README.
 */
import * as fs from 'fs';
import * as path from 'path';

import { EXAMPLE_IDS, connectCallbackExamples, loadExample, sunoCredential, withTypePrefix, type ExampleKey } from './examples';
import { ARTIFACTS_DIR, e2eLog, seconds } from './log';
import { REPO_ROOT, loadEnv, nodeTypePrefix, startSession, type E2eSession, type WorkflowFixture } from './n8n';
import { screenshotNodeSearch, screenshotWorkflow } from './screenshot';

jest.setTimeout(300_000);

const DOCS_IMAGES = path.join(REPO_ROOT, 'docs', 'images');

/** A workflow with only a Manual Trigger: its "+" handle opens the node panel for a next step. */
const PANEL_WORKFLOW: WorkflowFixture = {
	id: 'sunoE2ePanel0001',
	name: 'My workflow',
	nodes: [
		{ id: 'e2e-manual', name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	],
	connections: {},
};

let session: E2eSession | undefined;

/** Checks a screenshot; one the README shows (`inReadme`) is copied to docs/images/ when E2E_UPDATE_DOCS_IMAGES=1. */
function keep(file: string, inReadme = true): void {
	const size = fs.statSync(file).size;
	expect(size).toBeGreaterThan(10_000); // a real picture, not a blank page
	if (inReadme && process.env.E2E_UPDATE_DOCS_IMAGES === '1') {
		fs.mkdirSync(DOCS_IMAGES, { recursive: true });
		fs.copyFileSync(file, path.join(DOCS_IMAGES, path.basename(file)));
	}
}

beforeAll(async () => {
	const prefix = nodeTypePrefix(loadEnv());
	const [asyncPattern, receiver, sender] = (['asyncPattern', 'callbackReceiver', 'callbackSender'] as ExampleKey[]).map((k) =>
		withTypePrefix(loadExample(k), prefix),
	);
	// Shown as a user has them once set up: a Secret in the trigger (no "parameter issue" mark) and
	// its URL in the sender.
	connectCallbackExamples(receiver, sender, 'http://127.0.0.1:5678', 'editor-screenshot-secret-0001');
	const workflows = [PANEL_WORKFLOW, asyncPattern, receiver, sender];
	// Never contacted: the editor only needs the credential the examples name to exist.
	const credential = sunoCredential({ apiKey: 'editor-test', baseUrl: 'http://127.0.0.1:9' });
	session = await startSession({ isolated: true, installPackage: true, credentials: [credential], workflows });
});

afterAll(async () => {
	await session?.stop();
});

describe('the n8n editor (headless Chromium)', () => {
	it('finds "Suno" in the node panel: the node with its icon and its operations', async () => {
		const outFile = path.join(ARTIFACTS_DIR, 'node-panel-suno.png');
		const actionsFile = path.join(ARTIFACTS_DIR, 'node-panel-suno-actions.png');
		const shot = await screenshotNodeSearch({
			baseUrl: session!.server.baseUrl,
			cookies: session!.rest.browserCookies(),
			workflowId: PANEL_WORKFLOW.id,
			search: 'Suno',
			outFile,
			openNode: 'Suno Music',
			actionsFile,
			width: 1280,
			height: 800,
		});
		// n8n merges an app's action node and trigger node into one entry, named after the action node.
		const suno = shot.itemDetails.filter((i) => /suno/i.test(i.name));
		expect(suno.map((i) => i.name)).toEqual(['Suno Music']);
		expect(suno[0].icon).toMatch(/\/icons\/n8n-nodes-suno\/.*suno(\.dark)?\.svg$/);
		// Clicking it lists the action node's operations (the `action` labels) and the trigger.
		expect(shot.actions).toEqual(
			expect.arrayContaining(['Generate music', 'Get generation details', 'Extend a track', 'Generate lyrics', 'Get remaining credits']),
		);
		keep(outFile);
		keep(actionsFile);
		e2eLog(
			`node panel, search "Suno" (${seconds(shot.ms)}): ${suno.map((i) => `${i.name} [icon ${i.icon}]`).join(', ')}; ` +
				`Suno Music actions: ${shot.actions!.join(', ')}; screenshots ${path.relative(REPO_ROOT, outFile)}, ${path.relative(REPO_ROOT, actionsFile)}`,
		);
	});

	it('finds "Suno" among the triggers of a new workflow: the Suno Music Trigger', async () => {
		const outFile = path.join(ARTIFACTS_DIR, 'node-panel-suno-trigger.png');
		const shot = await screenshotNodeSearch({ baseUrl: session!.server.baseUrl, cookies: session!.rest.browserCookies(), search: 'Suno', outFile, width: 1280, height: 800 });
		// The trigger panel names an app's trigger after the app: "Suno Music", with the trigger's description.
		const [first] = shot.itemDetails;
		expect(first.name).toBe('Suno Music');
		expect(first.description).toMatch(/the trigger starts a workflow when Suno calls back/);
		expect(first.icon).toMatch(/\/icons\/n8n-nodes-suno\/.*suno(\.dark)?\.svg$/);
		keep(outFile, false);
		e2eLog(`trigger panel of a new workflow, search "Suno" (${seconds(shot.ms)}): ${first.name} — "${first.description}"; screenshot ${path.relative(REPO_ROOT, outFile)}`);
	});

	it.each([
		['async pattern', 'asyncPattern', 'pattern-async.png'],
		['callback receiver', 'callbackReceiver', 'pattern-callback-receiver.png'],
		['callback sender', 'callbackSender', 'pattern-callback-sender.png'],
	] as Array<[string, ExampleKey, string]>)('opens the %s example on the canvas', async (_label, key, file) => {
		const outFile = path.join(ARTIFACTS_DIR, file);
		const t0 = Date.now();
		await screenshotWorkflow({
			baseUrl: session!.server.baseUrl,
			cookies: session!.rest.browserCookies(),
			workflowId: EXAMPLE_IDS[key],
			outFile,
			width: 1280,
			height: 800,
		});
		keep(outFile);
		e2eLog(`canvas of example "${loadExample(key).name}": ${path.relative(REPO_ROOT, outFile)} (${seconds(Date.now() - t0)})`);
	});
});
