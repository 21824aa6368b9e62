import { describe, expect, it } from 'vitest';
import { RateLimiter, SUPABASE_DEFAULT_RATE_LIMITS, rateLimitsFromEnv } from './rate-limit';
import { AuthError } from './errors';

function refused(run: () => void): AuthError {
	try {
		run();
	} catch (error) {
		if (error instanceof AuthError) return error;
		throw error;
	}
	throw new Error('expected a 429');
}

describe('RateLimiter', () => {
	it('allows a burst of 30, then refills at the configured rate', () => {
		let now = 0;
		const limiter = new RateLimiter(SUPABASE_DEFAULT_RATE_LIMITS, () => now);
		for (let i = 0; i < 30; i++) limiter.take('signInSignUps', '10.0.0.1');
		const error = refused(() => limiter.take('signInSignUps', '10.0.0.1'));
		expect(error.status).toBe(429);
		expect(error.code).toBe('over_request_rate_limit');
		// 30 per 300 s: one request back every 10 s.
		expect(error.headers['retry-after']).toBe('10');
		now += 9_000;
		expect(() => limiter.take('signInSignUps', '10.0.0.1')).toThrow(AuthError);
		now += 1_000;
		expect(() => limiter.take('signInSignUps', '10.0.0.1')).not.toThrow();
		// Another address has its own bucket.
		expect(() => limiter.take('signInSignUps', '10.0.0.2')).not.toThrow();
	});

	it('spaces emails to one address by the period and caps the server at 30 an hour', () => {
		let now = 0;
		const limiter = new RateLimiter(SUPABASE_DEFAULT_RATE_LIMITS, () => now);
		limiter.takeEmail('a@example.org');
		now += 45_000;
		const early = refused(() => limiter.takeEmail('a@example.org'));
		expect(early.code).toBe('over_email_send_rate_limit');
		expect(early.message).toBe('For security purposes, you can only request this after 15 seconds.');
		expect(early.headers['retry-after']).toBe('15');
		for (let i = 1; i < 30; i++) limiter.takeEmail(`b${i}@example.org`);
		const cap = refused(() => limiter.takeEmail('c@example.org'));
		expect(cap.code).toBe('over_email_send_rate_limit');
		expect(cap.message).toBe('Email rate limit exceeded');
		// 30 an hour is one every 120 s; 45 s have already refilled part of one.
		expect(cap.headers['retry-after']).toBe('75');
	});
});

describe('rateLimitsFromEnv', () => {
	it('uses Supabase defaults, can be turned off, and takes <requests>/<seconds> overrides', () => {
		expect(rateLimitsFromEnv({})).toEqual(SUPABASE_DEFAULT_RATE_LIMITS);
		expect(rateLimitsFromEnv({ DISCLOSE_AUTH_RATE_LIMITS: 'off' })).toBeNull();
		const custom = rateLimitsFromEnv({ DISCLOSE_AUTH_RATE_LIMIT_EMAIL_SENT: '100/3600', DISCLOSE_AUTH_RATE_LIMIT_OTP: '5/300', DISCLOSE_AUTH_EMAIL_PERIOD_SECONDS: '0' })!;
		expect(custom.emailSent).toEqual({ burst: 30, refill: 100, perSeconds: 3600 });
		expect(custom.otp).toEqual({ burst: 5, refill: 5, perSeconds: 300 });
		expect(custom.emailPeriodSeconds).toBe(0);
	});

	it('refuses a malformed value with the variable name', () => {
		expect(() => rateLimitsFromEnv({ DISCLOSE_AUTH_RATE_LIMIT_VERIFY: '360 per hour' })).toThrow(/DISCLOSE_AUTH_RATE_LIMIT_VERIFY/);
		expect(() => rateLimitsFromEnv({ DISCLOSE_AUTH_RATE_LIMIT_VERIFY: '0/60' })).toThrow(/DISCLOSE_AUTH_RATE_LIMIT_VERIFY/);
	});
});
