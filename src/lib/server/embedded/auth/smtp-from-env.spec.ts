import { describe, expect, it } from 'vitest';
import { SmtpConfigError, smtpSettingsFromEnv } from './smtp-from-env';

const base = { SMTP_HOST: 'smtp.example.org', SMTP_SENDER_EMAIL: 'noreply@example.org' };

function refusal(env: Record<string, string | undefined>): string {
	try {
		smtpSettingsFromEnv(env);
	} catch (error) {
		expect(error).toBeInstanceOf(SmtpConfigError);
		return (error as Error).message;
	}
	throw new Error('expected a SmtpConfigError');
}

describe('SMTP settings from the environment', () => {
	it('without SMTP_HOST (unset, empty or blank) there is no SMTP, whatever else is set', () => {
		expect(smtpSettingsFromEnv({})).toBeNull();
		expect(smtpSettingsFromEnv({ SMTP_HOST: '', SMTP_PORT: 'nonsense' })).toBeNull();
		expect(smtpSettingsFromEnv({ SMTP_HOST: '   ', SMTP_SENDER_EMAIL: 'not an address' })).toBeNull();
	});

	it('host and sender alone: port 587, STARTTLS when offered, no login, sender name Disclose', () => {
		expect(smtpSettingsFromEnv(base)).toEqual({
			host: 'smtp.example.org',
			port: 587,
			secure: false,
			auth: undefined,
			sender: { address: 'noreply@example.org', name: 'Disclose' }
		});
	});

	it('reads every setting, trimming spaces (the password is kept as given)', () => {
		const settings = smtpSettingsFromEnv({
			SMTP_HOST: ' mail.example.org ',
			SMTP_PORT: ' 2525 ',
			SMTP_USER: ' mailer ',
			SMTP_PASS: ' s3cret ',
			SMTP_SENDER_EMAIL: ' foia@example.org ',
			SMTP_SENDER_NAME: ' Records Desk ',
			SMTP_SECURE: '1'
		});
		expect(settings).toEqual({
			host: 'mail.example.org',
			port: 2525,
			secure: true,
			auth: { user: 'mailer', pass: ' s3cret ' },
			sender: { address: 'foia@example.org', name: 'Records Desk' }
		});
	});

	it('port 465 means TLS from the start; SMTP_SECURE=1/true turns it on elsewhere, 0/false leaves STARTTLS', () => {
		expect(smtpSettingsFromEnv({ ...base, SMTP_PORT: '465' })?.secure).toBe(true);
		expect(smtpSettingsFromEnv({ ...base, SMTP_PORT: '465', SMTP_SECURE: '0' })?.secure).toBe(true);
		expect(smtpSettingsFromEnv({ ...base, SMTP_SECURE: 'true' })?.secure).toBe(true);
		expect(smtpSettingsFromEnv({ ...base, SMTP_SECURE: 'false' })?.secure).toBe(false);
		expect(smtpSettingsFromEnv({ ...base, SMTP_SECURE: '' })?.secure).toBe(false);
	});

	it('refuses an SMTP_SECURE other than 1/0/true/false, naming it', () => {
		expect(refusal({ ...base, SMTP_SECURE: 'yes' })).toBe('SMTP_SECURE must be 1 (implicit TLS) or 0 (STARTTLS when offered) (got "yes").');
	});

	it.each(['0', '65536', 'smtp', '25.5', '-1', '0x19'])('refuses SMTP_PORT=%s with a clear message', (port) => {
		expect(refusal({ ...base, SMTP_PORT: port })).toBe(`SMTP_PORT must be a port number from 1 to 65535 (got "${port}").`);
	});

	it('accepts the edge ports 1 and 65535', () => {
		expect(smtpSettingsFromEnv({ ...base, SMTP_PORT: '1' })?.port).toBe(1);
		expect(smtpSettingsFromEnv({ ...base, SMTP_PORT: '65535' })?.port).toBe(65535);
	});

	it('a host without a sender address is refused, naming SMTP_SENDER_EMAIL', () => {
		expect(refusal({ SMTP_HOST: 'smtp.example.org' })).toBe(
			'SMTP_HOST is set but SMTP_SENDER_EMAIL is not: set it to the address emails come from.'
		);
		expect(refusal({ SMTP_HOST: 'smtp.example.org', SMTP_SENDER_EMAIL: '  ' })).toMatch(/SMTP_SENDER_EMAIL is not/);
	});

	it.each(['Disclose <noreply@example.org>', 'noreply', 'noreply@localhost', 'a b@example.org', 'a@b.org,c@d.org'])(
		'refuses the sender "%s": a plain address only',
		(address) => {
			expect(refusal({ ...base, SMTP_SENDER_EMAIL: address })).toBe(
				`SMTP_SENDER_EMAIL must be a plain address such as noreply@example.org (got "${address}").`
			);
		}
	);

	it('user and password go together', () => {
		expect(refusal({ ...base, SMTP_USER: 'mailer' })).toBe('SMTP_USER is set but SMTP_PASS is not.');
		expect(refusal({ ...base, SMTP_USER: 'mailer', SMTP_PASS: '' })).toBe('SMTP_USER is set but SMTP_PASS is not.');
		expect(refusal({ ...base, SMTP_PASS: 'secret' })).toBe('SMTP_PASS is set but SMTP_USER is not.');
		expect(refusal({ ...base, SMTP_USER: ' ', SMTP_PASS: 'secret' })).toBe('SMTP_PASS is set but SMTP_USER is not.');
	});
});
