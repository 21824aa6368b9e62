// Placeholder: replaced by the Storage-compatible implementation.
import type { Sql } from 'postgres';

export function createStorageHandler(_options: { sql: Sql; jwtSecret: string; storageDir: string }) {
	return {
		handle: async (_request: Request, _path: string) =>
			Response.json({ statusCode: '501', error: 'NotImplemented', message: 'Not implemented yet' }, { status: 400 })
	};
}
