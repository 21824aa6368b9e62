import { describe, expect, it } from 'vitest';
import { checkFile, mimeTypeOf } from './file-checks';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MIME_TYPES, ATTACHMENT_SIZE_LIMIT_BYTES, EXTENSION_MIME_TYPES } from './limits';

describe('checking a chosen file', () => {
	it('accepts a phone photo and a PDF within the limit', () => {
		expect(checkFile({ name: 'IMG_0001.jpg', type: 'image/jpeg', size: 2_000_000 })).toEqual({ ok: true, mimeType: 'image/jpeg' });
		expect(checkFile({ name: 'letter.pdf', type: 'application/pdf', size: ATTACHMENT_SIZE_LIMIT_BYTES })).toEqual({ ok: true, mimeType: 'application/pdf' });
	});

	it('refuses a file one byte over the bucket limit', () => {
		expect(checkFile({ name: 'scan.pdf', type: 'application/pdf', size: ATTACHMENT_SIZE_LIMIT_BYTES + 1 })).toMatchObject({ ok: false, reason: 'size' });
	});

	it('refuses a type the bucket does not allow, and an empty file', () => {
		expect(checkFile({ name: 'setup.exe', type: 'application/x-msdownload', size: 10 })).toEqual({ ok: false, reason: 'type', mimeType: 'application/x-msdownload' });
		expect(checkFile({ name: 'page.html', type: 'text/html', size: 10 })).toMatchObject({ ok: false, reason: 'type' });
		expect(checkFile({ name: 'empty.pdf', type: 'application/pdf', size: 0 })).toMatchObject({ ok: false, reason: 'empty' });
	});

	it('takes the type from the name when the browser gives none, and resolves aliases and parameters', () => {
		expect(mimeTypeOf({ name: 'Mail from CDLE.msg', type: '' })).toBe('application/vnd.ms-outlook');
		expect(mimeTypeOf({ name: 'photo.HEIC', type: 'application/octet-stream' })).toBe('image/heic');
		expect(mimeTypeOf({ name: 'x.jpg', type: 'image/jpg' })).toBe('image/jpeg');
		expect(mimeTypeOf({ name: 'notes.txt', type: 'text/plain;charset=utf-8' })).toBe('text/plain');
		expect(checkFile({ name: 'no-ending', type: '', size: 5 })).toEqual({ ok: false, reason: 'type', mimeType: '' });
	});

	it('offers every allowed type and ending to the file input, and maps every ending to an allowed type', () => {
		for (const type of ATTACHMENT_MIME_TYPES) expect(ATTACHMENT_ACCEPT.split(',')).toContain(type);
		for (const type of Object.values(EXTENSION_MIME_TYPES)) expect(ATTACHMENT_MIME_TYPES).toContain(type);
	});
});
