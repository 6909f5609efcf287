import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSimulator } from '../../../simulator';
import type { RecordedRequest, SunoSimulator } from '../../../simulator';
import { runSunoNode, type EngineResult, type OnError } from '../../harness/engine';
import { startedForFile } from '../../harness/started';

/** A default 150-simulated-second task takes 25 ms; polls every 50 ms. */
export const TIME_SCALE = 6000;

export async function startSim(): Promise<SunoSimulator> {
	return await startSimulator({ timeScale: TIME_SCALE, rateLimit: false, quiet: true });
}

/**
 * One simulator for a test file, started before its tests, reset before each and closed after;
 * the returned object stands for it once started.
 */
export function useSimulator(): SunoSimulator {
	return startedForFile(
		startSim,
		async (started) => await started.close(),
		(started) => started.reset(),
	);
}

/** Parameters for one operation: resource, operation, fast waiting and `defaults`, then the test's own. */
export function parametersFor(resource: string, operation: string, defaults: INodeParameters = {}) {
	return (parameters: INodeParameters = {}): INodeParameters => ({
		resource,
		operation,
		waitOptions: FAST_WAIT,
		...defaults,
		...parameters,
	});
}

export function credentialsOf(sim: SunoSimulator) {
	return { apiKey: sim.apiKey, baseUrl: sim.baseUrl, uploadBaseUrl: sim.uploadBaseUrl };
}

/** Wait options that keep a test fast: first check at once, poll every 50 ms, give up after 20 s. */
export const FAST_WAIT = { firstCheckAfter: 0, pollInterval: 0.05, maxWait: 20 };

export interface RunArgs {
	parameters: INodeParameters;
	items?: IDataObject[];
	onError?: OnError;
}

export async function run(sim: SunoSimulator, args: RunArgs): Promise<EngineResult> {
	return await runSunoNode({ ...args, credentials: credentialsOf(sim) });
}

/** Create requests (POSTs to the API server) seen on `path`. */
export function postsTo(sim: SunoSimulator, path: string): RecordedRequest[] {
	return sim.requests.filter((r) => r.server === 'api' && r.method === 'POST' && r.path === path);
}

/** Every POST to a /api/v1 create endpoint (record-info and uploads are not creates). */
export function createRequests(sim: SunoSimulator): RecordedRequest[] {
	return sim.requests.filter(
		(r) =>
			r.server === 'api' && r.method === 'POST' && r.path.startsWith('/api/v1/') && !r.path.includes('timestamped'),
	);
}

export function cdnRequests(sim: SunoSimulator): RecordedRequest[] {
	return sim.requests.filter((r) => r.server === 'cdn');
}

/** The bytes of a binary field as stored inline by the harness. */
export function bytesOf(item: INodeExecutionData, property = 'data'): Buffer {
	const binary = item.binary?.[property];
	if (!binary) throw new Error(`item has no binary field "${property}"`);
	return Buffer.from(binary.data, 'base64');
}

/** The error message of a run that stopped the workflow. */
export function errorOf(result: EngineResult): string {
	return result.error?.message ?? '';
}
