/**
 * Starts the signed-in area's sync once work waits on the device or a change is
 * sent (`sync-on-demand.ts` imports this then, off the first-load path): the supabase-js browser
 * client, the outbox with the drafts' transport, for `account` only (other
 * accounts' changes wait on the device for their own sign-in).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { browserClient, type BrowserBackend } from '$lib/data/browser-client';
import { draftDisplayTitle } from '$lib/components/compose/letter-values';
import type { Translate } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/locales';
import type { DeviceAccount } from './db-schema';
import { requestDraftTransport, type RequestDraftFields } from './drafts-sync';
import { connectSync } from './sync.svelte';

interface AppSyncOptions {
	backend: BrowserBackend;
	account: DeviceAccount;
	t: Translate;
	locale: () => Locale;
}

/**
 * Connects sync: `ready` resolves once it is connected, and fails when supabase-js could not load (offline
 * before it was ever kept: the caller tries again later); `stop` disconnects it (also when called before the
 * client is ready).
 */
export function startAppSync({ backend, account, t, locale }: AppSyncOptions): { stop: () => void; ready: Promise<void> } {
	let disconnect = () => {};
	let stopped = false;
	const copyTitle = (draft: RequestDraftFields, at: Date) => {
		const time = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
		return t('drafts.copyTitle', { title: draftDisplayTitle(draft.title, draft.templateId, draft.values, locale()), time });
	};
	const ready = browserClient(backend)
		.then((client) => {
			if (stopped) return;
			disconnect = connectSync(
				() => client as unknown as SupabaseClient,
				() => requestDraftTransport(client, { copyTitle }),
				{ account }
			);
		});
	return {
		ready,
		stop: () => {
			stopped = true;
			disconnect();
		}
	};
}
