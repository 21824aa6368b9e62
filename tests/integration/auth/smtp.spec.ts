/**
 * Real email on the embedded default: the SMTP transport (nodemailer) against a real SMTP server
 * started here on loopback (the smtp-server package), with real supabase-js signing in by code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startTestStack, type TestStack } from '../../support/stack';
import { smtpTransport, type SmtpSettings } from '../../../src/lib/server/mail/smtp';

interface Received {
	from: string;
	to: string[];
	raw: string;
}

let server: SMTPServer;
let port: number;
const received: Received[] = [];
let t: TestStack;
let wrongPassword: TestStack;
let noMail: TestStack;

function settings(pass: string): SmtpSettings {
	return { host: '127.0.0.1', port, secure: false, auth: { user: 'disclose', pass }, sender: { address: 'noreply@disclose.test', name: 'Disclose' } };
}

beforeAll(async () => {
	server = new SMTPServer({
		authOptional: false,
		allowInsecureAuth: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onAuth(auth, _session, callback) {
			if (auth.username === 'disclose' && auth.password === 'mail-secret') callback(null, { user: auth.username });
			else callback(new Error('Invalid username or password'));
		},
		onData(stream, session, callback) {
			let raw = '';
			stream.setEncoding('utf8');
			stream.on('data', (chunk: string) => (raw += chunk));
			stream.on('end', () => {
				received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.server.address() as AddressInfo).port;
	t = await startTestStack({ auth: { mailer: smtpTransport(settings('mail-secret')) } });
	wrongPassword = await startTestStack({ auth: { mailer: smtpTransport(settings('not-the-password')) } });
	noMail = await startTestStack({ auth: { mailer: null } });
});
afterAll(async () => {
	await Promise.all([t?.close(), wrongPassword?.close(), noMail?.close()]);
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The decoded text body of a received message (nodemailer sends quoted-printable for non-ASCII text). */
function body(raw: string): string {
	const text = raw.slice(raw.indexOf('\r\n\r\n') + 4);
	return text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('SMTP', () => {
	it('sends the sign-in email through the SMTP server, and its code signs in', async () => {
		const { error } = await t.anon().auth.signInWithOtp({ email: 'smtp-user@example.org' });
		expect(error).toBeNull();
		const mail = received.find((m) => m.to.includes('smtp-user@example.org'));
		expect(mail?.from).toBe('noreply@disclose.test');
		expect(mail?.raw).toMatch(/^From: Disclose <noreply@disclose\.test>/m);
		expect(mail?.raw).toMatch(/^Subject: .*Disclose/m);
		const text = body(mail!.raw);
		expect(text).toContain(`${t.url}/auth/confirm?token_hash=`);
		const code = /code: (\d{6})/.exec(text)![1]!;
		const verified = await t.anon().auth.verifyOtp({ email: 'smtp-user@example.org', token: code, type: 'email' });
		expect(verified.error).toBeNull();
		expect(verified.data.session?.user.email).toBe('smtp-user@example.org');
	});

	it('answers a failed send with a 500 and no session', async () => {
		const before = received.length;
		const { data, error } = await wrongPassword.anon().auth.signInWithOtp({ email: 'refused@example.org' });
		expect(error?.status).toBe(500);
		expect(data.session).toBeNull();
		expect(await rawOtp(wrongPassword, 'refused@example.org')).toEqual({ status: 500, message: 'Error sending email' });
		expect(received.length).toBe(before);
	});

	it('says email is not configured when there is no mail server', async () => {
		const { error } = await noMail.anon().auth.signInWithOtp({ email: 'nobody-configured@example.org' });
		expect(error?.status).toBe(500);
		const raw = await rawOtp(noMail, 'nobody-configured@example.org');
		expect(raw.message).toMatch(/no mail server is configured/);
		expect(await noMail.sql`select 1 from auth.users where email = 'nobody-configured@example.org'`).toHaveLength(0);
	});
});

async function rawOtp(stack: TestStack, email: string) {
	const response = await fetch(`${stack.url}/auth/v1/otp`, {
		method: 'POST',
		headers: { apikey: stack.anonKey, 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
		body: JSON.stringify({ email })
	});
	return { status: response.status, message: ((await response.json()) as { message: string }).message };
}
