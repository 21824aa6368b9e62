/**
 * What signing out asks first (loaded by SignOutForm.svelte when the button is
 * pressed): nothing when none of the account's changes wait on this device,
 * else the question with their count. The device database and the question
 * load only when something waits (work-waits.ts says so cheaply first).
 */
import type { Component } from 'svelte';
import { loadCatalog } from '$lib/i18n/context';
import type { Locale } from '$lib/i18n/locales';
import type { DeviceAccount } from './db-schema';
import { deviceWorkWaits } from './work-waits';

export type SignOutQuestion = Component<{ email: string; waiting: number; onanswer: (signOut: boolean) => void }>;

/** How many of the account's changes wait on this device; 0 when the device cannot tell (then nothing to warn about). */
async function countWaiting(account: DeviceAccount): Promise<number> {
	try {
		if (!(await deviceWorkWaits())) return 0;
		const { readDeviceWork } = await import('./db');
		return (await readDeviceWork(account)).waiting;
	} catch {
		return 0;
	}
}

/** The question to ask before `account` signs out, or null when there is nothing to ask. */
export async function signOutQuestion(account: DeviceAccount, locale: Locale): Promise<{ Question: SignOutQuestion; waiting: number } | null> {
	const waiting = await countWaiting(account);
	if (waiting === 0) return null;
	const [{ default: Question }] = await Promise.all([import('./SignOutQuestion.svelte'), loadCatalog(locale)]);
	return { Question, waiting };
}
