/**
 * The dev mailbox: with no mail server in embedded mode, every email the
 * stack (or the app) would send is stored here and shown at /dev/mailbox.
 */
import type { Sql } from 'postgres';

export interface Mail {
	id: number;
	to_address: string;
	subject: string;
	body_text: string;
	link: string | null;
	sent_at: Date;
}

export async function deliverMail(
	sql: Sql,
	mail: { to: string; subject: string; text: string; link?: string | null }
): Promise<void> {
	await sql`insert into embedded.mailbox (to_address, subject, body_text, link)
		values (${mail.to}, ${mail.subject}, ${mail.text}, ${mail.link ?? null})`;
}

export async function listMail(sql: Sql, to?: string): Promise<Mail[]> {
	return to
		? sql<Mail[]>`select * from embedded.mailbox where to_address = ${to.toLowerCase()} order by id desc limit 100`
		: sql<Mail[]>`select * from embedded.mailbox order by id desc limit 100`;
}
