import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
	it('keeps a path on this site with its query and fragment', () => {
		expect(safeNext('/app/requests?tab=late#top')).toBe('/app/requests?tab=late#top');
		expect(safeNext('/')).toBe('/');
	});

	it.each([
		['//evil.example/x'],
		['/\\evil.example/x'],
		['/\t/evil.example'],
		['/\n/evil.example'],
		['https://evil.example/'],
		['javascript:alert(1)'],
		['app/requests'],
		[''],
		[null],
		[42]
	])('turns %j into the fallback', (value) => {
		expect(safeNext(value)).toBe('/app');
		expect(safeNext(value, '/')).toBe('/');
	});
});
