/**
 * Runs every pgTAP file in supabase/tests/database (the files
 * `supabase test db` runs) against this file's fresh copy of the migrated and
 * seeded database, and reports each TAP assertion as its own test. They run
 * as `postgres`, the non-superuser `supabase test db` connects as on a
 * Supabase project (pgTAP itself is installed by the superuser, as the
 * extension is there).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTestStack } from '../../support/stack';
import { installPgTap } from './pgtap-source';
import { runTapFile, type TapFileResult } from './tap-runner';

const TESTS_DIR = resolve('supabase/tests/database');
const files = readdirSync(TESTS_DIR)
	.filter((file) => /\.(sql|pg)$/.test(file))
	.sort();

const t = await startTestStack();
afterAll(() => t.close());

await installPgTap(t.sql);
const [{ database }] = (await t.sql`select current_database() as database`) as unknown as [{ database: string }];
const databaseUrl = inject('migratorUrl').replace(/\/postgres$/, `/${database}`);

const results: TapFileResult[] = [];
for (const file of files) results.push(await runTapFile(databaseUrl, join(TESTS_DIR, file)));

describe('pgTAP suite', () => {
	it('finds the test files', () => {
		expect(files.length).toBeGreaterThan(0);
	});
});

for (const result of results) {
	describe(`pgTAP ${result.file}`, () => {
		for (const assertion of result.assertions) {
			it(`${assertion.number} - ${assertion.description}`, () => {
				if (!assertion.ok) expect.fail([`not ok ${assertion.number}`, ...assertion.diagnostics].join('\n'));
			});
		}
		it('runs its whole plan without errors', () => {
			const problems = [
				result.error && `Stopped by an error: ${result.error}`,
				result.planned === null && 'No plan: the file must call plan(n)',
				result.planned !== null &&
					result.planned !== result.assertions.length &&
					`Planned ${result.planned} tests but ran ${result.assertions.length}`,
				...result.notes.filter((note) => /^Looks like/.test(note))
			].filter(Boolean);
			if (problems.length > 0) expect.fail(problems.join('\n'));
		});
	});
}
