/**
 * Rate limits for /auth/v1, modelled on Supabase Auth's (docs: guides/auth/rate-limits;
 * figures from supabase/supabase packages/shared-data/config.ts and the CLI's
 * config.toml `[auth.rate_limit]`):
 *
 * - IP-limited endpoints use token buckets that hold up to 30 requests and refill at
 *   the configured rate, as GoTrue's do: sign-in and sign-up 30 per 5 minutes,
 *   token refresh 1 800 per hour, verification 360 per hour, OTP/magic link 30 per hour.
 * - Emails: 30 per hour for the whole server (Supabase's starting limit once a custom
 *   SMTP server is set), and one email per address per 60 seconds (the OTP,
 *   signup-confirmation and password-reset `period`).
 * - Password sign-in is also limited per email address (30 per 5 minutes), so a
 *   guesser cannot spread attempts over many IPs; GoTrue has no such bucket.
 *
 * Counters live in the server's memory: a restart resets them, and several app
 * processes would each count on their own (SECURITY.md says so).
 */
import { AuthError } from './errors';

export interface Rate {
	/** Requests the bucket holds (the burst). */
	burst: number;
	/** Requests it regains per `perSeconds`. */
	refill: number;
	perSeconds: number;
}

export interface RateLimitSettings {
	/** POST /token?grant_type=password and POST /signup, per IP. */
	signInSignUps: Rate;
	/** POST /token?grant_type=password, per email address. */
	passwordPerEmail: Rate;
	/** POST /token?grant_type=refresh_token, per IP. */
	tokenRefresh: Rate;
	/** POST and GET /verify, per IP. */
	verify: Rate;
	/** POST /otp and POST /recover, per IP. */
	otp: Rate;
	/** PUT /user, per IP. */
	userUpdate: Rate;
	/** Every email auth sends, for the whole server. */
	emailSent: Rate;
	/** Seconds before another email may go to the same address. */
	emailPeriodSeconds: number;
}

const FIVE_MINUTES = 300;
const HOUR = 3600;

export const SUPABASE_DEFAULT_RATE_LIMITS: RateLimitSettings = {
	signInSignUps: { burst: 30, refill: 30, perSeconds: FIVE_MINUTES },
	passwordPerEmail: { burst: 30, refill: 30, perSeconds: FIVE_MINUTES },
	tokenRefresh: { burst: 30, refill: 1800, perSeconds: HOUR },
	verify: { burst: 30, refill: 360, perSeconds: HOUR },
	otp: { burst: 30, refill: 30, perSeconds: HOUR },
	userUpdate: { burst: 30, refill: 30, perSeconds: FIVE_MINUTES },
	emailSent: { burst: 30, refill: 30, perSeconds: HOUR },
	emailPeriodSeconds: 60
};

interface Bucket {
	tokens: number;
	at: number;
}

export type Clock = () => number;

/** Token buckets keyed by name; `take` spends one or throws a 429 with Retry-After. */
export class RateLimiter {
	readonly #buckets = new Map<string, Bucket>();
	readonly #lastEmail = new Map<string, number>();
	#prunedAt = 0;

	constructor(
		readonly settings: RateLimitSettings,
		private readonly now: Clock = Date.now
	) {}

	/** Spends one request from bucket `name` for `key`; throws over_request_rate_limit when empty. */
	take(name: Exclude<keyof RateLimitSettings, 'emailPeriodSeconds' | 'emailSent'>, key: string): void {
		const wait = this.#spend(`${name}:${key}`, this.settings[name]);
		if (wait > 0) throw rateLimited('over_request_rate_limit', 'Request rate limit reached', wait);
	}

	/** Before an email to `address`: the per-address period, then the server-wide hourly budget. */
	takeEmail(address: string): void {
		const now = this.now();
		const last = this.#lastEmail.get(address);
		const periodMs = this.settings.emailPeriodSeconds * 1000;
		if (last !== undefined && now - last < periodMs) {
			const seconds = Math.ceil((periodMs - (now - last)) / 1000);
			// GoTrue's wording for the per-address period.
			throw rateLimited('over_email_send_rate_limit', `For security purposes, you can only request this after ${seconds} seconds.`, seconds);
		}
		const wait = this.#spend('emailSent', this.settings.emailSent);
		if (wait > 0) throw rateLimited('over_email_send_rate_limit', 'Email rate limit exceeded', wait);
		this.#lastEmail.set(address, now);
	}

	/** Refills, then spends one token; returns 0 when granted, else the seconds until one is back. */
	#spend(id: string, rate: Rate): number {
		const now = this.now();
		const perMs = rate.refill / (rate.perSeconds * 1000);
		const bucket = this.#buckets.get(id) ?? { tokens: rate.burst, at: now };
		bucket.tokens = Math.min(rate.burst, bucket.tokens + (now - bucket.at) * perMs);
		bucket.at = now;
		this.#buckets.set(id, bucket);
		this.#prune(now);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return 0;
		}
		return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
	}

	/** Forgets full buckets and old send times now and then, so memory stays bounded by recent callers. */
	#prune(now: number): void {
		if (this.#buckets.size + this.#lastEmail.size < 10_000 || now - this.#prunedAt < 60_000) return;
		this.#prunedAt = now;
		for (const [id, bucket] of this.#buckets) if (now - bucket.at > HOUR * 1000) this.#buckets.delete(id);
		for (const [address, at] of this.#lastEmail) if (now - at > this.settings.emailPeriodSeconds * 1000) this.#lastEmail.delete(address);
	}
}

function rateLimited(code: string, message: string, retryAfterSeconds: number): AuthError {
	return new AuthError(429, code, message, {}, { 'retry-after': String(retryAfterSeconds) });
}

/**
 * DISCLOSE_AUTH_RATE_LIMITS=off turns every limit off (tests of other things only);
 * DISCLOSE_AUTH_RATE_LIMIT_<NAME>=<requests>/<seconds> (e.g. SIGN_IN_SIGN_UPS=30/300,
 * EMAIL_SENT=100/3600) changes one; DISCLOSE_AUTH_EMAIL_PERIOD_SECONDS the per-address wait.
 */
export function rateLimitsFromEnv(env: Record<string, string | undefined>): RateLimitSettings | null {
	if (env.DISCLOSE_AUTH_RATE_LIMITS === 'off') return null;
	const settings: RateLimitSettings = structuredClone(SUPABASE_DEFAULT_RATE_LIMITS);
	const names: Array<[Exclude<keyof RateLimitSettings, 'emailPeriodSeconds'>, string]> = [
		['signInSignUps', 'SIGN_IN_SIGN_UPS'],
		['passwordPerEmail', 'PASSWORD_PER_EMAIL'],
		['tokenRefresh', 'TOKEN_REFRESH'],
		['verify', 'VERIFY'],
		['otp', 'OTP'],
		['userUpdate', 'USER_UPDATE'],
		['emailSent', 'EMAIL_SENT']
	];
	for (const [name, suffix] of names) {
		const variable = `DISCLOSE_AUTH_RATE_LIMIT_${suffix}`;
		const value = env[variable];
		if (value === undefined || value === '') continue;
		const match = /^(\d+)\/(\d+)$/.exec(value.trim());
		if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
			throw new Error(`${variable} must look like <requests>/<seconds>, e.g. 30/300; got "${value}"`);
		}
		const requests = Number(match[1]);
		settings[name] = { burst: Math.min(requests, Math.max(30, settings[name].burst)), refill: requests, perSeconds: Number(match[2]) };
	}
	const period = env.DISCLOSE_AUTH_EMAIL_PERIOD_SECONDS;
	if (period !== undefined && period !== '') {
		if (!/^\d+$/.test(period.trim())) throw new Error(`DISCLOSE_AUTH_EMAIL_PERIOD_SECONDS must be a whole number of seconds; got "${period}"`);
		settings.emailPeriodSeconds = Number(period);
	}
	return settings;
}
