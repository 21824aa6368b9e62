import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, message } from './catalogs.svelte';
import { coreEn } from './catalog/core.en';
import { composeEn } from './catalog/compose.en';
import { draftsEn } from './catalog/drafts.en';
import type { MessageKey } from './en';

/** Every message key written literally in `files`. */
function keysUsedIn(files: string[]): Set<string> {
	const keys = new Set<string>();
	for (const file of files) {
		// t('key'), and keys kept in tables (`problem: 'drafts.deleteFailed'`).
		for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z]+\.[A-Za-z0-9_.]+)'|: '((?:compose|drafts)\.[A-Za-z0-9_.]+)'/g)) keys.add((match[1] ?? match[2])!);
	}
	return keys;
}

const svelteIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.svelte')).map((f) => join(dir, f));

describe('catalog parts', () => {
	// Loaded with their strings (the drafts part) when shown: see Composer.svelte.
	const withDraftsPart = ['DeleteDraft.svelte', 'DraftClosedNotice.svelte', 'deletion-problem.ts', 'AgenciesRemovedNotice.svelte'].map((f) =>
		join('src/lib/components/compose', f)
	);
	// What the composer shows only once something has happened: it loads the drafts part first (Composer.svelte),
	// or the page answers a form sent without JavaScript, which loads the whole catalog (src/routes/+layout.ts).
	const afterAnEvent = ['compose.notOnDevice', 'compose.changedElsewhere', 'compose.openCopy', 'compose.saved', 'compose.conflictSaved'];

	it('the lean part has every string the composer renders up front', () => {
		const lean = { ...coreEn, ...composeEn } as Record<string, string>;
		const files = [
			'src/routes/+layout.svelte',
			'src/routes/app/+layout.svelte',
			...svelteIn('src/routes/app/compose'),
			...svelteIn('src/lib/components/compose').filter((file) => !withDraftsPart.includes(file)),
			'src/lib/components/Field.svelte',
			'src/lib/offline/SignOutForm.svelte',
			'src/lib/components/LatePanel.svelte'
		];
		const used = keysUsedIn(files);
		expect(used.size).toBeGreaterThan(50);
		expect([...used].filter((key) => !(key in lean) && !afterAnEvent.includes(key))).toEqual([]);
		expect(afterAnEvent.filter((key) => !(key in draftsEn))).toEqual([]);
	});

	it('the drafts part has every other string the drafts list and the deletion render up front', () => {
		const parts = { ...coreEn, ...composeEn, ...draftsEn } as Record<string, string>;
		const used = keysUsedIn([...svelteIn('src/routes/app/drafts'), ...withDraftsPart]);
		expect([...used].filter((key) => key.startsWith('drafts.delete'))).not.toEqual([]);
		expect([...used].filter((key) => !(key in parts))).toEqual([]);
	});

	it('only the core part is there from the start; a string outside it loads with the full catalog', async () => {
		const key = 'tracking.title' as MessageKey;
		expect(message('en', 'nav.signIn')).toBe('Sign in');
		expect(message('en', key)).toBeUndefined();
		await loadCatalog('en', 'full');
		expect(message('en', 'compose.title')).toBe('New records request');
		expect(message('en', key)).toBeTypeOf('string');
		await loadCatalog('es', 'full');
		expect(message('es', 'nav.signIn')).toBe('Entrar');
	});
});
