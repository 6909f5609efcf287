/* eslint-disable */
/**
 * The example workflows in examples/*.json, as the e2e tests and `npm run dev` import them: loaded
 * unchanged, then adapted by the small, named patches below (each says what it changes and why), so
 * what runs in n8n is the file a user imports plus visible edits.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { CredentialFixture, WorkflowFixture } from './n8n';
import { REPO_ROOT } from './n8n';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The examples, by role; file names under examples/. */
export const EXAMPLES = {
	generateAndSave: '1-generate-and-save-mp3s.json',
	detailsForTaskIds: '2-details-for-task-ids.json',
	asyncPattern: '3-async-generate-wait-details.json',
	callbackReceiver: '4a-callback-receiver.json',
	callbackSender: '4b-callback-sender.json',
} as const;

export type ExampleKey = keyof typeof EXAMPLES;

/** The credential name every example refers to (`credentials.sunoApi.name`); n8n resolves it by name on import. */
export const CREDENTIAL_NAME = 'Suno API account';

/** The package prefix of the node types in the examples (what a user who installed the package gets). */
export const EXAMPLE_TYPE_PREFIX = 'n8n-nodes-suno';

/** Workflow ids the examples get when imported by the tests and `npm run dev` (the files carry none). */
export const EXAMPLE_IDS: Record<ExampleKey, string> = {
	generateAndSave: 'sunoExample0001',
	detailsForTaskIds: 'sunoExample0002',
	asyncPattern: 'sunoExample0003',
	callbackReceiver: 'sunoExample004a',
	callbackSender: 'sunoExample004b',
};

/** examples/<file> parsed, with the given workflow id (a fresh copy on every call). */
export function loadExample(key: ExampleKey, id = EXAMPLE_IDS[key]): WorkflowFixture {
	const wf = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, EXAMPLES[key]), 'utf8')) as WorkflowFixture;
	return { ...wf, id };
}

export function node(wf: WorkflowFixture, name: string): Record<string, any> {
	const found = wf.nodes.find((n) => n.name === name);
	if (!found) throw new Error(`workflow "${wf.name}" has no node "${name}" (has: ${wf.nodes.map((n) => n.name).join(', ')})`);
	return found;
}

/** Shallow-merges `parameters` into a node's parameters. */
export function setParameters(wf: WorkflowFixture, nodeName: string, parameters: Record<string, unknown>): WorkflowFixture {
	const n = node(wf, nodeName);
	n.parameters = { ...n.parameters, ...parameters };
	return wf;
}

/** The Suno nodes (action and trigger) of a workflow. */
export function sunoNodes(wf: WorkflowFixture): Array<Record<string, any>> {
	return wf.nodes.filter((n) => /\.sunoMusic(Trigger)?$/.test(String(n.type)));
}

/**
 * Patch: the Wait Options of every Suno node that waits. The examples keep the defaults, right for
 * Suno (a create checks first after 30 s, then every 10 s, for up to 600 s); the simulator finishes
 * a song in well under a second, so: first check at once, every 0.1 s, for up to 60 s.
 */
export function fastPolling(wf: WorkflowFixture, waitOptions = { pollInterval: 0.1, maxWait: 60 }): WorkflowFixture {
	for (const n of sunoNodes(wf)) {
		if (n.parameters?.waitForCompletion !== true) continue;
		const isCreate = n.parameters.operation !== 'getGenerationDetails';
		n.parameters.waitOptions = { ...n.parameters.waitOptions, ...waitOptions, ...(isCreate ? { firstCheckAfter: 0 } : {}) };
	}
	return wf;
}

/**
 * Patch: node types for the way the package is installed. The examples use `n8n-nodes-suno.*`, the
 * types of an installed community package; in custom mode (N8N_CUSTOM_EXTENSIONS) n8n names them
 * `CUSTOM.*` instead, so they are rewritten. A no-op for the community install the e2e uses.
 */
export function withTypePrefix(wf: WorkflowFixture, prefix: string): WorkflowFixture {
	if (prefix === EXAMPLE_TYPE_PREFIX) return wf;
	for (const n of wf.nodes) {
		if (String(n.type).startsWith(`${EXAMPLE_TYPE_PREFIX}.`)) n.type = `${prefix}.${String(n.type).slice(EXAMPLE_TYPE_PREFIX.length + 1)}`;
	}
	return wf;
}

/** The Suno credential the examples refer to by name, pointing at `baseUrl` (the simulator or sunoapi.org). */
export function sunoCredential(opts: { id?: string; name?: string; apiKey: string; baseUrl: string; uploadBaseUrl?: string }): CredentialFixture {
	return {
		id: opts.id ?? 'sunoCredential01',
		name: opts.name ?? CREDENTIAL_NAME,
		type: 'sunoApi',
		data: {
			apiKey: opts.apiKey,
			baseUrl: opts.baseUrl,
			...(opts.uploadBaseUrl ? { uploadBaseUrl: opts.uploadBaseUrl } : {}),
		},
	};
}

/** The Production URL of a Suno Music Trigger node: `<n8n>/webhook/<webhookId>/callback?secret=…`. */
export function triggerCallbackUrl(n8nBaseUrl: string, receiver: WorkflowFixture, secret: string, triggerName = 'Suno Music Trigger'): string {
	const trigger = node(receiver, triggerName);
	return `${n8nBaseUrl.replace(/\/+$/, '')}/webhook/${String(trigger.webhookId)}/callback?secret=${encodeURIComponent(secret)}`;
}

/**
 * Patch: the two steps the callback examples ask the user to do by hand — a Secret in the receiver's
 * trigger, and the sender's Callback URL set to that trigger's Production URL with `?secret=` (here on
 * this n8n's loopback address, which the simulator can reach).
 */
export function connectCallbackExamples(receiver: WorkflowFixture, sender: WorkflowFixture, n8nBaseUrl: string, secret: string): string {
	setParameters(receiver, 'Suno Music Trigger', { secret });
	const url = triggerCallbackUrl(n8nBaseUrl, receiver, secret);
	const create = node(sender, 'Start generation');
	create.parameters.options = { ...create.parameters.options, callBackUrl: url };
	return url;
}
