/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * The main job on a fresh machine: a workflow "Items → Suno Music: Get Generation Details (wait)"
 * run by n8n-core's real engine, using the built package in dist/. Without SUNO_API_KEY it runs
 * against the bundled Suno simulator; with SUNO_API_KEY and SUNO_TASK_ID it asks the real API.
 */
import '../test/setup-env';

import type { INodeType } from 'n8n-workflow';

import { startSimulator } from '../simulator';
import { runSunoNode, type SunoCredentialData } from '../test/harness/engine';

// The built package, as a user installs it, not the TypeScript sources.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SunoMusic } = require('../index.js') as { SunoMusic: new () => INodeType };

interface Target {
	credentials: SunoCredentialData;
	taskId: string;
	pollInterval: number;
	close: () => Promise<void>;
	label: string;
}

async function chooseTarget(): Promise<Target> {
	const apiKey = process.env.SUNO_API_KEY;
	if (apiKey) {
		const taskId = process.env.SUNO_TASK_ID;
		if (!taskId) throw new Error('SUNO_API_KEY is set: also set SUNO_TASK_ID to the task to fetch.');
		const baseUrl = process.env.SUNO_BASE_URL ?? 'https://api.sunoapi.org';
		return { credentials: { apiKey, baseUrl }, taskId, pollInterval: 10, close: async () => {}, label: baseUrl };
	}
	// 60 simulated seconds per real second: a 150 s song takes 2.5 s, so the polling is visible.
	const sim = await startSimulator({ timeScale: 60, quiet: true });
	const taskId = sim.createTask({ durationS: 150, params: { prompt: 'A calm piano piece for a rainy morning', model: 'V6' } });
	return {
		credentials: { apiKey: sim.apiKey, baseUrl: sim.baseUrl },
		taskId,
		pollInterval: 0.5,
		close: async () => await sim.close(),
		label: `the bundled simulator at ${sim.baseUrl} (no SUNO_API_KEY set)`,
	};
}

function row(cells: unknown[], widths: number[]): string {
	return cells.map((cell, index) => String(cell ?? '').padEnd(widths[index]).slice(0, widths[index])).join('  ');
}

async function main() {
	const target = await chooseTarget();
	console.log(`Suno Music demo: Get Generation Details (Wait for Completion) on ${target.label}`);
	console.log(`Task ${target.taskId}: polling every ${target.pollInterval} s until every track is complete...`);
	const started = Date.now();
	try {
		const result = await runSunoNode({
			nodeType: new SunoMusic(),
			credentials: target.credentials,
			parameters: {
				resource: 'music',
				operation: 'getGenerationDetails',
				taskId: target.taskId,
				waitForCompletion: true,
				waitOptions: { pollInterval: target.pollInterval, maxWait: 900 },
			},
		});
		if (result.error) {
			console.error(`The node stopped: ${result.error.message}`);
			process.exitCode = 1;
			return;
		}
		const widths = [5, 36, 24, 8, 13, 72];
		console.log(`\n${row(['track', 'audioId', 'title', 'seconds', 'status', 'audioUrl'], widths)}`);
		for (const { json } of result.output) {
			console.log(row([json.trackIndex, json.audioId, json.title, json.duration, json.status, json.audioUrl], widths));
		}
		console.log(`\n${result.output.length} item(s), one per track, in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
	} finally {
		await target.close();
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
