/**
 * A load of split-off code (a dynamic import) that has not settled after `LOAD_WAIT_MS` counts as failed:
 * Chromium can leave an import started while the signal dropped unsettled for good, and a panel or a save
 * waiting on it would wait forever instead of being tried again.
 */
export const LOAD_WAIT_MS = 10_000;

export class LoadTimeoutError extends Error {
	constructor(ms: number) {
		super(`The code did not arrive within ${ms / 1000} s.`);
		this.name = 'LoadTimeoutError';
	}
}

/** `load`, or a `LoadTimeoutError` once `ms` have passed without it settling. */
export function settleWithin<T>(load: Promise<T>, ms = LOAD_WAIT_MS): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => reject(new LoadTimeoutError(ms)), ms);
		load.then(resolve, reject).finally(() => clearTimeout(timer));
	});
}
