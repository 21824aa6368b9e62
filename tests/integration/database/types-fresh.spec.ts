/**
 * src/lib/database.types.ts must match the schema the migrations build:
 * regenerate it with `npm run gen:types` after changing a migration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { startTestStack, type TestStack } from '../../support/stack';
import { generateDatabaseTypes } from '../../../src/lib/server/embedded/cli/types/database-types';

const TYPES_FILE = 'src/lib/database.types.ts';

/** The first line where two texts differ, for a readable failure. */
function firstDifference(expected: string, actual: string): string {
	const want = expected.split('\n');
	const have = actual.split('\n');
	const line = want.findIndex((text, i) => text !== have[i]);
	const at = line === -1 ? want.length : line;
	return `line ${at + 1}:\n  schema gives: ${want[at] ?? '(end of file)'}\n  file has:     ${have[at] ?? '(end of file)'}`;
}

describe('generated database types', () => {
	let t: TestStack;
	beforeAll(async () => {
		t = await startTestStack();
	});
	afterAll(async () => t?.close());

	it('src/lib/database.types.ts matches the migrated schema (else run `npm run gen:types`)', async () => {
		const generated = await generateDatabaseTypes(t.sql);
		const committed = await readFile(TYPES_FILE, 'utf8').catch(() => '');
		if (generated !== committed) {
			expect.fail(`${TYPES_FILE} is stale: run \`npm run gen:types\` and commit it. First difference at ${firstDifference(generated, committed)}`);
		}
	});

	it('generates byte-identical text from the same schema', async () => {
		expect(await generateDatabaseTypes(t.sql)).toBe(await generateDatabaseTypes(t.sql));
	});

	it('describes every public table, view and API function', async () => {
		const text = await generateDatabaseTypes(t.sql);
		for (const name of ['records_requests', 'request_events', 'organisation_agencies', 'create_organisation', 'public_disclosure_stats']) {
			expect(text).toContain(`\t${name}:`);
		}
		expect(text).toContain('request_status: "draft" | "sent"');
	});
});
