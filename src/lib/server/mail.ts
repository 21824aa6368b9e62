/**
 * The app's mailer: the one place app code sends email from.
 *
 * - Embedded default (no PUBLIC_SUPABASE_URL): every email goes to the dev
 *   mailbox (/dev/mailbox), as the embedded auth server's own emails do.
 * - A real Supabase project: Supabase sends its own auth emails, but there is
 *   no mail server the app controls, so nothing is sent and the caller gets
 *   `{ delivered: false }` (the team page then shows the owner the link to
 *   share themselves).
 *
 * Later: an SMTP (or provider API) transport is one more `MailTransport`,
 * chosen in `currentTransport()` when its settings are present (for example
 * SMTP_URL in $env/dynamic/private). Callers do not change.
 */
import { isEmbedded } from './backend';
import { embeddedRuntime } from './embedded/default';
import { deliverMail } from './embedded/auth/mailbox';

export interface OutgoingMail {
	to: string;
	subject: string;
	/** Plain text body (no HTML: it reads the same in every client and in the dev mailbox). */
	text: string;
	/** The one link the email is about, shown as a button in the dev mailbox. */
	link?: string | null;
}

export type MailResult = { delivered: true; via: string } | { delivered: false; reason: 'no-transport' };

export interface MailTransport {
	/** Short name for logs and results, e.g. 'dev-mailbox'. */
	name: string;
	send(mail: OutgoingMail): Promise<void>;
}

const devMailbox: MailTransport = {
	name: 'dev-mailbox',
	async send(mail) {
		const { stack } = await embeddedRuntime();
		await deliverMail(stack.sql, { to: mail.to.trim().toLowerCase(), subject: mail.subject, text: mail.text, link: mail.link ?? null });
	}
};

function currentTransport(): MailTransport | null {
	if (isEmbedded()) return devMailbox;
	// No transport the app controls yet with a real Supabase project (see the note above).
	return null;
}

/** Sends one email if the app has a way to; a failing transport throws. */
export async function sendMail(mail: OutgoingMail, transport: MailTransport | null = currentTransport()): Promise<MailResult> {
	if (!transport) return { delivered: false, reason: 'no-transport' };
	await transport.send(mail);
	return { delivered: true, via: transport.name };
}
