/** A short, language-neutral name for a file type, as people know it from file names: "PDF", "PNG", "DOCX". */
import { EXTENSION_MIME_TYPES } from './limits';

export function typeLabel(mimeType: string): string {
	const extension = Object.entries(EXTENSION_MIME_TYPES).find(([, type]) => type === mimeType)?.[0];
	if (extension) return extension === 'jpg' ? 'JPEG' : extension.toUpperCase();
	return mimeType || '?';
}
