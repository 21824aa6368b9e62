import { describe, expect, it } from 'vitest';
import { toColoradoLocalTime } from '$lib/cora';
import { checkEmbargoDate } from './embargo-date';

describe('an embargo date', () => {
	it('is accepted when it is a real date after today in Colorado', () => {
		expect(checkEmbargoDate('2027-03-01', '2026-12-06')).toEqual({ ok: true, date: '2027-03-01' });
		expect(checkEmbargoDate(' 2026-12-07 ', '2026-12-06')).toEqual({ ok: true, date: '2026-12-07' });
	});

	it('is refused when it is today or earlier', () => {
		expect(checkEmbargoDate('2026-12-06', '2026-12-06')).toEqual({ ok: false, error: 'publishing.embargo.error.notFuture' });
		expect(checkEmbargoDate('2020-01-01', '2026-12-06')).toEqual({ ok: false, error: 'publishing.embargo.error.notFuture' });
	});

	it('is refused when missing or not a calendar date', () => {
		expect(checkEmbargoDate('', '2026-12-06')).toEqual({ ok: false, error: 'publishing.embargo.error.missing' });
		expect(checkEmbargoDate(undefined, '2026-12-06')).toEqual({ ok: false, error: 'publishing.embargo.error.missing' });
		expect(checkEmbargoDate('2027-02-30', '2026-12-06')).toEqual({ ok: false, error: 'publishing.embargo.error.notADate' });
		expect(checkEmbargoDate('1 March 2027', '2026-12-06')).toEqual({ ok: false, error: 'publishing.embargo.error.notADate' });
	});

	it('uses the Colorado date, not UTC: late evening in Denver is still the day before', () => {
		// 05:30 UTC on 7 December is 22:30 on 6 December in Denver (MST, UTC−7).
		const today = toColoradoLocalTime('2026-12-07T05:30:00Z').date;
		expect(today).toBe('2026-12-06');
		expect(checkEmbargoDate('2026-12-07', today).ok).toBe(true);
	});

	it('knows leap days', () => {
		expect(checkEmbargoDate('2028-02-29', '2026-12-06').ok).toBe(true);
		expect(checkEmbargoDate('2027-02-29', '2026-12-06')).toEqual({ ok: false, error: 'publishing.embargo.error.notADate' });
	});
});
