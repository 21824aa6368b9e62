import { describe, expect, it, vi } from 'vitest';
import type { Sql } from 'postgres';
import { roleSettings, settingsOf } from './role-settings';

/** A pool whose reads of pg_db_role_setting fail `failures` times, then give `rows` (the query itself is the integration tests' business). */
function pool(failures: number, rows: { role: string; name: string; value: string }[]) {
	const read = vi.fn(async () => {
		if (failures-- > 0) throw new Error('Connection terminated unexpectedly');
		return rows;
	});
	return { sql: read as unknown as Sql, read };
}

describe('roleSettings', () => {
	const rows = [
		{ role: 'authenticator', name: 'statement_timeout', value: '8s' },
		{ role: 'anon', name: 'statement_timeout', value: '3s' }
	];

	it('forgets a failed read, so the next request reads them again instead of failing for good', async () => {
		const { sql, read } = pool(1, rows);
		await expect(roleSettings(sql)).rejects.toThrow('Connection terminated unexpectedly');
		const settings = await roleSettings(sql);
		expect(settingsOf(settings, 'anon')).toEqual({ statement_timeout: '3s' });
		await roleSettings(sql);
		expect(read).toHaveBeenCalledTimes(2);
	});

	it('gives a role without settings of its own those of authenticator', async () => {
		const { sql } = pool(0, rows);
		expect(settingsOf(await roleSettings(sql), 'service_role')).toEqual({ statement_timeout: '8s' });
	});
});
