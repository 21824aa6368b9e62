/**
 * The real uploader: supabase-js Storage for the bytes, PostgREST for the row.
 * Both steps are idempotent (same object key, same row id), so a retry after
 * a lost answer never duplicates.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { ATTACHMENTS_BUCKET } from './limits';
import { classifyRowInsert, classifyStorageUpload, type StepResult, type StorageErrorLike } from './upload-results';

export type AttachmentRow = Database['public']['Tables']['attachments']['Insert'] & { id: string };

export interface AttachmentUploader {
	/** Whether the event is on the server (and visible): its files wait until it is. */
	eventExists(eventId: string): Promise<StepResult & { exists?: boolean }>;
	uploadObject(path: string, blob: Blob, contentType: string): Promise<StepResult>;
	insertRow(row: AttachmentRow): Promise<StepResult>;
}

function networkFailure(error: unknown): StepResult {
	return { ok: false, failure: 'network', message: error instanceof Error ? error.message : String(error) };
}

export function supabaseUploader(client: SupabaseClient<Database>): AttachmentUploader {
	return {
		async eventExists(eventId) {
			try {
				const response = await client.from('request_events').select('id').eq('id', eventId).maybeSingle();
				const result = classifyRowInsert(response);
				return result.ok ? { ok: true, exists: response.data !== null } : result;
			} catch (error) {
				return networkFailure(error);
			}
		},
		async uploadObject(path, blob, contentType) {
			try {
				const { error } = await client.storage.from(ATTACHMENTS_BUCKET).upload(path, blob, { contentType, upsert: false });
				return classifyStorageUpload(error as StorageErrorLike | null);
			} catch (error) {
				return networkFailure(error);
			}
		},
		async insertRow(row) {
			try {
				// A creation: replaying it after a lost answer must not duplicate or overwrite the row.
				const response = await client.from('attachments').upsert(row, { onConflict: 'id', ignoreDuplicates: true });
				return classifyRowInsert(response);
			} catch (error) {
				return networkFailure(error);
			}
		}
	};
}
