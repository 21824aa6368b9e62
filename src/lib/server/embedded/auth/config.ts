/**
 * What an embedded auth server is allowed to do, decided once at start-up
 * (from the environment in the app: ./config-from-env.ts; explicitly in tests).
 */
import type { MailTransport } from '../../mail/transport';
import type { RateLimitSettings } from './rate-limit';
import type { RedirectPolicy } from './redirects';

export interface AuthConfig {
	/** Where auth emails go; null when no mail is configured (sign-in by email then fails clearly). */
	mailer: MailTransport | null;
	/** Sign-up returns a session at once (Supabase's `enable_confirmations = false`); otherwise a confirmation email is sent. */
	autoConfirm: boolean;
	/** Per-IP, per-address and server-wide limits (./rate-limit.ts); null turns them off. */
	rateLimits: RateLimitSettings | null;
	/** Seconds an emailed link or code stays valid. */
	otpExpirySeconds: number;
	/** Wrong codes for one address before its code is dead. */
	maxCodeAttempts: number;
	/** Site URL and allowed redirect URLs (./redirects.ts). */
	redirects: RedirectPolicy;
}

/**
 * 15 minutes: shorter than Supabase's default (`otp_expiry = 3600`, and its security
 * advisor flags anything longer), since a six-digit code is the weaker secret.
 */
export const DEFAULT_OTP_EXPIRY_SECONDS = 900;
/** A code is dead after this many wrong tries (GoTrue has no per-code counter; it relies on the verify rate limit). */
export const DEFAULT_MAX_CODE_ATTEMPTS = 5;

/**
 * For harnesses that build a stack by hand (integration tests, benchmarks): the
 * caller passes its mailer; sign-up confirms at once, as `supabase start` does;
 * no rate limits unless a test asks for them; links on the request's origin.
 */
export function harnessAuthConfig(mailer: MailTransport | null, overrides: Partial<AuthConfig> = {}): AuthConfig {
	return {
		mailer,
		autoConfirm: true,
		rateLimits: null,
		otpExpirySeconds: DEFAULT_OTP_EXPIRY_SECONDS,
		maxCodeAttempts: DEFAULT_MAX_CODE_ATTEMPTS,
		redirects: { siteUrl: null, additionalRedirectUrls: [] },
		...overrides
	};
}
