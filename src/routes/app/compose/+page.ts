import { browser } from '$app/environment';
import { composeEn } from '$lib/i18n/catalog/compose.en';
import { provideEnglishPart } from '$lib/i18n/catalogs.svelte';
import { takeEarlyDraftRead } from '$lib/offline/early-draft';
import { openedDraft, type OpenedDraft } from '$lib/offline/opened-draft';
import type { PageLoad } from './$types';

/**
 * The filing panel, the deletion form and the removed-agencies notice are rendered into the
 * server's page (their forms work without JavaScript); in the browser, the composer loads
 * them only when shown.
 * In the browser, the draft named in the address is read from the device here, while the
 * page hydrates (`deviceDraft`, begun by `src/app.html` on a first load): the composer
 * shows it as soon as it mounts, offline above all. The sync code and the letter engine
 * load once the page is painted (Composer.svelte).
 */
// The composer's strings come with its first load (elsewhere they are a chunk of their own, catalogs.svelte.ts).
provideEnglishPart('compose', composeEn);

export const load: PageLoad = async ({ data, url, parent }) => {
	let deviceDraft: Promise<OpenedDraft | undefined> | null = null;
	if (browser) {
		const wanted = url.searchParams.get('draft');
		if (wanted) {
			const early = takeEarlyDraftRead(wanted);
			deviceDraft = parent()
				.then(async ({ user }) => {
					// The account is named: the layout has not yet told the device who is signed in (device-account.ts).
					const account = user ? { userId: user.id, email: user.email } : null;
					const stored = early ? await early : await (await import('$lib/offline/db')).getDraft(wanted, account);
					return openedDraft(stored, account, data.serverDraft);
				})
				.catch(() => undefined);
		}
	}
	return {
		...data,
		deviceDraft,
		filingPanel: browser ? null : (await import('$lib/components/filing/FilingPanel.svelte')).default,
		deleteDraft: browser ? null : (await import('$lib/components/compose/DeleteDraft.svelte')).default,
		agenciesRemovedNotice: browser ? null : (await import('$lib/components/compose/AgenciesRemovedNotice.svelte')).default
	};
};
