/**
 * Whether a chosen file may be attached: its type (from the browser, or from
 * its name when the browser gives none) and its size, against the bucket's
 * limits. Pure: the picker shows the reason in words.
 */
import { ATTACHMENT_MIME_TYPES, ATTACHMENT_SIZE_LIMIT_BYTES, EXTENSION_MIME_TYPES, type AttachmentMimeType } from './limits';

export interface ChosenFile {
	name: string;
	type: string;
	size: number;
}

export type FileRefusal = 'type' | 'size' | 'empty';

export type FileCheck = { ok: true; mimeType: AttachmentMimeType } | { ok: false; reason: FileRefusal; mimeType: string };

/** Aliases browsers and phones use for allowed types. */
const ALIASES: Readonly<Record<string, AttachmentMimeType>> = {
	'image/jpg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'application/x-pdf': 'application/pdf',
	'text/comma-separated-values': 'text/csv'
};

function isAllowed(type: string): type is AttachmentMimeType {
	return (ATTACHMENT_MIME_TYPES as readonly string[]).includes(type);
}

export function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The MIME type to store the file as: the browser's (without parameters, aliases resolved), else the one its name implies. */
export function mimeTypeOf(file: Pick<ChosenFile, 'name' | 'type'>): string {
	const given = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
	const resolved = ALIASES[given] ?? given;
	if (resolved && resolved !== 'application/octet-stream') return resolved;
	return EXTENSION_MIME_TYPES[extensionOf(file.name)] ?? resolved;
}

export function checkFile(file: ChosenFile): FileCheck {
	const mimeType = mimeTypeOf(file);
	if (!isAllowed(mimeType)) return { ok: false, reason: 'type', mimeType };
	if (file.size <= 0) return { ok: false, reason: 'empty', mimeType };
	if (file.size > ATTACHMENT_SIZE_LIMIT_BYTES) return { ok: false, reason: 'size', mimeType };
	return { ok: true, mimeType };
}
