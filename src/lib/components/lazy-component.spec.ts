import { describe, expect, it, vi } from 'vitest';
import { LazyComponent } from './lazy-component.svelte';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LazyComponent', () => {
	it('uses what the server handed over, and loads nothing', () => {
		const load = vi.fn(async () => 'loaded');
		const lazy = new LazyComponent('from the server', load);
		lazy.need();
		expect(lazy.current).toBe('from the server');
		expect(load).not.toHaveBeenCalled();
	});

	it('loads once, however often it is needed', async () => {
		const load = vi.fn(async () => 'loaded');
		const lazy = new LazyComponent<string>(null, load);
		expect(lazy.current).toBeNull();
		lazy.need();
		lazy.need();
		await settle();
		lazy.need();
		expect(lazy.current).toBe('loaded');
		expect(load).toHaveBeenCalledTimes(1);
	});

	it('tries again when a load failed (offline before it was kept)', async () => {
		const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue('loaded');
		const lazy = new LazyComponent<string>(undefined, load);
		lazy.need();
		await settle();
		expect(lazy.current).toBeNull();
		lazy.need();
		await settle();
		expect(lazy.current).toBe('loaded');
		expect(load).toHaveBeenCalledTimes(2);
	});
});
