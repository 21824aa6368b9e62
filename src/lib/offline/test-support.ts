/**
 * Test support for the offline specs: a fresh in-memory IndexedDB per test and
 * a transport that answers from a script. Imported by specs only.
 */
import { IDBFactory } from 'fake-indexeddb';
import { closeDatabase } from './db';
import type { OutboxEntry } from './db-schema';
import type { OutboxTransport, SendResult } from './transport';

/** Close the app's connection and swap in an empty IndexedDB. */
export async function useFreshDatabase(): Promise<void> {
	await closeDatabase();
	globalThis.indexedDB = new IDBFactory();
}

export const accepted: SendResult = { ok: true };
export const noAnswer: SendResult = { ok: false, failure: 'network', message: 'TypeError: Failed to fetch' };
export const sessionExpired: SendResult = { ok: false, failure: 'auth', message: 'JWT expired', code: 'PGRST303' };
export const refused: SendResult = {
	ok: false,
	failure: 'rejected',
	message: 'new row violates row-level security policy for table "records_requests"',
	code: '42501'
};

export interface ScriptedTransport extends OutboxTransport {
	/** Every entry handed to `send`, in order, as it was at that moment. */
	sent: OutboxEntry[];
}

/** Answers each send with the next scripted result (the last one repeats), or with `answer(entry)`. */
export function scriptedTransport(script: SendResult[] | ((entry: OutboxEntry) => SendResult | Promise<SendResult>)): ScriptedTransport {
	const sent: OutboxEntry[] = [];
	return {
		sent,
		async send(entry) {
			sent.push(structuredClone(entry));
			if (typeof script === 'function') return script(entry);
			return script[Math.min(sent.length - 1, script.length - 1)] ?? accepted;
		}
	};
}

export function mutation(id: string, operation: OutboxEntry['operation'] = 'upsert', payload: Record<string, unknown> = { title: id }) {
	return { id, table: 'records_requests', operation, payload };
}
