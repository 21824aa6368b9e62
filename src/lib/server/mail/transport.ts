/**
 * How an email leaves the server. Framework-free: the embedded auth server and
 * the app's mailer (../mail.ts) both send through one of these.
 */
export interface OutgoingMail {
	to: string;
	subject: string;
	/** Plain text body (no HTML: it reads the same in every client and in the dev mailbox). */
	text: string;
	/** The one link the email is about, shown as a button in the dev mailbox. */
	link?: string | null;
}

export interface MailTransport {
	/** Short name for logs and results, e.g. 'dev-mailbox' or 'smtp'. */
	name: string;
	send(mail: OutgoingMail): Promise<void>;
}
