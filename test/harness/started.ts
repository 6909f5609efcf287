/**
 * Something a test file starts once (a simulator, a client), stopped after its tests; the returned
 * object stands for it once `beforeAll` has run, so tests can use it as a plain constant.
 */
export function startedForFile<T extends object>(
	start: () => Promise<T>,
	stop: (started: T) => Promise<void> | void,
	beforeEachTest?: (started: T) => void,
): T {
	let started: T | undefined;
	beforeAll(async () => {
		started = await start();
	});
	afterAll(async () => {
		if (started) await stop(started);
	});
	if (beforeEachTest) beforeEach(() => started && beforeEachTest(started));
	return new Proxy({} as T, {
		get(_target, key) {
			if (!started) throw new Error('Used before beforeAll started it');
			const value: unknown = Reflect.get(started, key, started);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started) : value;
		},
	});
}
