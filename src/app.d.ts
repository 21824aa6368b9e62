// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Session, SupabaseClient, User } from '@supabase/supabase-js';
import type { Locale } from '$lib/i18n/locales';
import type { Database } from '$lib/database.types';

declare global {
	namespace App {
		interface Locals {
			supabase: SupabaseClient<Database>;
			/** Validates the user with the Auth server; never trust getSession() alone on the server. */
			safeGetSession(): Promise<{ session: Session | null; user: User | null }>;
			session: Session | null;
			user: User | null;
			locale: Locale;
			embedded: boolean;
			/** The dev mailbox exists (embedded default in development, or DISCLOSE_UNSAFE_DEV_MAILBOX=1). */
			devMailbox: boolean;
			backend: { url: string; publishableKey: string };
		}
		// interface Error {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
