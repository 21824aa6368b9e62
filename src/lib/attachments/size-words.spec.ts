import { describe, expect, it } from 'vitest';
import { sizeInWords } from './size-words';
import { ATTACHMENT_SIZE_LIMIT_BYTES } from './limits';

describe('a size in words', () => {
	it('says bytes, kilobytes and megabytes in English', () => {
		expect(sizeInWords(1, 'en')).toBe('1 byte');
		expect(sizeInWords(512, 'en')).toBe('512 bytes');
		expect(sizeInWords(1536, 'en')).toBe('1.5 kilobytes');
		expect(sizeInWords(ATTACHMENT_SIZE_LIMIT_BYTES, 'en')).toBe('25 megabytes');
		expect(sizeInWords(250 * 1024 * 1024, 'en')).toBe('250 megabytes');
	});

	it('says them in Spanish', () => {
		expect(sizeInWords(2.5 * 1024 * 1024, 'es')).toBe('2,5 megabytes');
	});

	it('never goes negative', () => {
		expect(sizeInWords(-5, 'en')).toBe('0 bytes');
	});
});
