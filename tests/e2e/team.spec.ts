import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible } from './support/a11y';
import { signIn } from './support/sign-in';

/** The public anon key of this run's embedded stack (what the browser's supabase-js uses). */
function anonKey(): string {
	const status = JSON.parse(readFileSync(`.data-e2e-${process.env.E2E_PORT}/status.json`, 'utf8')) as { anonKey: string };
	return status.anonKey;
}

/** The signed-in user's access token, read from the session cookie @supabase/ssr keeps. */
async function accessToken(context: BrowserContext): Promise<string> {
	const chunks = (await context.cookies())
		.filter((c) => /^sb-.+-auth-token(\.\d+)?$/.test(c.name))
		.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
		.map((c) => c.value)
		.join('');
	const json = chunks.startsWith('base64-') ? Buffer.from(chunks.slice(7), 'base64url').toString('utf8') : decodeURIComponent(chunks);
	return (JSON.parse(json) as { access_token: string }).access_token;
}

async function createOrganisation(page: Page, name: string): Promise<string> {
	await page.getByLabel('Organisation name').fill(name);
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await page.getByRole('list', { name: 'Your organisations' }).getByRole('link', { name }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	return new URL(page.url()).pathname.split('/').pop()!;
}

async function invitationLinkFor(page: Page, email: string, options: { checkA11y?: boolean } = {}): Promise<string> {
	await page.goto('/dev/mailbox');
	const mail = page.getByRole('article').filter({ hasText: email }).filter({ hasText: 'Invitation to join' }).first();
	await expect(mail).toContainText('Invitación para unirte');
	if (options.checkA11y) await expectAccessible(page);
	const href = await mail.getByRole('link', { name: 'Open the link in this email' }).getAttribute('href');
	expect(href).toMatch(/\/invitations\/accept\?token=[0-9a-f]{48}$/);
	return href!;
}

test('an owner invites a viewer by email; the viewer accepts and sees the team read-only; the owner makes them editor', async ({ page, browser }) => {
	const stamp = Date.now();
	const ownerEmail = `team-owner-${stamp}@example.org`;
	const inviteeEmail = `team-viewer-${stamp}@example.org`;
	const orgName = `Team Test ${stamp}`;

	await signIn(page, ownerEmail);
	const orgId = await createOrganisation(page, orgName);
	await expect(page.getByText('Your role: Owner')).toBeVisible();
	await expectAccessible(page);

	// Validation in words, with JavaScript.
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByText('Enter the email address of the person to invite.')).toBeVisible();
	await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');

	await page.getByLabel('Email address').fill(inviteeEmail);
	await expect(page.getByRole('radio', { name: 'Viewer' })).toBeChecked();
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByRole('status').filter({ hasText: `Invitation emailed to ${inviteeEmail} as Viewer` })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Pending invitations' })).toContainText(inviteeEmail);
	await expectAccessible(page);

	const link = await invitationLinkFor(page, inviteeEmail, { checkA11y: true });

	// Someone signed in with another address is told why they cannot accept.
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText(`This invitation was sent to ${inviteeEmail}, but you are signed in as ${ownerEmail}.`);
	await expect(page.getByRole('button', { name: /Accept and join/ })).toHaveCount(0);
	await expectAccessible(page);

	// The invitee, signed out, is told what this is and sent to sign in.
	const invitee = await browser.newContext();
	const inviteePage = await invitee.newPage();
	await inviteePage.goto(link);
	await expect(inviteePage.getByText('You have been invited to join an organisation on Disclose')).toBeVisible();
	await expect(inviteePage.getByRole('link', { name: 'Sign in to accept' })).toHaveAttribute('href', /^\/login\?next=%2Finvitations%2Faccept%3Ftoken%3D/);
	await expectAccessible(inviteePage);

	await signIn(inviteePage, inviteeEmail);
	await inviteePage.goto(link);
	await expect(inviteePage.getByText(`${inviteeEmail} is invited to join ${orgName} as Viewer.`)).toBeVisible();
	await expectAccessible(inviteePage);
	await inviteePage.getByRole('button', { name: `Accept and join ${orgName}` }).click();
	await expect(inviteePage).toHaveURL(new RegExp(`/app/orgs/${orgId}\\?joined$`));
	await expect(inviteePage.getByRole('status')).toContainText(`Welcome to ${orgName}: you joined as Viewer.`);
	await expect(inviteePage.getByText('Your role: Viewer')).toBeVisible();

	// Read-only: the team is listed, and there is nothing to press but "leave".
	const members = inviteePage.getByRole('list', { name: 'Members' });
	await expect(members).toContainText(ownerEmail);
	await expect(members).toContainText(inviteeEmail);
	await expect(inviteePage.getByText('Only owners can invite people, change roles or remove members.')).toBeVisible();
	for (const name of [/Change role/, /^Remove/, /Revoke/, 'Send invitation']) {
		await expect(inviteePage.getByRole('button', { name })).toHaveCount(0);
	}
	await expect(inviteePage.getByRole('combobox')).toHaveCount(0);
	await expect(inviteePage.getByRole('textbox')).toHaveCount(0);
	await expect(inviteePage.getByRole('heading', { name: 'Pending invitations' })).toHaveCount(0);
	await expectAccessible(inviteePage);

	// The link works once.
	await inviteePage.goto(link);
	await expect(inviteePage.getByRole('alert')).toContainText('This invitation has already been used.');
	await expectAccessible(inviteePage);

	// A forged edit through the REST API with the viewer's own session: RLS refuses it.
	const headers = { apikey: anonKey(), authorization: `Bearer ${await accessToken(invitee)}` };
	const rows = await inviteePage.request.get(`/rest/v1/memberships?organisation_id=eq.${orgId}&select=user_id,role`, { headers });
	const memberships = (await rows.json()) as { user_id: string; role: string }[];
	const viewerId = memberships.find((m) => m.role === 'viewer')!.user_id;
	const promote = await inviteePage.request.patch(`/rest/v1/memberships?organisation_id=eq.${orgId}&user_id=eq.${viewerId}`, {
		headers: { ...headers, prefer: 'return=representation' },
		data: { role: 'owner' }
	});
	expect(await promote.json()).toEqual([]);
	const forgedInvite = await inviteePage.request.post('/rest/v1/rpc/create_invitation', {
		headers,
		data: { organisation_id: orgId, email: 'friend@example.org', role: 'owner' }
	});
	expect(forgedInvite.ok()).toBe(false);
	expect(await forgedInvite.json()).toMatchObject({ code: '42501', message: 'Only owners of this organisation can invite members' });

	// A forged post of the owners' form action: the page says no, and nothing changes.
	await inviteePage.goto(`/app/orgs/${orgId}`);
	await inviteePage.evaluate((userId) => {
		const form = document.createElement('form');
		form.method = 'POST';
		form.action = '?/changeRole';
		for (const [name, value] of Object.entries({ userId, email: 'me', role: 'owner' })) {
			const input = document.createElement('input');
			input.type = 'hidden';
			input.name = name;
			input.value = value;
			form.append(input);
		}
		document.body.append(form);
		form.submit();
	}, viewerId);
	await expect(inviteePage.getByRole('alert')).toContainText('Nothing was changed: only owners can manage this team');
	await inviteePage.goto(`/app/orgs/${orgId}`);
	await expect(inviteePage.getByText('Your role: Viewer')).toBeVisible();

	// The owner makes them an editor.
	await page.goto(`/app/orgs/${orgId}`);
	await expect(page.getByRole('list', { name: 'Pending invitations' })).toHaveCount(0);
	await expect(page.getByText('No pending invitations.')).toBeVisible();
	await page.getByRole('combobox', { name: `Role for ${inviteeEmail}` }).selectOption('editor');
	await page.getByRole('button', { name: `Change role for ${inviteeEmail}` }).click();
	await expect(page.getByRole('status')).toContainText(`${inviteeEmail} is now Editor.`);
	await inviteePage.reload();
	await expect(inviteePage.getByText('Your role: Editor')).toBeVisible();

	// The last-owner rule, in words.
	await page.getByRole('combobox', { name: `Role for ${ownerEmail}` }).selectOption('viewer');
	await page.getByRole('button', { name: `Change role for ${ownerEmail}` }).click();
	await expect(page.getByRole('alert')).toContainText('An organisation must keep at least one owner. Make another member an owner first.');
	await expect(page.getByText('You are the only owner, so you cannot leave')).toBeVisible();
	await expectAccessible(page);

	// Removing asks first; cancelling changes nothing; confirming removes.
	await page.getByRole('button', { name: `Remove ${inviteeEmail}` }).click();
	await expect(page.getByText(`Remove ${inviteeEmail} from ${orgName}?`)).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Cancel' }).click();
	await expect(page.getByText(`Remove ${inviteeEmail} from ${orgName}?`)).toHaveCount(0);
	await expect(page.getByRole('list', { name: 'Members' })).toContainText(inviteeEmail);
	await page.getByRole('button', { name: `Remove ${inviteeEmail}` }).click();
	await page.getByRole('button', { name: `Yes, remove ${inviteeEmail}` }).click();
	await expect(page.getByRole('status')).toContainText(`${inviteeEmail} was removed from the team.`);
	await expect(page.getByRole('list', { name: 'Members' })).not.toContainText(inviteeEmail);
	await inviteePage.reload();
	await expect(inviteePage.getByRole('heading', { name: 'This page does not exist.' })).toBeVisible();
	await invitee.close();
});

test('without JavaScript: the invite form keeps what was typed, revoking asks first, and a wrong account is told why', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const stamp = Date.now();
	const ownerEmail = `nojs-owner-${stamp}@example.org`;
	const inviteeEmail = `nojs-invitee-${stamp}@example.org`;
	await signIn(page, ownerEmail);
	const orgName = `No Script ${stamp}`;
	await createOrganisation(page, orgName);

	await page.getByLabel('Email address').fill('not-an-email');
	await page.getByRole('radio', { name: 'Editor' }).check();
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByText('Enter a valid email address, like name@example.org.')).toBeVisible();
	await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
	await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('radio', { name: 'Editor' })).toBeChecked();

	await page.getByLabel('Email address').fill(inviteeEmail);
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByRole('status')).toContainText(`Invitation emailed to ${inviteeEmail} as Editor`);

	// Inviting the same address again says the old link no longer works.
	await page.getByLabel('Email address').fill(inviteeEmail);
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByRole('status')).toContainText(`The earlier invitation to ${inviteeEmail} was replaced`);
	// Inviting a member is refused in words.
	await page.getByLabel('Email address').fill(ownerEmail);
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByRole('alert')).toContainText(`${ownerEmail} is already a member of this organisation.`);
	await expect(page.getByLabel('Email address')).toHaveValue(ownerEmail);

	// The owner opens the invitee's link while signed in as themselves.
	const link = await invitationLinkFor(page, inviteeEmail);
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText(`This invitation was sent to ${inviteeEmail}, but you are signed in as ${ownerEmail}.`);
	await expect(page.getByRole('button', { name: `Accept and join ${orgName}` })).toHaveCount(0);

	// Revoking asks first, then the link stops working.
	await page.goto('/app');
	await page.getByRole('link', { name: orgName }).click();
	await page.getByRole('button', { name: `Revoke the invitation to ${inviteeEmail}` }).click();
	await expect(page.getByText(`Revoke the invitation to ${inviteeEmail}? Its link stops working.`)).toBeVisible();
	await page.getByRole('button', { name: 'Yes, revoke the invitation' }).click();
	await expect(page.getByRole('status')).toContainText(`The invitation to ${inviteeEmail} was revoked.`);
	await expect(page.getByText('No pending invitations.')).toBeVisible();
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText('This invitation link does not work');
	await context.close();
});
