/**
 * Ids made on the device: a record's UUID is its primary key from the moment
 * it is typed, so a replayed sync never creates it twice.
 */
import { getOrCreateMeta } from './db';

/** A random (version 4) UUID. `crypto.randomUUID` needs a secure context; the fallback does not. */
export function newId(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
	bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
	const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let knownDeviceId: Promise<string> | null = null;

/** This device's id, made once and kept in the database's `meta` store. */
export function deviceId(): Promise<string> {
	knownDeviceId ??= getOrCreateMeta('deviceId', newId).catch((error: unknown) => {
		knownDeviceId = null;
		throw error;
	});
	return knownDeviceId;
}

/** Forget the remembered id (tests, or after the database was deleted). */
export function forgetDeviceId(): void {
	knownDeviceId = null;
}
