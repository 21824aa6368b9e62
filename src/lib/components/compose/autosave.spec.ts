import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestDraft } from '$lib/offline/drafts-sync';
import { DraftAutosave, SaveCodeMissingError, type OfflineModules } from './autosave.svelte';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

const SNAPSHOT = { id: 'draft-1', organisationId: 'org-1', fields: { templateId: 'cora', title: 'Detainer requests', values: {}, agencyIds: [], restoredFrom: null } };

/** Saving code that stores into `stored` (the device database is not what is tested here). */
function savingCode(stored: unknown[]): OfflineModules {
	const sync = {
		saveRequestDraft: async (draft: unknown) => {
			stored.push(draft);
			return { ...SNAPSHOT, kind: 'request_draft', updatedAt: '2026-12-07T10:00:00.000Z', syncedAt: null, serverVersion: null, deviceId: 'device-1' } as unknown as RequestDraft;
		},
		hasUnsyncedChanges: () => true
	};
	const ids = { newId: () => 'draft-1', deviceId: async () => 'device-1' };
	return [sync, ids] as unknown as OfflineModules;
}

describe('DraftAutosave when the saving code cannot load', () => {
	it('says the code is missing (not a raw error), keeps the change and saves it once the network is back', async () => {
		const network = new EventTarget();
		vi.stubGlobal('window', network);
		vi.stubGlobal('navigator', { onLine: false });
		const stored: unknown[] = [];
		let reachable = false;
		const load = vi.fn(async () => {
			if (!reachable) throw new SaveCodeMissingError(new TypeError('Failed to fetch dynamically imported module'));
			return savingCode(stored);
		});
		const saved = vi.fn();
		const autosave = new DraftAutosave(0, saved, load);

		autosave.schedule(() => SNAPSHOT);
		await autosave.flush();
		expect(autosave.state).toBe('failed');
		expect(autosave.codeMissing).toBe(true);
		expect(autosave.error).toBe('');
		expect(autosave.pending).toBe(true);
		expect(stored).toEqual([]);

		reachable = true;
		vi.stubGlobal('navigator', { onLine: true });
		network.dispatchEvent(new Event('online'));
		await vi.waitFor(() => expect(saved).toHaveBeenCalledOnce());
		expect(stored).toEqual([expect.objectContaining({ id: 'draft-1', deviceId: 'device-1' })]);
		expect(autosave.state).toBe('local');
		expect(autosave.codeMissing).toBe(false);
		expect(autosave.pending).toBe(false);
	});

	it('on a weak signal that sends no online event, tries the code again after a pause and saves', async () => {
		vi.useFakeTimers();
		vi.stubGlobal('window', new EventTarget());
		vi.stubGlobal('navigator', { onLine: true });
		const stored: unknown[] = [];
		const load = vi.fn<() => Promise<OfflineModules>>().mockRejectedValueOnce(new SaveCodeMissingError()).mockRejectedValueOnce(new SaveCodeMissingError()).mockResolvedValue(savingCode(stored));
		const autosave = new DraftAutosave(0, () => {}, load);
		autosave.schedule(() => SNAPSHOT);
		await vi.advanceTimersByTimeAsync(0);
		expect(autosave.codeMissing).toBe(true);
		await vi.advanceTimersByTimeAsync(2_000);
		expect(stored).toHaveLength(1);
		expect(autosave.state).toBe('local');
		expect(autosave.codeMissing).toBe(false);
	});

	it('shows any other failure in its own words and does not wait for the network', async () => {
		const network = new EventTarget();
		vi.stubGlobal('window', network);
		const load = vi.fn(async () => {
			throw new Error('QuotaExceededError: the device is full');
		});
		const autosave = new DraftAutosave(0, () => {}, load);
		autosave.schedule(() => SNAPSHOT);
		await autosave.flush();
		expect(autosave.state).toBe('failed');
		expect(autosave.codeMissing).toBe(false);
		expect(autosave.error).toBe('QuotaExceededError: the device is full');
		network.dispatchEvent(new Event('online'));
		await Promise.resolve();
		expect(load).toHaveBeenCalledTimes(1);
	});
});
