/**
 * The device checks files against src/lib/attachments/limits.ts; the bucket
 * and the table check against the migration. They must say the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';
import { ATTACHMENT_MIME_TYPES, ATTACHMENT_SIZE_LIMIT_BYTES, ATTACHMENTS_BUCKET } from '../../../src/lib/attachments/limits';

describe('the attachment limits the app checks on the device', () => {
	let t: TestStack;
	beforeAll(async () => {
		t = await startTestStack();
	});
	afterAll(async () => t?.close());

	it('match the private attachments bucket row in storage.buckets', async () => {
		const [bucket] = await t.sql`select public, file_size_limit, allowed_mime_types from storage.buckets where id = ${ATTACHMENTS_BUCKET}`;
		expect(bucket).toBeDefined();
		expect(bucket!.public).toBe(false);
		expect(Number(bucket!.file_size_limit)).toBe(ATTACHMENT_SIZE_LIMIT_BYTES);
		expect(bucket!.allowed_mime_types).toEqual([...ATTACHMENT_MIME_TYPES]);
	});

	it('match the attachments table checks (private.attachment_mime_types and the size_bytes range)', async () => {
		const [types] = await t.sql`select private.attachment_mime_types() as types`;
		expect(types!.types).toEqual([...ATTACHMENT_MIME_TYPES]);
		const [check] = await t.sql`
			select pg_get_constraintdef(oid) as definition from pg_constraint
			where conrelid = 'public.attachments'::regclass and conname = 'attachments_size_bytes_range'`;
		expect(check!.definition).toContain(`${ATTACHMENT_SIZE_LIMIT_BYTES}`);
	});
});
