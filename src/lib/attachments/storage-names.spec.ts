import { describe, expect, it } from 'vitest';
import { attachmentObjectPath, safeStorageName, SAFE_NAME_MAX_LENGTH } from './storage-names';

describe('safe storage names', () => {
	it('keep letters, digits, dots, dashes and underscores', () => {
		expect(safeStorageName('Response_2025-11.pdf')).toBe('Response_2025-11.pdf');
	});

	it('drop accents and turn spaces, slashes and other characters into one dash', () => {
		expect(safeStorageName('Respuesta de la Agencia (año 2025).pdf')).toBe('Respuesta-de-la-Agencia-ano-2025.pdf');
		expect(safeStorageName('a/b\\c?d#e%f.txt')).toBe('a-b-c-d-e-f.txt');
		expect(safeStorageName('../../etc/passwd')).toBe('etc-passwd');
	});

	it('are never empty or dots only', () => {
		expect(safeStorageName('日本語')).toBe('file');
		expect(safeStorageName('...')).toBe('file');
		expect(safeStorageName('')).toBe('file');
	});

	it('are cut to a bounded length, keeping the ending', () => {
		const name = safeStorageName(`${'x'.repeat(300)}.pdf`);
		expect(name.length).toBeLessThanOrEqual(SAFE_NAME_MAX_LENGTH);
		expect(name.endsWith('.pdf')).toBe(true);
	});

	it('make the object path <organisation>/<request>/<id>-<safe name>', () => {
		expect(attachmentObjectPath('org', 'req', 'id-1', 'My photo.png')).toBe('org/req/id-1-My-photo.png');
	});
});
