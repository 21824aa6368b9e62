import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadRetrying, type RetryEnvironment } from './load-retrying';
import { LOAD_WAIT_MS } from './settle-within';

afterEach(() => vi.useRealTimers());

/** A network whose `online` event the test sends, and a load that fails until told otherwise. */
function setUp(online: boolean) {
	const network = new EventTarget();
	const environment: RetryEnvironment = { network, isOnline: () => online };
	let reachable = false;
	const load = vi.fn(() => (reachable ? Promise.resolve('panel') : Promise.reject(new TypeError('Failed to fetch dynamically imported module'))));
	const loaded = vi.fn();
	return {
		environment,
		load,
		loaded,
		goOnline() {
			online = true;
			reachable = true;
			network.dispatchEvent(new Event('online'));
		},
		reach() {
			reachable = true;
		}
	};
}

describe('loadRetrying', () => {
	it('loads at once when it can', async () => {
		const { environment, load, loaded, reach } = setUp(true);
		reach();
		loadRetrying(load, loaded, environment);
		await vi.waitFor(() => expect(loaded).toHaveBeenCalledWith('panel'));
		expect(load).toHaveBeenCalledTimes(1);
	});

	it('tries again when the network comes back after a load failed offline', async () => {
		vi.useFakeTimers();
		const { environment, load, loaded, goOnline } = setUp(false);
		loadRetrying(load, loaded, environment);
		await vi.advanceTimersByTimeAsync(120_000);
		// Offline, nothing is tried until the network is back.
		expect(load).toHaveBeenCalledTimes(1);
		expect(loaded).not.toHaveBeenCalled();
		goOnline();
		await vi.advanceTimersByTimeAsync(0);
		expect(load).toHaveBeenCalledTimes(2);
		expect(loaded).toHaveBeenCalledWith('panel');
	});

	it('while the browser thinks it is online, tries again after growing pauses', async () => {
		vi.useFakeTimers();
		const { environment, load, loaded, reach } = setUp(true);
		loadRetrying(load, loaded, environment);
		await vi.advanceTimersByTimeAsync(1_999);
		expect(load).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(load).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(4_999);
		expect(load).toHaveBeenCalledTimes(2);
		reach();
		await vi.advanceTimersByTimeAsync(1);
		expect(load).toHaveBeenCalledTimes(3);
		expect(loaded).toHaveBeenCalledOnce();
	});

	it('stops trying when stopped, and never reports a load that ends after', async () => {
		vi.useFakeTimers();
		const { environment, load, loaded, goOnline } = setUp(false);
		const stop = loadRetrying(load, loaded, environment);
		await vi.advanceTimersByTimeAsync(0);
		stop();
		goOnline();
		await vi.advanceTimersByTimeAsync(120_000);
		expect(load).toHaveBeenCalledTimes(1);
		expect(loaded).not.toHaveBeenCalled();
	});

	it('an online event and a timer due together load it once', async () => {
		vi.useFakeTimers();
		const { environment, load, loaded, goOnline } = setUp(true);
		loadRetrying(load, loaded, environment);
		await vi.advanceTimersByTimeAsync(0);
		goOnline();
		await vi.advanceTimersByTimeAsync(120_000);
		expect(load).toHaveBeenCalledTimes(2);
		expect(loaded).toHaveBeenCalledOnce();
	});

	it('counts a load that never settles as failed, tries again, and is told once even if the first load ends late', async () => {
		vi.useFakeTimers();
		const environment: RetryEnvironment = { network: new EventTarget(), isOnline: () => true };
		let arriveLate!: (value: string) => void;
		const hung = new Promise<string>((resolve) => (arriveLate = resolve));
		const load = vi.fn().mockReturnValueOnce(hung).mockResolvedValue('panel');
		const loaded = vi.fn();
		loadRetrying(load, loaded, environment);
		await vi.advanceTimersByTimeAsync(LOAD_WAIT_MS - 1);
		expect(load).toHaveBeenCalledTimes(1);
		// Given up after LOAD_WAIT_MS, then the first pause, then tried again.
		await vi.advanceTimersByTimeAsync(1 + 2_000);
		expect(load).toHaveBeenCalledTimes(2);
		expect(loaded).toHaveBeenCalledExactlyOnceWith('panel');
		arriveLate('late panel');
		await vi.advanceTimersByTimeAsync(120_000);
		expect(loaded).toHaveBeenCalledOnce();
		expect(load).toHaveBeenCalledTimes(2);
	});
});
