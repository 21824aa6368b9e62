/**
 * Whether the dev mailbox (and the demo account with its published password)
 * exists: in development (`npm run dev`), or when an operator sets
 * DISCLOSE_UNSAFE_DEV_MAILBOX=1 (the end-to-end tests do, against `node build`).
 * Unsafe because /dev/mailbox shows every sign-in link and code to anyone:
 * never set it on a server other people can reach (SECURITY.md).
 */
import { dev } from '$app/environment';

export const UNSAFE_DEV_MAILBOX_VARIABLE = 'DISCLOSE_UNSAFE_DEV_MAILBOX';

export function devMailboxEnabled(env: Record<string, string | undefined> = process.env, isDev: boolean = dev): boolean {
	return isDev || env[UNSAFE_DEV_MAILBOX_VARIABLE] === '1';
}
