/**
 * The SMTP_* environment variables (documented in SECURITY.md) as settings for
 * ../../mail/smtp.ts. A half or wrongly configured mail server stops start-up
 * with a message naming the variable, rather than failing at the first sign-in.
 */
import type { SmtpSettings } from '../../mail/smtp';

const ADDRESS = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;

export class SmtpConfigError extends Error {}

function value(env: Record<string, string | undefined>, name: string): string | undefined {
	const raw = env[name]?.trim();
	return raw ? raw : undefined;
}

function port(raw: string | undefined): number {
	if (raw === undefined) return 587;
	const parsed = Number(raw);
	if (!/^\d+$/.test(raw) || parsed < 1 || parsed > 65535) {
		throw new SmtpConfigError(`SMTP_PORT must be a port number from 1 to 65535 (got "${raw}").`);
	}
	return parsed;
}

function secure(raw: string | undefined, portNumber: number): boolean {
	if (raw === undefined) return portNumber === 465;
	if (raw === '1' || raw === 'true') return true;
	if (raw === '0' || raw === 'false') return portNumber === 465;
	throw new SmtpConfigError(`SMTP_SECURE must be 1 (implicit TLS) or 0 (STARTTLS when offered) (got "${raw}").`);
}

/** null when SMTP_HOST is not set (no SMTP); throws SmtpConfigError when the rest does not add up. */
export function smtpSettingsFromEnv(env: Record<string, string | undefined>): SmtpSettings | null {
	const host = value(env, 'SMTP_HOST');
	if (!host) return null;
	const address = value(env, 'SMTP_SENDER_EMAIL');
	if (!address) throw new SmtpConfigError('SMTP_HOST is set but SMTP_SENDER_EMAIL is not: set it to the address emails come from.');
	if (!ADDRESS.test(address)) {
		throw new SmtpConfigError(`SMTP_SENDER_EMAIL must be a plain address such as noreply@example.org (got "${address}").`);
	}
	const user = value(env, 'SMTP_USER');
	const pass = env.SMTP_PASS ?? '';
	if (!user && pass) throw new SmtpConfigError('SMTP_PASS is set but SMTP_USER is not.');
	if (user && !pass) throw new SmtpConfigError('SMTP_USER is set but SMTP_PASS is not.');
	const portNumber = port(value(env, 'SMTP_PORT'));
	return {
		host,
		port: portNumber,
		secure: secure(value(env, 'SMTP_SECURE'), portNumber),
		auth: user ? { user, pass } : undefined,
		sender: { address, name: value(env, 'SMTP_SENDER_NAME') ?? 'Disclose' }
	};
}
