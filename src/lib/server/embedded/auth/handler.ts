// Placeholder: replaced by the Auth-compatible implementation.
import type { Sql } from 'postgres';
import type { StackKeys } from '../keys';

export function createAuthHandler(_options: { sql: Sql; keys: StackKeys }) {
	return {
		handle: async (_request: Request, _path: string) =>
			Response.json({ code: 'unexpected_failure', message: 'Not implemented yet' }, { status: 500 })
	};
}
