// Placeholder: replaced by the PostgREST-compatible implementation.
import type { Sql } from 'postgres';

export async function createRestHandler(_options: { sql: Sql; jwtSecret: string }) {
	return {
		handle: async (_request: Request, _path: string) =>
			Response.json({ code: 'PGRST127', message: 'Not implemented yet', details: null, hint: null }, { status: 400 }),
		reloadSchema: async () => {}
	};
}
