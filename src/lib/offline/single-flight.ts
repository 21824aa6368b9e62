/**
 * Run a task at most once at a time. In this tab a second caller joins the
 * run in progress; across tabs (where the Web Locks API exists) a tab that
 * finds the lock taken gets `whenTakenElsewhere()` instead of waiting.
 */
const running = new Map<string, Promise<unknown>>();

function webLocks(): LockManager | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.locks;
}

export function runOnce<T>(name: string, task: () => Promise<T>, whenTakenElsewhere: () => T): Promise<T> {
	const current = running.get(name) as Promise<T> | undefined;
	if (current) return current;
	const locks = webLocks();
	// The lock is held until the callback's promise settles; `ifAvailable` gives a null lock instead of waiting.
	const started = locks ? (locks.request(name, { ifAvailable: true }, async (lock) => (lock ? task() : whenTakenElsewhere())) as Promise<T>) : task();
	const run = started.finally(() => running.delete(name));
	running.set(name, run);
	return run;
}
