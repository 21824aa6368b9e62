/**
 * The dev mailbox: a mail transport that stores every email in
 * embedded.mailbox, shown at /dev/mailbox. Only ever used in development or
 * with DISCLOSE_UNSAFE_DEV_MAILBOX=1 (see ../../dev-mailbox.ts): anyone who can
 * read it can sign in as anyone.
 */
import type { Sql } from 'postgres';
import type { MailTransport } from '../../mail/transport';

export interface Mail {
	id: number;
	to_address: string;
	subject: string;
	body_text: string;
	link: string | null;
	sent_at: Date;
}

export function devMailboxTransport(sql: Sql): MailTransport {
	return {
		name: 'dev-mailbox',
		async send(mail) {
			await sql`insert into embedded.mailbox (to_address, subject, body_text, link)
				values (${mail.to.trim().toLowerCase()}, ${mail.subject}, ${mail.text}, ${mail.link ?? null})`;
		}
	};
}

export async function listMail(sql: Sql, to?: string): Promise<Mail[]> {
	return to
		? sql<Mail[]>`select * from embedded.mailbox where to_address = ${to.toLowerCase()} order by id desc limit 100`
		: sql<Mail[]>`select * from embedded.mailbox order by id desc limit 100`;
}
