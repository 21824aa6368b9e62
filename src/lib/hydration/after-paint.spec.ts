import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from './after-paint';

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('afterFirstPaint', () => {
	it('resolves just after the next frame', async () => {
		vi.useFakeTimers();
		let frame: (() => void) | undefined;
		vi.stubGlobal('requestAnimationFrame', (callback: () => void) => (frame = callback));
		let done = false;
		void afterFirstPaint().then(() => (done = true));
		await vi.advanceTimersByTimeAsync(100);
		expect(done).toBe(false);
		frame?.();
		await vi.advanceTimersByTimeAsync(0);
		expect(done).toBe(true);
	});

	it('resolves after the longest wait when no frame comes (a tab in the background)', async () => {
		vi.useFakeTimers();
		vi.stubGlobal('requestAnimationFrame', () => 0);
		let done = false;
		void afterFirstPaint(300).then(() => (done = true));
		await vi.advanceTimersByTimeAsync(299);
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(done).toBe(true);
	});
});
