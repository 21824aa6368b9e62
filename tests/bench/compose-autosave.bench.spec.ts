/**
 * Autosave cost measured at unit level: one `saveRequestDraft` (the write a
 * batch of keystrokes ends in: draft put + outbox entry) on fake-indexeddb in
 * Node, p50/p95 over many batches. fake-indexeddb is slower than a browser's
 * IndexedDB, so this is an upper bound; the Chromium bench prints the real write.
 */
import 'fake-indexeddb/auto';
import { it } from 'vitest';
import { newId } from '../../src/lib/offline/ids';
import { saveRequestDraft } from '../../src/lib/offline/drafts-sync';
import { percentile, printFigure } from './figures';

const BATCHES = 200;

it('prints the cost of one autosave (keystroke batch) on fake-indexeddb', async () => {
	const id = newId();
	let text = '';
	const times: number[] = [];
	for (let i = 0; i < BATCHES; i++) {
		text += 'Every subpoena from ICE and the answer. ';
		const started = performance.now();
		await saveRequestDraft({
			id,
			organisationId: 'de000000-0000-4000-8000-000000000010',
			fields: { templateId: 'initial_request', title: '', values: { subject_summary: 'ICE subpoenas', records_description: text }, agencyIds: [] },
			deviceId: 'bench'
		});
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	printFigure(`autosave per keystroke batch, fake-indexeddb p50 (${BATCHES} batches; target < 16 ms)`, percentile(times, 50), 'ms');
	printFigure('autosave per keystroke batch, fake-indexeddb p95', percentile(times, 95), 'ms');
});
