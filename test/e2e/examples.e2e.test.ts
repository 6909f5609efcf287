/* eslint-disable */
/**
 * The example workflows (examples/*.json) run by a real n8n 2.41.1 that loaded this package from its
 * packed tarball as a community package (types n8n-nodes-suno.*), against the bundled Suno simulator.
 * Examples 1 and 2 run through the CLI (`n8n execute --id`), example 3 and the error paths through
 * the REST API the editor uses, the credential test through the editor's "Test" endpoint.
 *
 * Patches to the examples (all in beforeAll, all named in ./examples.ts): the credential they refer
 * to by name points at the simulator; Suno nodes poll every 0.1 s instead of 10 s; example 1 writes
 * into a temp folder; example 3's Wait node waits 1 s instead of 3 minutes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { startSimulator, type SunoSimulator } from '../../simulator';
import {
	CREDENTIAL_NAME,
	EXAMPLE_IDS,
	fastPolling,
	loadExample,
	node,
	setParameters,
	sunoCredential,
	withTypePrefix,
} from './examples';
import { describeRun, e2eLog, seconds } from './log';
import {
	executeWorkflow,
	loadEnv,
	nodeItems,
	nodeTypePrefix,
	startSession,
	type E2eSession,
	type NodeRunJson,
	type WorkflowFixture,
} from './n8n';

jest.setTimeout(300_000);

const GOOD = sunoCredential({ id: 'sunoCredGood001', apiKey: 'placeholder', baseUrl: 'http://127.0.0.1:1' });
const WRONG_KEY_NAME = 'Suno API (wrong key)';

/** Extra workflows built from example 2 for the error paths. */
const ERROR_OUTPUT_ID = 'sunoE2eErrors01';
const WRONG_KEY_ID = 'sunoE2eWrongKey1';
const WRONG_KEY_ERROR_OUTPUT_ID = 'sunoE2eWrongKey2';

let sim: SunoSimulator;
let session: E2eSession | undefined;
let tmp: string;
let outDir: string;
let prefix: string;

/** Example 2 with other task IDs (its Code node's list) and, optionally, On Error → error output. */
function detailsWorkflow(id: string, name: string, taskIds: string[], opts: { errorOutput?: boolean; credentialName?: string } = {}): WorkflowFixture {
	const wf = fastPolling(withTypePrefix(loadExample('detailsForTaskIds', id), prefix));
	wf.name = name;
	setParameters(wf, 'Task IDs', { jsCode: `return ${JSON.stringify(taskIds)}.map((taskId) => ({ json: { taskId } }));` });
	const suno = node(wf, 'Get generation details');
	if (opts.credentialName) suno.credentials = { sunoApi: { id: 'unknown-id', name: opts.credentialName } };
	if (opts.errorOutput) {
		suno.onError = 'continueErrorOutput';
		wf.nodes.push(
			{ id: 'e2e-tracks', name: 'Tracks', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [700, -100], parameters: {} },
			{ id: 'e2e-failed', name: 'Failed tasks', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [700, 100], parameters: {} },
		);
		wf.connections['Get generation details'] = {
			main: [[{ node: 'Tracks', type: 'main', index: 0 }], [{ node: 'Failed tasks', type: 'main', index: 0 }]],
		};
	}
	return wf;
}

type Item = { json: Record<string, any>; binary?: Record<string, any>; pairedItem?: unknown };

function items(runData: Record<string, NodeRunJson[]>, nodeName: string, output = 0): Item[] {
	return nodeItems(runData, nodeName, 0, output) as Item[];
}

beforeAll(async () => {
	sim = await startSimulator({ timeScale: 600, rateLimit: false, quiet: true });
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suno-e2e-'));
	outDir = path.join(tmp, 'mp3');
	fs.mkdirSync(outDir); // Read/Write Files from Disk writes into an existing folder only
	// n8n 2.x lets Read/Write Files from Disk touch only N8N_RESTRICT_FILE_ACCESS_TO (default ~/.n8n-files).
	const extra = { N8N_RESTRICT_FILE_ACCESS_TO: tmp };
	prefix = nodeTypePrefix(loadEnv({ extra }));

	const good = sunoCredential({ id: GOOD.id, apiKey: sim.apiKey, baseUrl: sim.baseUrl, uploadBaseUrl: sim.uploadBaseUrl });
	const wrong = sunoCredential({ id: 'sunoCredWrong01', name: WRONG_KEY_NAME, apiKey: 'not-the-key', baseUrl: sim.baseUrl });

	const example1 = fastPolling(withTypePrefix(loadExample('generateAndSave'), prefix));
	node(example1, 'Song idea').parameters.assignments.assignments.find((a: any) => a.name === 'folder').value = outDir;
	const example2 = fastPolling(withTypePrefix(loadExample('detailsForTaskIds'), prefix));
	const example3 = fastPolling(withTypePrefix(loadExample('asyncPattern'), prefix));
	setParameters(example3, 'Wait 3 minutes', { amount: 1, unit: 'seconds' });

	const workflows = [
		example1,
		example2,
		example3,
		detailsWorkflow(ERROR_OUTPUT_ID, 'e2e: a failed task on the error output', ['sim.success.ok-1', 'sim.audio-failed.x'], { errorOutput: true }),
		detailsWorkflow(WRONG_KEY_ID, 'e2e: wrong API key', ['sim.success.k-1'], { credentialName: WRONG_KEY_NAME }),
		detailsWorkflow(WRONG_KEY_ERROR_OUTPUT_ID, 'e2e: wrong API key, error output', ['sim.success.k-2', 'sim.success.k-3'], {
			credentialName: WRONG_KEY_NAME,
			errorOutput: true,
		}),
	];
	const t0 = Date.now();
	session = await startSession({ isolated: true, installPackage: true, credentials: [good, wrong], workflows, extra });
	e2eLog(`n8n ${session.env.E2E_N8N_VERSION} (examples suite): package installed as "${prefix}", 6 workflows + 2 credentials imported by the CLI, server ready on ${session.server.baseUrl} in ${seconds(Date.now() - t0)}`);
});

afterAll(async () => {
	await session?.stop();
	await sim?.close();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the package in real n8n', () => {
	it('is loaded from the packed tarball with its nodes, AI tool variant, icon and credential', async () => {
		const types = await session!.rest.nodeTypes();
		const ours = types.filter((t) => t.name.startsWith(`${prefix}.`));
		expect(ours.map((t) => t.name).sort()).toEqual([`${prefix}.sunoMusic`, `${prefix}.sunoMusicTool`, `${prefix}.sunoMusicTrigger`]);
		for (const t of ours) {
			const icon = JSON.stringify(t.iconUrl ?? t.icon);
			expect(icon).toMatch(/suno(\.dark)?\.svg/);
		}
		const iconUrl = (ours[0].iconUrl as { light: string }).light ?? ours[0].iconUrl;
		const icon = await session!.rest.http.get(`/${String(iconUrl)}`);
		expect(icon.status).toBe(200);
		expect(String(icon.headers['content-type'])).toMatch(/svg/);

		const creds = await session!.rest.credentialTypes();
		expect(creds.map((c) => c.name)).toContain('sunoApi');
		e2eLog(`node types: ${ours.map((t) => t.name).join(', ')}; credential type sunoApi; icon served from /${String(iconUrl)}`);
	});

	it('resolves the examples’ credential reference by name on import', async () => {
		const wf = await session!.rest.getWorkflow(EXAMPLE_IDS.detailsForTaskIds);
		const suno = (wf.nodes as any[]).find((n) => n.type === `${prefix}.sunoMusic`);
		expect(suno.credentials.sunoApi).toEqual({ id: GOOD.id, name: CREDENTIAL_NAME });
	});
});

describe('example workflows', () => {
	it('1 (CLI): generates, waits, downloads two MP3s and writes them to disk', async () => {
		const res = await executeWorkflow(EXAMPLE_IDS.generateAndSave, { env: session!.env });
		expect(res.error).toBeUndefined();
		expect(res.status).toBe('success');

		const tracks = items(res.runData, 'Generate and wait');
		expect(tracks).toHaveLength(2);
		const audio = sim.audioBytes();
		for (const [index, item] of tracks.entries()) {
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toMatchObject({ status: 'SUCCESS', trackIndex: index, trackCount: 2 });
			const bin = item.binary!.data;
			expect(bin).toMatchObject({ mimeType: 'audio/mpeg', fileExtension: 'mp3', fileName: `${item.json.title}-${item.json.audioId}.mp3` });
			if (bin.bytes !== undefined) expect(bin.bytes).toBe(audio.length);
		}
		const written = items(res.runData, 'Write MP3 to disk');
		expect(written).toHaveLength(2);

		const files = fs.readdirSync(outDir).sort();
		expect(files).toEqual(tracks.map((t) => t.binary!.data.fileName).sort());
		for (const f of files) expect(fs.readFileSync(path.join(outDir, f)).equals(audio)).toBe(true);
		e2eLog(
			`example 1 "${loadExample('generateAndSave').name}" via CLI (n8n execute --id): ${describeRun(res.runData)}; ` +
				`${files.length} MP3 files on disk, each ${audio.length} bytes = the simulator's MP3 (${seconds(res.ms)})`,
		);
	});

	it('2 (CLI): gets the tracks of two task IDs, one item per track, paired with its task', async () => {
		const res = await executeWorkflow(EXAMPLE_IDS.detailsForTaskIds, { env: session!.env });
		expect(res.error).toBeUndefined();
		const ids = items(res.runData, 'Task IDs').map((i) => i.json.taskId);
		expect(ids).toHaveLength(2);
		const tracks = items(res.runData, 'Get generation details');
		expect(tracks).toHaveLength(4);
		expect(tracks.map((t) => t.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		expect(tracks.map((t) => t.json.taskId)).toEqual([ids[0], ids[0], ids[1], ids[1]]);
		expect(tracks.map((t) => t.json.trackIndex)).toEqual([0, 1, 0, 1]);
		for (const t of tracks) expect(t.json).toMatchObject({ status: 'SUCCESS', audioReady: true, audioUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) });
		e2eLog(`example 2 "${loadExample('detailsForTaskIds').name}" via CLI (n8n execute --id): ${describeRun(res.runData)} (${seconds(res.ms)})`);
	});

	it('3 (REST): generate without waiting → Wait node → Get Generation Details (wait)', async () => {
		const t0 = Date.now();
		const ex = await session!.rest.runAndWait(EXAMPLE_IDS.asyncPattern);
		expect(ex.status).toBe('success');
		const runData = ex.data.resultData.runData as Record<string, NodeRunJson[]>;
		const pending = items(runData, 'Start generation');
		expect(pending).toHaveLength(1);
		expect(pending[0].json).toMatchObject({ status: 'PENDING', resource: 'music', operation: 'generate' });
		expect(items(runData, 'Wait 3 minutes')).toHaveLength(1);
		const tracks = items(runData, 'Get generation details');
		expect(tracks).toHaveLength(2);
		for (const t of tracks) {
			expect(t.pairedItem).toEqual({ item: 0 });
			expect(t.json).toMatchObject({ taskId: pending[0].json.taskId, status: 'SUCCESS' });
		}
		e2eLog(`example 3 "${loadExample('asyncPattern').name}" via REST (POST /rest/workflows/:id/run, execution ${ex.id}): ${describeRun(runData)} (${seconds(Date.now() - t0)})`);
	});
});

describe('errors in real n8n', () => {
	it('sends a failed task to the error output as {error}, paired with its input item (REST)', async () => {
		const ex = await session!.rest.runAndWait(ERROR_OUTPUT_ID);
		expect(ex.status).toBe('success');
		const runData = ex.data.resultData.runData as Record<string, NodeRunJson[]>;
		const ok = items(runData, 'Get generation details', 0);
		const failed = items(runData, 'Get generation details', 1);
		expect(ok).toHaveLength(2);
		for (const t of ok) expect(t.pairedItem).toEqual({ item: 0 });
		expect(failed).toHaveLength(1);
		// The node emits exactly { error }; n8n's error output adds the paired input item's fields.
		expect(failed[0].json).toEqual({ taskId: 'sim.audio-failed.x', error: expect.stringMatching(/sim\.audio-failed\.x.*GENERATE_AUDIO_FAILED/s) });
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		expect(items(runData, 'Failed tasks')).toHaveLength(1);
		e2eLog(`error output via REST (execution ${ex.id}): ${describeRun(runData)}; error item: ${JSON.stringify(failed[0].json).slice(0, 160)}`);
	});

	it('stops with "Suno did not accept the API key" for a wrong key (CLI)', async () => {
		const res = await executeWorkflow(WRONG_KEY_ID, { env: session!.env });
		expect(res.status).toBe('error');
		expect(res.error?.message).toMatch(/Suno did not accept the API key/);
		e2eLog(`wrong key via CLI: status ${res.status}, "${res.error?.message}" (${seconds(res.ms)})`);
	});

	it('routes a wrong key to the error output when asked to continue (REST)', async () => {
		const ex = await session!.rest.runAndWait(WRONG_KEY_ERROR_OUTPUT_ID);
		const runData = ex.data.resultData.runData as Record<string, NodeRunJson[]>;
		const failed = items(runData, 'Get generation details', 1);
		expect(items(runData, 'Get generation details', 0)).toHaveLength(0);
		expect(failed).toHaveLength(2);
		expect(failed.map((f) => f.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const f of failed) expect(f.json.error).toMatch(/Suno did not accept the API key/);
		e2eLog(`wrong key via REST with error output (execution ${ex.id}, ${ex.status}): ${describeRun(runData)}`);
	});

	it('credential test: the good key passes, a wrong key fails with the credential’s message (REST)', async () => {
		const ok = await session!.rest.testCredential({ id: GOOD.id });
		expect(ok.status).toBe('OK');
		const stored = await session!.rest.getCredential(GOOD.id, true);
		const bad = await session!.rest.testCredential({ id: GOOD.id, type: 'sunoApi', name: stored.name, data: { ...stored.data, apiKey: 'a-wrong-key' } });
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/Suno did not accept this API key/);
		e2eLog(`credential test via REST: good key → ${ok.status} "${ok.message}"; wrong key → ${bad.status} "${bad.message}"`);
	});
});
