/**
 * Object names in the attachments bucket: `<organisation>/<request>/<attachment id>-<safe name>`.
 * The id makes the name unique (and a retried upload land on the same key);
 * the safe name keeps it readable while avoiding what object keys refuse.
 */
import { extensionOf } from './file-checks';

/** Longest safe name kept (the whole segment stays far below storage's 255 bytes). */
export const SAFE_NAME_MAX_LENGTH = 100;

/** ASCII letters, digits, `.`, `_` and `-` only; accents dropped, everything else one `-`; never empty, never dots only. */
export function safeStorageName(fileName: string): string {
	const ascii = fileName
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/-*\.-*/g, '.')
		.replace(/^[-.]+|[-.]+$/g, '');
	const extension = extensionOf(ascii);
	let name = ascii || 'file';
	if (name.length > SAFE_NAME_MAX_LENGTH) {
		const suffix = extension && extension.length < 10 ? `.${extension}` : '';
		name = name.slice(0, SAFE_NAME_MAX_LENGTH - suffix.length).replace(/[-.]+$/, '') + suffix;
	}
	return name;
}

export function attachmentObjectPath(organisationId: string, requestId: string, attachmentId: string, fileName: string): string {
	return `${organisationId}/${requestId}/${attachmentId}-${safeStorageName(fileName)}`;
}
