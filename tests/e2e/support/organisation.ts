import { expect, type Page } from '@playwright/test';
import { signIn } from './sign-in';
import { rest } from './rest';

/**
 * Signs in a new person (`<who>-<time>@example.org`), who creates an organisation on /app
 * as a person would; returns it and the id of one directory agency (by abbreviation) in it.
 */
export async function ownerOfNewOrganisation(page: Page, who: string, name: string, abbreviation: string): Promise<{ orgId: string; agencyId: string }> {
	await signIn(page, `${who}-${Date.now()}@example.org`);
	await page.getByLabel('Organisation name').fill(name);
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('status')).toContainText('created');
	const [org] = await rest<{ id: string }[]>(page, '/rest/v1/organisations?select=id');
	const [agency] = await rest<{ agency_id: string }[]>(
		page,
		`/rest/v1/organisation_agencies?select=agency_id&organisation_id=eq.${org!.id}&abbreviation=eq.${abbreviation}`
	);
	return { orgId: org!.id, agencyId: agency!.agency_id };
}
