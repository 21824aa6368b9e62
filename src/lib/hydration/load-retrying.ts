/**
 * Loads code split off the first load (a dynamic import) for a panel that must
 * appear once it is needed, and keeps trying when the load fails: on a first
 * visit no service worker has kept the code yet, so a load started just as the
 * signal drops fails, and the panel (changes waiting to sync, the offline
 * notice) would never appear on that page. It is tried again when the network
 * comes back, and, while the browser still thinks it is online (a weak signal
 * sends no `online` event), after growing pauses too. A load that never settles
 * counts as failed after a while (settle-within.ts).
 */
import { settleWithin } from './settle-within';

const RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

export interface RetryEnvironment {
	/** Where `online` is announced (the window). */
	network: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
	isOnline: () => boolean;
}

const browser = (): RetryEnvironment => ({ network: window, isOnline: () => navigator.onLine });

/** Calls `loaded` once `load` succeeds; returns the function that stops trying. */
export function loadRetrying<T>(load: () => Promise<T>, loaded: (value: T) => void, environment: RetryEnvironment = browser()): () => void {
	const { network, isOnline } = environment;
	let stopped = false;
	let done = false;
	let failures = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const retry = () => {
		clearTimeout(timer);
		network.removeEventListener('online', retry);
		attempt();
	};
	function attempt() {
		if (stopped || done) return;
		settleWithin(load()).then(
			(value) => {
				// A load given up as unsettled can still arrive after a later one: `loaded` is told once.
				if (stopped || done) return;
				done = true;
				clearTimeout(timer);
				network.removeEventListener('online', retry);
				loaded(value);
			},
			() => {
				if (stopped || done) return;
				network.addEventListener('online', retry, { once: true });
				if (isOnline()) timer = setTimeout(retry, RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)]);
				failures += 1;
			}
		);
	}
	attempt();
	return () => {
		stopped = true;
		clearTimeout(timer);
		network.removeEventListener('online', retry);
	};
}
