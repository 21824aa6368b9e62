import { describe, expect, it } from 'vitest';
import { classifySupabaseResponse } from './transport';

const error = (message: string, code?: string) => ({ message, code });

describe('classifySupabaseResponse', () => {
	it('accepts a response without an error', () => {
		expect(classifySupabaseResponse({ status: 201, error: null })).toEqual({ ok: true });
	});

	it('calls a request that got no answer (status 0, aborted by the timeout) a network failure', () => {
		expect(classifySupabaseResponse({ status: 0, error: error('TypeError: Failed to fetch', '') })).toMatchObject({ ok: false, failure: 'network' });
		expect(classifySupabaseResponse({ status: 0, error: error('AbortError: signal timed out', '') })).toMatchObject({ failure: 'network' });
	});

	it('treats gateway errors and rate limits as worth retrying later', () => {
		for (const status of [408, 429, 502, 503, 504]) {
			expect(classifySupabaseResponse({ status, error: error('unavailable') }), `status ${status}`).toMatchObject({ failure: 'network' });
		}
	});

	it('asks for a new sign-in on 401 and on PostgREST JWT errors', () => {
		expect(classifySupabaseResponse({ status: 401, error: error('JWT expired', 'PGRST303') })).toMatchObject({ failure: 'auth', code: 'PGRST303' });
		expect(classifySupabaseResponse({ status: 401, error: error('Invalid JWT') })).toMatchObject({ failure: 'auth' });
		expect(classifySupabaseResponse({ status: 400, error: error('JWT expired') })).toMatchObject({ failure: 'auth' });
	});

	it('calls validation, permission and conflict errors refusals, with the server message', () => {
		expect(classifySupabaseResponse({ status: 403, error: error('new row violates row-level security policy', '42501') })).toEqual({
			ok: false,
			failure: 'rejected',
			message: 'new row violates row-level security policy',
			code: '42501'
		});
		expect(classifySupabaseResponse({ status: 400, error: error('violates check constraint', '23514') })).toMatchObject({ failure: 'rejected' });
		expect(classifySupabaseResponse({ status: 409, error: error('duplicate key value', '23505') })).toMatchObject({ failure: 'rejected' });
		expect(classifySupabaseResponse({ status: 500, error: error('internal error') })).toMatchObject({ failure: 'rejected' });
	});
});
