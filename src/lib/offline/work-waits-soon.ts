/**
 * `whenDeviceWorkWaits` (work-waits.ts) with its code loaded on first use, so
 * that it stays off every page's first load: the panels and rows that wait for
 * work on the device ask once the page is up. Tiny, on the first load.
 */
export function whenDeviceWorkWaitsSoon(start: () => void, options?: { orOffline?: boolean }): () => void {
	let stop = () => {};
	let stopped = false;
	void import('./work-waits').then(
		({ whenDeviceWorkWaits }) => {
			if (!stopped) stop = whenDeviceWorkWaits(start, options);
		},
		// The check could not load (offline, never kept): load what was waiting for it, as before there was one.
		() => {
			if (!stopped) start();
		}
	);
	return () => {
		stopped = true;
		stop();
	};
}
