import { describe, expect, it } from 'vitest';
import { classifyRowInsert, classifyStorageUpload } from './upload-results';

describe('what a storage upload answer means', () => {
	it('done, and done again when the object already exists (a retry after a lost answer)', () => {
		expect(classifyStorageUpload(null)).toEqual({ ok: true });
		expect(classifyStorageUpload({ message: 'The resource already exists', status: 400, statusCode: '409' })).toEqual({ ok: true });
	});

	it('no answer: try later', () => {
		expect(classifyStorageUpload({ message: 'Failed to fetch', name: 'StorageUnknownError' })).toMatchObject({ ok: false, failure: 'network' });
		expect(classifyStorageUpload({ message: 'Bad gateway', status: 502, statusCode: '502' })).toMatchObject({ ok: false, failure: 'network' });
	});

	it('refused by the bucket (size, type) or by row-level security, with the reason', () => {
		expect(classifyStorageUpload({ message: 'The object exceeded the maximum allowed size', status: 400, statusCode: '413' })).toMatchObject({ failure: 'refused', refusal: 'size' });
		expect(classifyStorageUpload({ message: 'mime type text/html is not supported', status: 400, statusCode: '415' })).toMatchObject({ failure: 'refused', refusal: 'type' });
		expect(classifyStorageUpload({ message: 'new row violates row-level security policy', status: 400, statusCode: '403' })).toMatchObject({ failure: 'refused', refusal: 'forbidden' });
	});

	it('an expired session waits for a new sign-in', () => {
		expect(classifyStorageUpload({ message: 'jwt expired', status: 400, statusCode: 'InvalidJWT' })).toMatchObject({ failure: 'auth' });
	});
});

describe('what the attachments row insert answer means', () => {
	it('done, no answer, or refused with the reason', () => {
		expect(classifyRowInsert({ status: 201, error: null })).toEqual({ ok: true });
		expect(classifyRowInsert({ status: 0, error: { message: 'TypeError: Failed to fetch' } })).toMatchObject({ failure: 'network' });
		expect(classifyRowInsert({ status: 403, error: { message: 'new row violates row-level security policy', code: '42501' } })).toMatchObject({ refusal: 'forbidden' });
		expect(classifyRowInsert({ status: 409, error: { message: 'violates foreign key constraint "attachments_event_fkey"', code: '23503' } })).toMatchObject({ refusal: 'missing' });
		expect(classifyRowInsert({ status: 401, error: { message: 'JWT expired', code: 'PGRST303' } })).toMatchObject({ failure: 'auth' });
	});
});
