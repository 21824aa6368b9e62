import { describe, expect, it } from 'vitest';
import { coloradoLocalInput, coloradoLocalToInstant } from './colorado-datetime';

describe('Colorado wall-clock time for the "sent" field', () => {
	it('reads winter times as UTC−7 and summer times as UTC−6', () => {
		expect(coloradoLocalToInstant('2025-11-19T15:30')).toEqual({ ok: true, instant: '2025-11-19T22:30:00.000Z' });
		expect(coloradoLocalToInstant('2025-07-01T09:00')).toEqual({ ok: true, instant: '2025-07-01T15:00:00.000Z' });
	});
	it('round-trips with the value shown in the field', () => {
		expect(coloradoLocalInput('2025-11-19T22:30:45.000Z')).toBe('2025-11-19T15:30');
	});
	it('takes the earlier instant in the repeated autumn hour', () => {
		expect(coloradoLocalToInstant('2025-11-02T01:30')).toEqual({ ok: true, instant: '2025-11-02T07:30:00.000Z' });
	});
	it('refuses a time skipped when clocks spring forward', () => {
		expect(coloradoLocalToInstant('2025-03-09T02:30')).toEqual({ ok: false, reason: 'nonexistent' });
	});
	it('refuses malformed and impossible values', () => {
		for (const bad of ['', 'yesterday', '2025-02-30T10:00', '2025-11-19 15:30', '2025-11-19T24:00']) {
			expect(coloradoLocalToInstant(bad), bad).toEqual({ ok: false, reason: 'invalid' });
		}
	});
});
