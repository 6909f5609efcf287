import { MSG, apiError, textReply } from './http';
import type { Reply } from './http';
import { FAULT_KINDS } from './types';
import type { FaultSpec } from './types';

export interface FaultTarget {
	server: 'api' | 'cdn';
	method: string;
	path: string;
	taskId?: string;
}

interface ActiveFault {
	spec: FaultSpec;
	/** Matching requests left; negative = until cleared. */
	remaining: number;
}

export function validateFault(spec: FaultSpec): string | undefined {
	if (!spec || !(FAULT_KINDS as readonly string[]).includes(spec.kind)) return `unknown fault kind: ${String(spec?.kind)}`;
	if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < -1)) return 'times must be an integer >= -1';
	if (spec.delayMs !== undefined && !(spec.delayMs >= 0)) return 'delayMs must be >= 0';
	return undefined;
}

export class FaultBook {
	private faults: ActiveFault[] = [];

	add(spec: FaultSpec): void {
		const error = validateFault(spec);
		if (error) throw new Error(error);
		const remaining = spec.times ?? 1;
		if (remaining !== 0) this.faults.push({ spec: { ...spec, match: spec.match && { ...spec.match } }, remaining });
	}

	clear(): void {
		this.faults = [];
	}

	/** The first fault (in order of addition) matching the request, consuming one of its uses. */
	take(target: FaultTarget): FaultSpec | undefined {
		const index = this.faults.findIndex((f) => matches(f.spec, target));
		if (index < 0) return undefined;
		const fault = this.faults[index];
		if (fault.remaining > 0 && --fault.remaining === 0) this.faults.splice(index, 1);
		return fault.spec;
	}
}

function matches(spec: FaultSpec, t: FaultTarget): boolean {
	const m = spec.match;
	if (!m) return true;
	if (m.server && m.server !== t.server) return false;
	if (m.method && m.method.toUpperCase() !== t.method.toUpperCase()) return false;
	if (m.pathPrefix && !t.path.startsWith(m.pathPrefix)) return false;
	if (m.taskId && m.taskId !== t.taskId) return false;
	return true;
}

const BAD_GATEWAY_HTML =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
	'<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const CHALLENGE_HTML =
	'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>' +
	'<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>' +
	'<body><div class="main-wrapper" role="main"><h1>Checking your browser before accessing the site.</h1>' +
	'<p>This process is automatic. Your browser will redirect to your requested content shortly.</p></div></body></html>';

/** The answer a fault gives instead of the real one; 'slow', 'hang' and 'reset' are handled by the server. */
export function faultReply(kind: FaultSpec['kind'], path: string): Reply {
	switch (kind) {
		case 'rate-limit':
			return apiError(path, 430, MSG.rate);
		case 'rate-limit-405':
			return apiError(path, 405, MSG.rate405);
		case 'maintenance':
			return apiError(path, 455, MSG.maintenance);
		case 'insufficient-credits':
			return apiError(path, 429, MSG.credits);
		case 'unauthorized':
			return apiError(path, 401, MSG.auth);
		case 'server-error':
			return apiError(path, 500, MSG.server, 500);
		case 'body-500':
			return apiError(path, 500, MSG.server);
		case 'bad-gateway':
			return textReply(502, BAD_GATEWAY_HTML, 'text/html');
		case 'html':
			return textReply(200, CHALLENGE_HTML, 'text/html; charset=UTF-8');
		case 'malformed-json':
			return textReply(200, '{"code":200,"msg":"success","data":{"taskId":"', 'application/json; charset=utf-8');
		default:
			throw new Error(`fault ${kind} has no canned answer`);
	}
}
