export interface SimulatorOptions {
	/** Default 'sim-test-key'; checked as a Bearer token on every /api/ endpoint. */
	apiKey?: string;
	/** Simulated seconds per real second; default 600 (one simulated minute = 100 ms). */
	timeScale?: number;
	/** Default { max: 20, windowMs: 10_000 } in real time: a sliding window per key over every /api/ request. */
	rateLimit?: { max: number; windowMs: number } | false;
	/** API server port, default 0 (ephemeral). */
	port?: number;
	/** File server ("CDN") port, default 0. */
	cdnPort?: number;
	/** Default 1000. */
	initialCredits?: number;
	/** Silences the warnings printed on stderr (internal errors, skipped or failed callbacks). */
	quiet?: boolean;
	/** Prints one access-log line per request on stdout (the CLI turns this on). Default false. */
	logRequests?: boolean;
}

export type ScenarioName =
	| 'success'
	| 'skip-to-complete'
	| 'create-failed'
	| 'audio-failed'
	| 'sensitive-word'
	| 'callback-exception'
	| 'callback-exception-no-audio'
	| 'never-completes'
	| 'status-regression'
	| 'legacy-times'
	| 'lyrics-failed';

export const SCENARIOS: readonly ScenarioName[] = [
	'success',
	'skip-to-complete',
	'create-failed',
	'audio-failed',
	'sensitive-word',
	'callback-exception',
	'callback-exception-no-audio',
	'never-completes',
	'status-regression',
	'legacy-times',
	'lyrics-failed',
];

export interface TaskSpec {
	scenario?: ScenarioName;
	kind?: 'music' | 'lyrics';
	/** Simulated seconds until full success; default 150 (music) or 20 (lyrics). */
	durationS?: number;
	/** TEXT_SUCCESS time; default min(35, 0.25 * durationS). Failure scenarios fail at this time. */
	streamsAtS?: number;
	/** FIRST_SUCCESS time; default 0.7 * durationS. */
	firstAtS?: number;
	/** Default: random 32-hex. */
	taskId?: string;
	/** Default 'generate'. */
	operationType?: string;
	/** The create body, returned as the `param` JSON string. */
	params?: Record<string, unknown>;
	callBackUrl?: string;
	/** Extra identical deliveries of each callback stage; default 0. */
	duplicateCallbacks?: number;
	/** Size of the MP3 served for this task's tracks; default: the bundled file as is. */
	audioBytes?: number;
	/** Default 2. */
	trackCount?: number;
}

export type FaultKind =
	| 'rate-limit'
	| 'rate-limit-405'
	| 'maintenance'
	| 'insufficient-credits'
	| 'unauthorized'
	| 'server-error'
	| 'bad-gateway'
	| 'body-500'
	| 'malformed-json'
	| 'html'
	| 'slow'
	| 'hang'
	| 'reset';

export const FAULT_KINDS: readonly FaultKind[] = [
	'rate-limit',
	'rate-limit-405',
	'maintenance',
	'insufficient-credits',
	'unauthorized',
	'server-error',
	'bad-gateway',
	'body-500',
	'malformed-json',
	'html',
	'slow',
	'hang',
	'reset',
];

export interface FaultSpec {
	kind: FaultKind;
	/** How many matching requests it applies to; default 1; -1 = until cleared. */
	times?: number;
	/** Every given field must match; a missing field matches anything (both servers when `server` is missing). */
	match?: { method?: string; pathPrefix?: string; taskId?: string; server?: 'api' | 'cdn' };
	delayMs?: number;
	/** Process the request for real first, then answer with the fault. */
	afterHandling?: boolean;
}

export interface UploadedFileSummary {
	field: string;
	fileName: string;
	mimeType: string;
	size: number;
	sha256: string;
}

export interface RecordedRequest {
	seq: number;
	at: number;
	server: 'api' | 'cdn';
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	/** Parsed JSON; for multipart { fields, files }; a raw string if not JSON; null when empty. */
	body: unknown;
	taskId?: string;
	/** 0 while the answer is pending, and for requests never answered ('hang', 'reset'). */
	httpStatus: number;
	bodyCode?: number;
}

export type CallbackStage = 'text' | 'first' | 'complete' | 'error';

export interface CallbackDelivery {
	taskId: string;
	stage: CallbackStage;
	url: string;
	at: number;
	status?: number;
	error?: string;
	skipped?: 'non-loopback';
	body: unknown;
}

export interface SunoSimulator {
	readonly baseUrl: string;
	readonly uploadBaseUrl: string;
	readonly cdnBaseUrl: string;
	readonly apiKey: string;
	readonly timeScale: number;
	readonly requests: RecordedRequest[];
	readonly callbacks: CallbackDelivery[];
	createTask(spec?: TaskSpec): string;
	setNextScenario(spec: TaskSpec): void;
	addFault(fault: FaultSpec): void;
	clearFaults(): void;
	clearRequests(): void;
	reset(): void;
	audioBytes(): Buffer;
	imageBytes(): Buffer;
	close(): Promise<void>;
}
