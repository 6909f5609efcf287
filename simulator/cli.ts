import { startSimulator } from './index';
import type { SimulatorOptions } from './index';

function numberFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
	return value;
}

/** SIM_RATE_LIMIT is "max/windowMs" (e.g. "20/10000") or "off". */
function rateLimitFromEnv(): SimulatorOptions['rateLimit'] {
	const raw = process.env.SIM_RATE_LIMIT;
	if (raw === undefined || raw === '') return undefined;
	if (raw === 'off') return false;
	const m = /^(\d+)\/(\d+)$/.exec(raw);
	if (!m) throw new Error(`SIM_RATE_LIMIT must be "max/windowMs" or "off", got "${raw}"`);
	return { max: Number(m[1]), windowMs: Number(m[2]) };
}

async function main(): Promise<void> {
	const sim = await startSimulator({
		port: numberFromEnv('SIM_PORT', 4010),
		cdnPort: numberFromEnv('SIM_CDN_PORT', 4011),
		apiKey: process.env.SIM_API_KEY || undefined,
		timeScale: process.env.SIM_TIME_SCALE ? numberFromEnv('SIM_TIME_SCALE', 600) : undefined,
		rateLimit: rateLimitFromEnv(),
		logRequests: process.env.SIM_LOG !== '0',
		quiet: process.env.SIM_QUIET === '1',
		initialCredits: process.env.SIM_CREDITS ? numberFromEnv('SIM_CREDITS', 1000) : undefined,
	});
	const example = `curl -H "Authorization: Bearer ${sim.apiKey}" "${sim.baseUrl}/api/v1/generate/record-info?taskId=sim.success.demo"`;
	process.stdout.write(
		[
			'Suno API simulator (a fake of api.sunoapi.org; nothing leaves this machine)',
			`  API and file upload: ${sim.baseUrl}`,
			`  CDN (audio, images): ${sim.cdnBaseUrl}`,
			`  API key:             ${sim.apiKey}`,
			`  Time scale:          ${sim.timeScale} simulated seconds per second`,
			`  Try: ${example}`,
			'  Stop with Ctrl+C.',
			'',
		].join('\n'),
	);
	process.stdout.write(`SIMULATOR_READY ${JSON.stringify({ baseUrl: sim.baseUrl, cdnBaseUrl: sim.cdnBaseUrl, apiKey: sim.apiKey })}\n`);
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`Received ${signal}, shutting down.\n`);
		sim.close().then(
			() => process.exit(0),
			(err: unknown) => {
				process.stderr.write(`close failed: ${String(err)}\n`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
	process.stderr.write(`Simulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
	process.exit(1);
});
