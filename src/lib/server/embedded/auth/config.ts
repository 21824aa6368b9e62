/**
 * What an embedded auth server is allowed to do, decided once at start-up
 * (from the environment in the app: ./config-from-env.ts; explicitly in tests).
 */
import type { MailTransport } from '../../mail/transport';

export interface AuthConfig {
	/** Where auth emails go; null when no mail is configured (sign-in by email then fails clearly). */
	mailer: MailTransport | null;
	/** Sign-up returns a session at once (Supabase's `enable_confirmations = false`); otherwise a confirmation email is sent. */
	autoConfirm: boolean;
}

/**
 * For harnesses that build a stack by hand (integration tests, benchmarks): the
 * caller passes its mailer; sign-up confirms at once, as `supabase start` does.
 */
export function harnessAuthConfig(mailer: MailTransport | null): AuthConfig {
	return { mailer, autoConfirm: true };
}
