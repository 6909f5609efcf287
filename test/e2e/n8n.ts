/* eslint-disable */
/**
 * Driver for a real n8n 2.41.1 installed by scripts/e2e/prepare-n8n.sh.
 *
 * - The environment (Node 24 on PATH, isolated N8N_USER_FOLDER, where the package is installed, loopback-only
 *   listen address, quiet flags) comes from scripts/e2e/env.sh, so the shell scripts and this module
 *   share one definition. See `loadEnv()`.
 * - CLI: `importCredentials`, `importWorkflow`, `executeWorkflow`, `publishWorkflowCli`.
 * - Server: `startN8n()` spawns `n8n start` and waits for /healthz/readiness; `N8nServer.stop()`.
 * - REST: `N8nRestClient` (axios + a small cookie jar): owner setup, login, node types, manual run,
 *   executions (flatted), activation (publish) of trigger/webhook workflows, credential test.
 *
 * Prerequisites: `bash scripts/e2e/prepare-n8n.sh` and `bash scripts/e2e/install-package.sh`.
 * Runs under any Node >= 20 (n8n itself runs under the Node 24 that env.sh puts on PATH).
 */
import { spawn, execFileSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
// flatted's typings are ESM-only ("type": "module"), which `module: node16` refuses to import from
// CommonJS; require() keeps this file compiling under both commonjs/node and node16 settings.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: flattedParse } = require('flatted') as { parse: (text: string) => any };

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const E2E_SCRIPTS = path.join(REPO_ROOT, 'scripts', 'e2e');

/* ------------------------------------------------------------------------------------------ */
/* Environment                                                                                 */
/* ------------------------------------------------------------------------------------------ */

export interface EnvOptions {
	/** Main HTTP port (default 5678). The task-runner broker gets port + 1. */
	port?: number;
	/** Delete the n8n user folder first (empty DB, no owner, nothing imported). */
	fresh?: boolean;
	/** Override the user folder (default <repo>/.cache/e2e/home). */
	homeDir?: string;
	/** Override the extensions folder (default <repo>/.cache/e2e/extensions; custom mode only). */
	extDir?: string;
	/**
	 * How the package is installed and so which node types it gets (default `community`, see
	 * scripts/e2e/env.sh): `community` = <user folder>/.n8n/nodes/node_modules, types
	 * `<package>.<node>`; `custom` = N8N_CUSTOM_EXTENSIONS, types `CUSTOM.<node>`.
	 */
	packageMode?: 'community' | 'custom';
	/** Task-runner broker port (default port + 1). */
	brokerPort?: number;
	/** N8N_LOG_LEVEL for the processes started with this env (default warn). */
	logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
	/** Extra variables, applied last. */
	extra?: Record<string, string>;
}

export type N8nEnv = Record<string, string>;

/**
 * The process environment for n8n, obtained by sourcing scripts/e2e/env.sh in bash.
 * `fresh: true` wipes the user folder (do it once per suite, before the first CLI call / start).
 */
export function loadEnv(opts: EnvOptions = {}): N8nEnv {
	const pre: Record<string, string> = {};
	// Inherit the environment minus anything that would reconfigure n8n behind env.sh's back
	// (jest setup files may set N8N_* for in-process tests; NODE_OPTIONS from test runners).
	for (const [k, v] of Object.entries(process.env)) {
		if (v === undefined || /^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|NODE_OPTIONS$|NODE_ENV$)/.test(k)) continue;
		pre[k] = v;
	}
	if (opts.port) pre.E2E_N8N_PORT = String(opts.port);
	if (opts.brokerPort) pre.E2E_BROKER_PORT = String(opts.brokerPort);
	if (opts.homeDir) pre.E2E_HOME_DIR = opts.homeDir;
	if (opts.extDir) pre.E2E_EXT_DIR = opts.extDir;
	if (opts.packageMode) pre.E2E_PACKAGE_MODE = opts.packageMode;
	if (opts.logLevel) pre.E2E_LOG_LEVEL = opts.logLevel;
	delete pre.E2E_FRESH;
	const script = `source "${path.join(E2E_SCRIPTS, 'env.sh')}" ${opts.fresh ? '--fresh' : ''} >/dev/null && env -0`;
	const out = execFileSync('bash', ['-c', script], { env: pre, encoding: 'utf8', maxBuffer: 16 << 20 });
	const env: N8nEnv = {};
	for (const entry of out.split('\0')) {
		const i = entry.indexOf('=');
		if (i > 0) env[entry.slice(0, i)] = entry.slice(i + 1);
	}
	Object.assign(env, opts.extra ?? {});
	if (!fs.existsSync(env.E2E_N8N_BIN)) {
		throw new Error(`n8n is not installed at ${env.E2E_N8N_BIN}: run "bash scripts/e2e/prepare-n8n.sh" first`);
	}
	return env;
}

let defaultEnv: N8nEnv | undefined;
function envOrDefault(env?: N8nEnv): N8nEnv {
	if (env) return env;
	if (!defaultEnv) defaultEnv = loadEnv();
	return defaultEnv;
}

export function baseUrlOf(env?: N8nEnv): string {
	return `http://127.0.0.1:${envOrDefault(env).N8N_PORT}`;
}

/** The package name of the repository (the prefix of its node types in community mode). */
export function packageName(packageDir = REPO_ROOT): string {
	return (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { name: string }).name;
}

/** `n8n-nodes-suno` (community mode, as users get it) or `CUSTOM` (N8N_CUSTOM_EXTENSIONS): `${prefix}.sunoMusic`. */
export function nodeTypePrefix(env?: N8nEnv, packageDir = REPO_ROOT): string {
	return envOrDefault(env).E2E_PACKAGE_MODE === 'custom' ? 'CUSTOM' : packageName(packageDir);
}

/**
 * scripts/e2e/install-package.sh with this env: `npm pack` of the built package, unpacked where the
 * env's E2E_PACKAGE_MODE says. In community mode this is inside the user folder, so call it after
 * `loadEnv({ fresh: true })` (which empties that folder) and before n8n starts.
 */
export function installPackage(env?: N8nEnv, packageDir = REPO_ROOT): string {
	const e = envOrDefault(env);
	return execFileSync('bash', [path.join(E2E_SCRIPTS, 'install-package.sh'), packageDir], {
		env: { ...process.env, E2E_HOME_DIR: e.E2E_HOME_DIR, E2E_EXT_DIR: e.E2E_EXT_DIR, E2E_PACKAGE_MODE: e.E2E_PACKAGE_MODE, E2E_FRESH: '0' },
		encoding: 'utf8',
	}).trim();
}

/** A TCP port on 127.0.0.1 that is free right now. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const port = (srv.address() as net.AddressInfo).port;
			srv.close(() => resolve(port));
		});
	});
}

async function portInUse(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const sock = net.connect({ host: '127.0.0.1', port });
		sock.once('connect', () => {
			sock.destroy();
			resolve(true);
		});
		sock.once('error', () => resolve(false));
	});
}

const sleep = async (ms: number) => await new Promise((r) => setTimeout(r, ms));

/* ------------------------------------------------------------------------------------------ */
/* CLI                                                                                         */
/* ------------------------------------------------------------------------------------------ */

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
}

export interface CliOptions {
	env?: N8nEnv;
	timeoutMs?: number;
	logLevel?: EnvOptions['logLevel'];
}

/** Runs `n8n <args>` with the e2e environment. Never throws on a non-zero exit code. */
export async function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
	const env: N8nEnv = { ...envOrDefault(opts.env) };
	if (opts.logLevel) env.N8N_LOG_LEVEL = opts.logLevel;
	// `execute` starts its own task broker; give it a port that cannot clash with a running server.
	env.N8N_RUNNERS_BROKER_PORT = String(await freePort());
	const t0 = Date.now();
	return await new Promise((resolve, reject) => {
		const child = spawn(env.E2E_N8N_BIN, args, { env, cwd: env.N8N_USER_FOLDER, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		let stdout = '';
		let stderr = '';
		child.stdout!.on('data', (d) => (stdout += d));
		child.stderr!.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			killGroup(child, 'SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} timed out after ${opts.timeoutMs ?? 120000} ms\n${stdout}\n${stderr}`));
		}, opts.timeoutMs ?? 120000);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, ms: Date.now() - t0 });
		});
	});
}

function writeTempJson(name: string, data: unknown, env: N8nEnv): string {
	const dir = path.join(env.N8N_USER_FOLDER, 'import');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${name}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.json`);
	fs.writeFileSync(file, JSON.stringify(data, null, 2));
	return file;
}

/** A credential as `n8n import:credentials` takes it: `data` in plain text, encrypted on import. */
export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** Minimal workflow shape accepted by `n8n import:workflow` (an exported workflow JSON). */
export interface WorkflowFixture {
	id: string;
	name: string;
	nodes: Array<Record<string, any>>;
	connections: Record<string, any>;
	active?: boolean;
	settings?: Record<string, unknown>;
	pinData?: Record<string, unknown>;
	[key: string]: unknown;
}

async function importFile(kind: 'credentials' | 'workflow', data: unknown[], opts: CliOptions): Promise<CliResult> {
	const env = envOrDefault(opts.env);
	const file = writeTempJson(kind, data, env);
	try {
		const res = await runCli([`import:${kind}`, `--input=${file}`], opts);
		if (res.code !== 0) {
			throw new Error(`n8n import:${kind} failed (exit ${res.code})\n${res.stdout}\n${res.stderr}`);
		}
		return res;
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** `n8n import:credentials`; ids must be unique (re-importing the same id updates it). */
export async function importCredentials(creds: CredentialFixture | CredentialFixture[], opts: CliOptions = {}): Promise<CliResult> {
	return await importFile('credentials', Array.isArray(creds) ? creds : [creds], opts);
}

/**
 * `n8n import:workflow`. Node types of the package under test are `<package>.<nodeName>` when it is
 * installed as a community package, `CUSTOM.<nodeName>` in custom mode (see `nodeTypePrefix`). Imported workflows are inactive; see `publishWorkflowCli` /
 * `N8nRestClient.activateWorkflow`.
 */
export async function importWorkflow(wf: WorkflowFixture | WorkflowFixture[], opts: CliOptions = {}): Promise<CliResult> {
	const list = (Array.isArray(wf) ? wf : [wf]).map((w) => ({ active: false, settings: { executionOrder: 'v1' }, ...w }));
	return await importFile('workflow', list, opts);
}

/** The `IRun` JSON that `n8n execute` prints (shape of n8n-workflow's IRun, serialised). */
export interface RunJson {
	data: {
		resultData: {
			runData: Record<string, Array<NodeRunJson>>;
			lastNodeExecuted?: string;
			error?: { message: string; description?: string; name?: string; [k: string]: unknown };
		};
		[k: string]: unknown;
	};
	mode: string;
	status: string;
	finished?: boolean;
	startedAt?: string;
	stoppedAt?: string;
	[k: string]: unknown;
}

export interface NodeRunJson {
	executionStatus?: string;
	executionTime?: number;
	error?: { message: string; description?: string; [k: string]: unknown };
	data?: { main?: Array<Array<{ json: Record<string, any>; binary?: Record<string, any>; pairedItem?: unknown }> | null> };
	[k: string]: unknown;
}

export interface ExecuteResult extends CliResult {
	/** 'success' | 'error' | ... from the printed run; 'unknown' when nothing could be parsed. */
	status: string;
	/** Parsed IRun JSON (also printed on failure), or undefined if n8n printed none. */
	run?: RunJson;
	runData: Record<string, Array<NodeRunJson>>;
	error?: RunJson['data']['resultData']['error'];
}

/** Extracts the (last) pretty-printed top-level JSON object from CLI output. */
export function extractJson(text: string): any | undefined {
	const lines = text.split(/\r?\n/);
	const starts: number[] = [];
	const ends: number[] = [];
	lines.forEach((l, i) => {
		if (l === '{') starts.push(i);
		if (l === '}') ends.push(i);
	});
	for (let s = starts.length - 1; s >= 0; s--) {
		for (let e = ends.length - 1; e >= 0; e--) {
			if (ends[e] < starts[s]) break;
			try {
				return JSON.parse(lines.slice(starts[s], ends[e] + 1).join('\n'));
			} catch {
				/* try a shorter block */
			}
		}
	}
	return undefined;
}

/**
 * `n8n execute --id=<id> --rawOutput`. The workflow must start with a Manual Trigger
 * (`n8n-nodes-base.manualTrigger`). n8n prints the run through its logger at level info, so this
 * runs the CLI with N8N_LOG_LEVEL=info and parses the JSON out of stdout. Failed runs are returned
 * (status 'error', `error` set), not thrown.
 */
export async function executeWorkflow(id: string, opts: CliOptions = {}): Promise<ExecuteResult> {
	const res = await runCli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs: 300000, ...opts, logLevel: 'info' });
	const run = extractJson(res.stdout) as RunJson | undefined;
	const runData = run?.data?.resultData?.runData ?? {};
	return {
		...res,
		run,
		runData,
		status: run?.status ?? (res.code === 0 ? 'unknown' : 'error'),
		error: run?.data?.resultData?.error,
	};
}

/**
 * `n8n publish:workflow --id=<id>` (2.x replacement of `update:workflow --active`). Only takes effect
 * when n8n (re)starts, so run it before `startN8n()`; on a running server use
 * `N8nRestClient.activateWorkflow`.
 */
export async function publishWorkflowCli(id: string, opts: CliOptions = {}): Promise<CliResult> {
	const res = await runCli(['publish:workflow', `--id=${id}`], { ...opts, logLevel: 'info' });
	if (res.code !== 0 || /GOT ERROR|Error updating database/.test(res.stdout + res.stderr)) {
		throw new Error(`n8n publish:workflow failed (exit ${res.code})\n${res.stdout}\n${res.stderr}`);
	}
	return res;
}

/** Items (json) a node produced: run `runIndex`, output `output` (default first run, first output). */
export function nodeItems(runData: Record<string, Array<NodeRunJson>>, nodeName: string, runIndex = 0, output = 0) {
	const run = runData[nodeName]?.[runIndex];
	if (!run) throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ')})`);
	return run.data?.main?.[output] ?? [];
}

/* ------------------------------------------------------------------------------------------ */
/* Server                                                                                      */
/* ------------------------------------------------------------------------------------------ */

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

export interface StartOptions {
	env?: N8nEnv;
	/** Readiness timeout (default 120 s). */
	timeoutMs?: number;
	/** Where to append n8n's stdout/stderr (default <user folder>/n8n-<port>.log). */
	logFile?: string;
	/** Echo n8n's output to this process's stdout/stderr too. */
	inheritOutput?: boolean;
}

export class N8nServer {
	readonly startedAt = Date.now();
	readyMs = 0;
	private exited: Promise<number | null>;
	private tail: string[] = [];

	constructor(
		readonly child: ChildProcess,
		readonly env: N8nEnv,
		readonly logFile: string,
	) {
		this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
		const log = fs.createWriteStream(logFile, { flags: 'a' });
		const onData = (d: Buffer) => {
			log.write(d);
			for (const line of d.toString().split('\n')) if (line) this.tail.push(line);
			if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200);
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.on('exit', () => log.end());
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.env.N8N_PORT}`;
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	/** Last lines n8n printed (for error messages). */
	recentOutput(): string {
		return this.tail.join('\n');
	}

	isRunning(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	async waitReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (!this.isRunning()) {
				throw new Error(`n8n exited (code ${this.child.exitCode}) before it was ready:\n${this.recentOutput()}`);
			}
			try {
				const r = await axios.get(`${this.baseUrl}/healthz/readiness`, { timeout: 2000, validateStatus: () => true });
				if (r.status === 200) {
					this.readyMs = Date.now() - this.startedAt;
					return;
				}
			} catch {
				/* not listening yet */
			}
			await sleep(250);
		}
		throw new Error(`n8n not ready after ${timeoutMs} ms:\n${this.recentOutput()}`);
	}

	/** SIGTERM to the whole process group (n8n + task runner), SIGKILL after `graceMs`. */
	async stop(graceMs = 15000): Promise<void> {
		if (!this.isRunning()) return;
		killGroup(this.child, 'SIGTERM');
		const t = setTimeout(() => killGroup(this.child, 'SIGKILL'), graceMs);
		await this.exited;
		clearTimeout(t);
		// the task runner child shares the group; make sure nothing is left behind
		killGroup(this.child, 'SIGKILL');
	}
}

/**
 * Starts `n8n start` (own process group) and resolves once /healthz/readiness answers 200.
 * Fails fast if the port is taken (e.g. a leftover n8n).
 */
export async function startN8n(opts: StartOptions = {}): Promise<N8nServer> {
	const env = envOrDefault(opts.env);
	const port = Number(env.N8N_PORT);
	for (const p of [port, Number(env.N8N_RUNNERS_BROKER_PORT)]) {
		if (await portInUse(p)) throw new Error(`port ${p} on 127.0.0.1 is already in use (another n8n still running?)`);
	}
	const logFile = opts.logFile ?? path.join(env.N8N_USER_FOLDER, `n8n-${port}.log`);
	const child = spawn(env.E2E_N8N_BIN, ['start'], {
		env,
		cwd: env.N8N_USER_FOLDER,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	if (opts.inheritOutput) {
		child.stdout!.pipe(process.stdout);
		child.stderr!.pipe(process.stderr);
	}
	const server = new N8nServer(child, env, logFile);
	try {
		await server.waitReady(opts.timeoutMs ?? 120000);
	} catch (e) {
		await server.stop(3000);
		throw e;
	}
	return server;
}

/* ------------------------------------------------------------------------------------------ */
/* REST                                                                                        */
/* ------------------------------------------------------------------------------------------ */

export interface OwnerInfo {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** Default owner; the password satisfies n8n's rules (8+ chars, a number, an uppercase letter). */
export const DEFAULT_OWNER: OwnerInfo = {
	email: 'owner@e2e.test',
	password: 'E2e-Passw0rd!',
	firstName: 'E2E',
	lastName: 'Owner',
};

export interface ExecutionSummary {
	id: string;
	status: string;
	finished: boolean;
	mode: string;
	workflowId: string;
	startedAt?: string;
	stoppedAt?: string;
	[k: string]: unknown;
}

export interface Execution extends ExecutionSummary {
	/** `flatted.parse(response.data.data)`: IRunExecutionData (resultData.runData, resultData.error). */
	data: RunJson['data'];
}

export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
	[k: string]: unknown;
}

export class RestError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: unknown,
	) {
		super(message);
	}
}

/**
 * REST client for the internal API the editor uses (`/rest/...`), with a cookie jar for the
 * `n8n-auth` cookie. Every method throws `RestError` on a non-2xx status and returns the unwrapped
 * `data` field of n8n's `{ data: ... }` envelope.
 */
export class N8nRestClient {
	readonly http: AxiosInstance;
	private cookies = new Map<string, string>();
	constructor(readonly baseUrl: string = baseUrlOf()) {
		this.http = axios.create({ baseURL: baseUrl, timeout: 60000, validateStatus: () => true, maxRedirects: 0 });
		this.http.interceptors.request.use((config) => {
			const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
			if (cookie) config.headers.set('Cookie', cookie);
			// No `browser-id` header: n8n then does not bind the auth cookie to a browser id, so
			// browserCookies() can be handed to Chromium (whose editor sends its own browser-id).
			return config;
		});
		this.http.interceptors.response.use((res) => {
			const set = res.headers['set-cookie'];
			for (const c of set ?? []) {
				const [pair] = c.split(';');
				const i = pair.indexOf('=');
				const name = pair.slice(0, i).trim();
				const value = pair.slice(i + 1).trim();
				if (!value || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
				else this.cookies.set(name, value);
			}
			return res;
		});
	}

	/**
	 * Cookies as puppeteer's `page.setCookie(...)` wants them, to skip the UI sign-in. Note that
	 * /rest/login allows only 5 logins per minute per email (keyed rate limit), so tests that open
	 * many browser sessions should pass these instead of signing in each time.
	 */
	browserCookies(): Array<{ name: string; value: string; url: string }> {
		return [...this.cookies].map(([name, value]) => ({ name, value, url: this.baseUrl }));
	}

	private unwrap<T>(res: AxiosResponse, what: string): T {
		if (res.status < 200 || res.status >= 300) {
			const body = res.data;
			const msg = typeof body === 'object' && body && 'message' in body ? (body as any).message : JSON.stringify(body)?.slice(0, 500);
			throw new RestError(`${what}: HTTP ${res.status} ${msg}`, res.status, body);
		}
		return (res.data && typeof res.data === 'object' && 'data' in res.data ? res.data.data : res.data) as T;
	}

	async get<T = any>(url: string, params?: Record<string, unknown>): Promise<T> {
		return this.unwrap<T>(await this.http.get(url, { params }), `GET ${url}`);
	}

	async post<T = any>(url: string, body?: unknown): Promise<T> {
		return this.unwrap<T>(await this.http.post(url, body ?? {}), `POST ${url}`);
	}

	async patch<T = any>(url: string, body?: unknown): Promise<T> {
		return this.unwrap<T>(await this.http.patch(url, body ?? {}), `PATCH ${url}`);
	}

	/** Frontend settings (no auth). `userManagement.showSetupOnFirstLoad` is true until an owner exists. */
	async settings(): Promise<any> {
		return await this.get('/rest/settings');
	}

	/** POST /rest/owner/setup (no auth; only works once per fresh user folder). Logs the owner in. */
	async setupOwner(owner: OwnerInfo = DEFAULT_OWNER): Promise<any> {
		return await this.post('/rest/owner/setup', owner);
	}

	/** POST /rest/login {emailOrLdapLoginId, password}; stores the n8n-auth cookie. */
	async login(email = DEFAULT_OWNER.email, password = DEFAULT_OWNER.password): Promise<any> {
		return await this.post('/rest/login', { emailOrLdapLoginId: email, password });
	}

	/** Sets the owner up if the instance has none yet, then logs in. Idempotent. */
	async ensureOwnerAndLogin(owner: OwnerInfo = DEFAULT_OWNER): Promise<void> {
		const s = await this.settings();
		if (s?.userManagement?.showSetupOnFirstLoad) await this.setupOwner(owner);
		await this.login(owner.email, owner.password);
	}

	/** GET /types/nodes.json (needs the auth cookie in 2.x): every node description. */
	async nodeTypes(): Promise<Array<{ name: string; displayName: string; version: number | number[]; [k: string]: any }>> {
		return this.unwrap(await this.http.get('/types/nodes.json'), 'GET /types/nodes.json');
	}

	/** GET /types/credentials.json: every credential type description. */
	async credentialTypes(): Promise<Array<{ name: string; displayName: string; [k: string]: any }>> {
		return this.unwrap(await this.http.get('/types/credentials.json'), 'GET /types/credentials.json');
	}

	async getWorkflow(id: string): Promise<any> {
		return await this.get(`/rest/workflows/${encodeURIComponent(id)}`);
	}

	/** POST /rest/workflows (as the editor saves a new workflow). Returns the stored workflow. */
	async createWorkflow(wf: Partial<WorkflowFixture>): Promise<any> {
		return await this.post('/rest/workflows', { active: false, settings: { executionOrder: 'v1' }, ...wf });
	}

	/**
	 * POST /rest/workflows/:id/run {triggerToStartFrom:{name}} — what the editor's "Execute workflow"
	 * button sends. Returns the execution id. `triggerName` defaults to the first trigger-like node.
	 */
	async runWorkflow(id: string, triggerName?: string): Promise<string> {
		if (!triggerName) {
			const wf = await this.getWorkflow(id);
			const trig = (wf.nodes as any[]).find((n) => /trigger|webhook/i.test(n.type)) ?? wf.nodes[0];
			triggerName = trig.name as string;
		}
		const r = await this.post<{ executionId?: string; waitingForWebhook?: boolean }>(`/rest/workflows/${encodeURIComponent(id)}/run`, {
			triggerToStartFrom: { name: triggerName },
		});
		if (!r.executionId) throw new Error(`run of ${id} returned no executionId: ${JSON.stringify(r)}`);
		return r.executionId;
	}

	/** GET /rest/executions/:id with `data` parsed by flatted (IRunExecutionData). */
	async getExecution(id: string): Promise<Execution> {
		const raw = await this.get<any>(`/rest/executions/${encodeURIComponent(id)}`);
		const data = typeof raw.data === 'string' ? flattedParse(raw.data) : raw.data;
		return { ...raw, data };
	}

	/** Polls getExecution until it is no longer new/running (and not waiting, unless allowed). */
	async waitForExecution(id: string, opts: { timeoutMs?: number; intervalMs?: number; allowWaiting?: boolean } = {}): Promise<Execution> {
		const deadline = Date.now() + (opts.timeoutMs ?? 120000);
		let last: Execution | undefined;
		while (Date.now() < deadline) {
			try {
				last = await this.getExecution(id);
				const pending = ['new', 'running', 'unknown'].includes(last.status) || (!opts.allowWaiting && last.status === 'waiting');
				if (!pending) return last;
			} catch (e) {
				if (!(e instanceof RestError && e.status === 404)) throw e;
			}
			await sleep(opts.intervalMs ?? 300);
		}
		throw new Error(`execution ${id} still ${last?.status ?? 'missing'} after ${opts.timeoutMs ?? 120000} ms`);
	}

	/** runWorkflow + waitForExecution. */
	async runAndWait(id: string, triggerName?: string, timeoutMs?: number): Promise<Execution> {
		return await this.waitForExecution(await this.runWorkflow(id, triggerName), { timeoutMs });
	}

	/** GET /rest/executions?filter={workflowId}: newest first. */
	async listExecutions(workflowId?: string, limit = 20): Promise<ExecutionSummary[]> {
		const r = await this.get<{ results: ExecutionSummary[] }>('/rest/executions', {
			filter: JSON.stringify(workflowId ? { workflowId } : {}),
			limit,
		});
		return r.results;
	}

	/**
	 * Publishes (2.x name for activating) the workflow's current version on the running server, as the
	 * editor's "Publish" button does: POST /rest/workflows/:id/activate {versionId}. n8n 2.41 applies
	 * the publication asynchronously (workflow publication outbox), so this then polls
	 * GET /rest/workflows/:id/publication-status until the triggers are live; only then do webhook
	 * nodes answer at `${baseUrl}/webhook/<path>`. Throws if a trigger failed to activate.
	 */
	async activateWorkflow(id: string, timeoutMs = 30000): Promise<{ workflow: any; publication?: PublicationStatus }> {
		const wf = await this.getWorkflow(id);
		const workflow = await this.post(`/rest/workflows/${encodeURIComponent(id)}/activate`, { versionId: wf.versionId });
		const publication = await this.waitForPublication(id, ['published', 'partial', 'failed'], timeoutMs);
		if (publication && publication.status !== 'published') {
			const errs = publication.triggers.map((t) => `${t.nodeId}: ${t.status} ${t.errorMessage ?? ''}`).join('; ');
			throw new Error(`publishing ${id} ended "${publication.status}": ${errs}`);
		}
		return { workflow, publication };
	}

	/** POST /rest/workflows/:id/deactivate (unpublish), then waits until no trigger is live. */
	async deactivateWorkflow(id: string, timeoutMs = 30000): Promise<{ workflow: any; publication?: PublicationStatus }> {
		const workflow = await this.post(`/rest/workflows/${encodeURIComponent(id)}/deactivate`, {});
		const publication = await this.waitForPublication(id, ['not_published'], timeoutMs);
		return { workflow, publication };
	}

	/**
	 * GET /rest/workflows/:id/publication-status → {status, liveVersionId, pendingVersionId, triggers}.
	 * Undefined when the publication service is off (N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false):
	 * activation is then synchronous.
	 */
	async publicationStatus(id: string): Promise<PublicationStatus | undefined> {
		const res = await this.http.get(`/rest/workflows/${encodeURIComponent(id)}/publication-status`);
		if (res.status === 404) return undefined;
		return this.unwrap<PublicationStatus>(res, `GET /rest/workflows/${id}/publication-status`);
	}

	async waitForPublication(id: string, until: PublicationStatus['status'][], timeoutMs = 30000): Promise<PublicationStatus | undefined> {
		const deadline = Date.now() + timeoutMs;
		let st = await this.publicationStatus(id);
		while (st && !until.includes(st.status)) {
			if (Date.now() > deadline) throw new Error(`workflow ${id}: publication still "${st.status}" after ${timeoutMs} ms`);
			await sleep(200);
			st = await this.publicationStatus(id);
		}
		return st;
	}

	/** GET /rest/credentials/:id (includeData: secrets come back redacted). */
	async getCredential(id: string, includeData = false): Promise<any> {
		return await this.get(`/rest/credentials/${encodeURIComponent(id)}`, includeData ? { includeData: true } : undefined);
	}

	/** POST /rest/credentials {name,type,data}: creates a credential as the editor does. */
	async createCredential(c: { name: string; type: string; data: Record<string, unknown> }): Promise<any> {
		return await this.post('/rest/credentials', c);
	}

	/**
	 * The editor's "Test" button in the credential modal: POST /rest/credentials/test
	 * {credentials:{id,name,type,data}} → {status:'OK'|'Error', message}.
	 * - `id` of a stored credential + `data`: tests `data` (redacted secrets are filled in from the
	 *   stored copy, like the modal does). Pass e.g. `{ ...stored, token: 'wrong' }` to test a bad key.
	 * - `id` without `data`: tests the stored credential as it is.
	 * The credential type must define `test` (a request or a node's testedBy function).
	 */
	async testCredential(c: { id: string; type?: string; name?: string; data?: Record<string, unknown> }): Promise<CredentialTestResult> {
		let { type, name, data } = c;
		if (data === undefined || type === undefined || name === undefined) {
			const stored = await this.getCredential(c.id, true);
			type = type ?? stored.type;
			name = name ?? stored.name;
			data = data ?? stored.data;
		}
		return await this.post<CredentialTestResult>('/rest/credentials/test', { credentials: { id: c.id, name, type, data } });
	}

	/** Calls a production webhook of an active workflow: `${baseUrl}/webhook/<path>`. */
	async callWebhook(pathOrUrl: string, opts: { method?: string; body?: unknown; test?: boolean } = {}): Promise<AxiosResponse> {
		const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl}/${opts.test ? 'webhook-test' : 'webhook'}/${pathOrUrl.replace(/^\//, '')}`;
		return await axios.request({ url, method: opts.method ?? 'GET', data: opts.body, validateStatus: () => true, timeout: 120000 });
	}
}

/* ------------------------------------------------------------------------------------------ */
/* One-call setup                                                                              */
/* ------------------------------------------------------------------------------------------ */

export interface E2eSession {
	env: N8nEnv;
	server: N8nServer;
	rest: N8nRestClient;
	stop(): Promise<void>;
}

export interface SessionOptions extends EnvOptions {
	/** Imported with the CLI before the server starts. */
	credentials?: CredentialFixture[];
	workflows?: WorkflowFixture[];
	/** Workflow ids published with `publish:workflow` before the start (their triggers go live). */
	publish?: string[];
	/** Run `installPackage` (the repository's built package) into the fresh user folder first. */
	installPackage?: boolean;
	owner?: OwnerInfo;
	/** Readiness timeout for `n8n start`. */
	timeoutMs?: number;
	/**
	 * Own free ports and own user folder (<repo>/.cache/e2e/home-<port>), so several suites can run
	 * in parallel jest workers. Default false: port 5678 and <repo>/.cache/e2e/home.
	 */
	isolated?: boolean;
}

/**
 * For test suites: env (fresh user folder unless `fresh: false`) → optional imports via CLI →
 * `n8n start` → owner setup + login. Call `session.stop()` in afterAll.
 */
export async function startSession(opts: SessionOptions = {}): Promise<E2eSession> {
	const envOpts: EnvOptions = { fresh: true, ...opts };
	if (opts.isolated) {
		envOpts.port = envOpts.port ?? (await freePort());
		envOpts.brokerPort = envOpts.brokerPort ?? (await freePort());
		envOpts.homeDir = envOpts.homeDir ?? path.join(REPO_ROOT, '.cache', 'e2e', `home-${envOpts.port}`);
	}
	const env = loadEnv(envOpts);
	if (opts.installPackage) installPackage(env);
	if (opts.credentials?.length) await importCredentials(opts.credentials, { env });
	if (opts.workflows?.length) await importWorkflow(opts.workflows, { env });
	for (const id of opts.publish ?? []) await publishWorkflowCli(id, { env });
	const server = await startN8n({ env, timeoutMs: opts.timeoutMs });
	const rest = new N8nRestClient(server.baseUrl);
	try {
		await rest.ensureOwnerAndLogin(opts.owner);
	} catch (e) {
		await server.stop();
		throw e;
	}
	return {
		env,
		server,
		rest,
		stop: async () => {
			await server.stop();
			if (opts.isolated) fs.rmSync(env.N8N_USER_FOLDER, { recursive: true, force: true });
		},
	};
}
