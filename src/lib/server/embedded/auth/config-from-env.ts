/**
 * The embedded auth settings of the running app, from environment variables
 * (documented in SECURITY.md), with what start-up should tell the operator.
 */
import type { Sql } from 'postgres';
import type { AuthConfig } from './config';
import { devMailboxTransport } from './mailbox';

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
	const mailer = input.devMailbox ? devMailboxTransport(input.sql) : null;
	if (input.devMailbox && !input.dev) {
		warnings.push(
			'DISCLOSE_UNSAFE_DEV_MAILBOX=1: every sign-in link and code is shown to anyone at /dev/mailbox and the demo account ' +
				'has a published password. Never use this on a server other people can reach.'
		);
	}
	if (!mailer) {
		warnings.push('Email is not configured: sign-in links, codes and invitations cannot be sent. See SECURITY.md.');
	}
	const autoConfirm = input.dev || env.DISCLOSE_AUTH_AUTOCONFIRM === '1';
	return { config: { mailer, autoConfirm }, warnings };
}
