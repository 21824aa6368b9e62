/**
 * The SMTP mail transport: sends plain-text email through the operator's mail
 * server (SMTP_* variables, read in ../embedded/auth/config-from-env.ts and
 * documented in SECURITY.md). One transporter, no pool: sign-in mail is rare.
 */
import nodemailer from 'nodemailer';
import type { MailTransport } from './transport';

export interface SmtpSettings {
	host: string;
	port: number;
	/** Implicit TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
	secure: boolean;
	/** Omitted for a server that takes mail without signing in (e.g. a local relay). */
	auth?: { user: string; pass: string };
	sender: { address: string; name: string };
}

/** Short timeouts: a sign-in request should not hang for nodemailer's default two minutes. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function smtpTransport(settings: SmtpSettings): MailTransport {
	const transporter = nodemailer.createTransport({
		host: settings.host,
		port: settings.port,
		secure: settings.secure,
		auth: settings.auth,
		...TIMEOUTS
	});
	return {
		name: 'smtp',
		async send(mail) {
			try {
				await transporter.sendMail({
					from: { name: settings.sender.name, address: settings.sender.address },
					to: mail.to,
					subject: mail.subject,
					text: mail.text
				});
			} catch (error) {
				const reason = error instanceof Error ? error.message : String(error);
				throw new Error(`SMTP: could not send email via ${settings.host}:${settings.port}: ${reason}`, { cause: error });
			}
		}
	};
}
