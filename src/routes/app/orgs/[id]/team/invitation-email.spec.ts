import { describe, expect, it } from 'vitest';
import { invitationEmail, invitationLink } from './invitation-email';

describe('the invitation email', () => {
	const link = invitationLink('https://disclose.example', 'abc123');

	it('links to the accept page with the token', () => {
		expect(link).toBe('https://disclose.example/invitations/accept?token=abc123');
	});

	it('says the same thing in English and Spanish in one email', () => {
		const mail = invitationEmail({
			to: 'ana@example.org',
			organisation: 'Front Range Records',
			role: 'viewer',
			inviter: 'owner@example.org',
			link,
			expiresAt: '2026-12-02T17:00:00Z'
		});
		expect(mail.to).toBe('ana@example.org');
		expect(mail.subject).toBe('Invitation to join Front Range Records on Disclose / Invitación para unirte a Front Range Records en Disclose');
		expect(mail.text).toContain('owner@example.org invited you to join Front Range Records on Disclose as Viewer.');
		expect(mail.text).toContain('owner@example.org te invitó a unirte a Front Range Records en Disclose como Lector.');
		expect(mail.text.split(link)).toHaveLength(3);
		expect(mail.text).toContain('Dec 2, 2026');
		expect(mail.link).toBe(link);
	});
});
