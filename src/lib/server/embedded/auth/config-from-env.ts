/**
 * The embedded auth settings of the running app, from environment variables
 * (documented in SECURITY.md), with what start-up should tell the operator.
 */
import type { Sql } from 'postgres';
import type { AuthConfig } from './config';
import { devMailboxTransport } from './mailbox';
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
	const autoConfirm = input.dev || env.DISCLOSE_AUTH_AUTOCONFIRM === '1';
	return { config: { mailer, autoConfirm }, warnings };
}
