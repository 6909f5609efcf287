/* eslint-disable */
/**
 * The e2e log: one line per thing real n8n did (which example, run how, what came out), appended to
 * artifacts/e2e/e2e.log and echoed on stderr as it happens. scripts/e2e/test.sh prints the file
 * again after jest, as the step's summary.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { NodeRunJson } from './n8n';
import { REPO_ROOT } from './n8n';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'artifacts', 'e2e');
export const E2E_LOG = process.env.E2E_LOG_FILE ?? path.join(ARTIFACTS_DIR, 'e2e.log');

export function e2eLog(line: string): void {
	fs.mkdirSync(path.dirname(E2E_LOG), { recursive: true });
	fs.appendFileSync(E2E_LOG, `${line}\n`);
	process.stderr.write(`[e2e] ${line}\n`);
}

type Item = { json: Record<string, any>; binary?: Record<string, any>; pairedItem?: unknown };

/** "Node → 2 items (main), 1 item (error output)" for every node of a run, in run order. */
export function describeRun(runData: Record<string, NodeRunJson[]>): string {
	const parts: string[] = [];
	for (const [name, runs] of Object.entries(runData)) {
		const outputs = (runs[runs.length - 1]?.data?.main ?? []) as Array<Item[] | null>;
		const counts = outputs.map((items) => items?.length ?? 0);
		const withBinary = outputs.flatMap((items) => items ?? []).filter((i) => i.binary && Object.keys(i.binary).length > 0).length;
		const label =
			counts.length > 1 ? counts.map((c, i) => `${c} on ${i === 0 ? 'main' : `output ${i}`}`).join(' + ') : `${counts[0] ?? 0} item${counts[0] === 1 ? '' : 's'}`;
		parts.push(`${name}: ${label}${withBinary ? ` (${withBinary} with binary)` : ''}`);
	}
	return parts.join('; ');
}

export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}
