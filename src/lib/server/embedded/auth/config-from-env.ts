/**
 * The embedded auth settings of the running app, from environment variables
 * (documented in SECURITY.md), with what start-up should tell the operator.
 */
import type { Sql } from 'postgres';
import { DEFAULT_MAX_CODE_ATTEMPTS, DEFAULT_OTP_EXPIRY_SECONDS, type AuthConfig } from './config';
import { devMailboxTransport } from './mailbox';
import { rateLimitsFromEnv } from './rate-limit';
import { parseRedirectList } from './redirects';
import { smtpSettingsFromEnv } from './smtp-from-env';
import { smtpTransport } from '../../mail/smtp';

export interface AuthEnvironment {
	env: Record<string, string | undefined>;
	/** `npm run dev` (SvelteKit's `dev`). */
	dev: boolean;
	/** dev, or DISCLOSE_UNSAFE_DEV_MAILBOX=1 (../../dev-mailbox.ts). */
	devMailbox: boolean;
	sql: Sql;
}

function wholeNumber(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
	const value = env[name];
	if (value === undefined || value === '') return fallback;
	if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new Error(`${name} must be a whole number of at least ${min}; got "${value}"`);
	return Number(value);
}

/** The public address of the app: DISCLOSE_SITE_URL, else adapter-node's ORIGIN. */
function siteUrlFromEnv(env: Record<string, string | undefined>): string | null {
	const value = env.DISCLOSE_SITE_URL || env.ORIGIN || '';
	if (value === '') return null;
	try {
		const url = new URL(value);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
		return url.toString();
	} catch {
		throw new Error(`DISCLOSE_SITE_URL / ORIGIN must be the app's public http(s) address; got "${value}"`);
	}
}

export function authConfigFromEnv(input: AuthEnvironment): { config: AuthConfig; warnings: string[] } {
	const { env } = input;
	const warnings: string[] = [];
	// The dev mailbox wins when enabled (development, or DISCLOSE_UNSAFE_DEV_MAILBOX=1); else SMTP when SMTP_HOST is set.
	const smtp = smtpSettingsFromEnv(env);
	const mailer = input.devMailbox ? devMailboxTransport(input.sql) : smtp ? smtpTransport(smtp) : null;
	if (input.devMailbox && smtp) warnings.push(`SMTP_HOST is set but the dev mailbox is on, so no email goes to ${smtp.host}.`);
	if (input.devMailbox && !input.dev) {
		warnings.push(
			'DISCLOSE_UNSAFE_DEV_MAILBOX=1: every sign-in link and code is shown to anyone at /dev/mailbox and the demo account ' +
				'has a published password. Never use this on a server other people can reach.'
		);
	}
	if (!mailer) {
		warnings.push(
			'Email is not configured: sign-in links, codes and invitations cannot be sent. Set SMTP_HOST and SMTP_SENDER_EMAIL ' +
				'(and SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_SENDER_NAME, SMTP_SECURE as your mail server needs); see SECURITY.md.'
		);
	}
	const siteUrl = siteUrlFromEnv(env);
	if (mailer && mailer.name !== 'dev-mailbox' && !siteUrl) {
		// Without it, links in emails would take their origin from each request's Host header.
		throw new Error('Email is configured but the site URL is not: set ORIGIN (or DISCLOSE_SITE_URL) to the address people open, e.g. https://disclose.example.org');
	}
	const rateLimits = rateLimitsFromEnv(env);
	if (!rateLimits) warnings.push('DISCLOSE_AUTH_RATE_LIMITS=off: sign-in, codes and emails are not rate limited.');
	const autoConfirm = input.dev || env.DISCLOSE_AUTH_AUTOCONFIRM === '1';
	return {
		config: {
			mailer,
			autoConfirm,
			rateLimits,
			otpExpirySeconds: wholeNumber(env, 'DISCLOSE_AUTH_OTP_EXPIRY_SECONDS', DEFAULT_OTP_EXPIRY_SECONDS, 60),
			maxCodeAttempts: wholeNumber(env, 'DISCLOSE_AUTH_MAX_CODE_ATTEMPTS', DEFAULT_MAX_CODE_ATTEMPTS, 1),
			redirects: { siteUrl, additionalRedirectUrls: parseRedirectList(env.DISCLOSE_ADDITIONAL_REDIRECT_URLS) }
		},
		warnings
	};
}
