/**
 * The app's mailer: the one place app code sends email from.
 *
 * - Embedded default (no PUBLIC_SUPABASE_URL): the embedded auth server's own
 *   transport (SMTP when configured, the dev mailbox in development), so the
 *   app's emails go where sign-in emails go.
 * - A real Supabase project: Supabase sends its own auth emails; the app has
 *   no transport of its own, so nothing is sent and the caller gets
 *   `{ delivered: false }` (the team page then shows the owner the link to
 *   share themselves).
 */
import { isEmbedded } from './backend';
import { embeddedRuntime } from './embedded/default';
import type { MailTransport, OutgoingMail } from './mail/transport';

export type { MailTransport, OutgoingMail } from './mail/transport';

export type MailResult = { delivered: true; via: string } | { delivered: false; reason: 'no-transport' };

async function currentTransport(): Promise<MailTransport | null> {
	if (!isEmbedded()) return null;
	return (await embeddedRuntime()).stack.auth.mailer;
}

/** Sends one email if the app has a way to; a failing transport throws. */
export async function sendMail(mail: OutgoingMail, transport?: MailTransport | null): Promise<MailResult> {
	const chosen = transport === undefined ? await currentTransport() : transport;
	if (!chosen) return { delivered: false, reason: 'no-transport' };
	await chosen.send(mail);
	return { delivered: true, via: chosen.name };
}
