/**
 * Development aids — the dev mailbox (/dev/mailbox, where the embedded default
 * "sends" its emails) and the demo account's known password — answer without
 * sign-in, so they exist only under `npm run dev`, or when the operator sets
 * DISCLOSE_UNSAFE_DEV_AIDS=1 (UNSAFE: anyone who reaches the server can read
 * every sign-in code and take over any account; for test runs on loopback only).
 */
import { dev } from '$app/environment';

export const DEV_AIDS_VARIABLE = 'DISCLOSE_UNSAFE_DEV_AIDS';

export function devAidsEnabled(): boolean {
	return dev || process.env[DEV_AIDS_VARIABLE] === '1';
}
