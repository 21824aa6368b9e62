/**
 * `npm run gen:types`: writes src/lib/database.types.ts from the schema in
 * supabase/migrations, without Docker. Starts a throwaway embedded PostgreSQL,
 * applies the Supabase bootstrap and every migration, reads the catalogs and
 * renders the `Database` type (database-types.ts).
 *
 *   node src/lib/server/embedded/cli/types/run-ts.mjs src/lib/server/embedded/cli/types/gen-types.ts           write the file
 *   node src/lib/server/embedded/cli/types/run-ts.mjs src/lib/server/embedded/cli/types/gen-types.ts --check   exit 1 if it is stale
 *
 * tests/integration/database/types-fresh.spec.ts runs the same generator in
 * the test suite and fails when the committed file differs.
 */
import postgres from 'postgres';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCluster } from '../../postgres/cluster';
import { migrate } from '../../postgres/migrate';
import { generateDatabaseTypes } from './database-types';

export const TYPES_FILE = 'src/lib/database.types.ts';

export default async function main(args: string[]): Promise<void> {
	const check = args.includes('--check');
	const dir = await mkdtemp(join(tmpdir(), 'disclose-gen-types-'));
	await chmod(dir, 0o755); // the cluster may run as the `postgres` OS user
	const cluster = await startCluster({ dir, ephemeral: true });
	try {
		const admin = postgres(cluster.url('postgres'), { max: 1, onnotice: () => {} });
		await admin.unsafe('create database gen_types');
		await admin.end();
		const sql = postgres(cluster.url('gen_types'), { max: 1, onnotice: () => {} });
		let text: string;
		try {
			await migrate(sql, resolve('supabase'), { seed: false, migratorUrl: cluster.migratorUrl('gen_types') });
			text = await generateDatabaseTypes(sql);
		} finally {
			await sql.end();
		}
		const current = existsSync(TYPES_FILE) ? await readFile(TYPES_FILE, 'utf8') : '';
		if (check) {
			if (current !== text) throw new Error(`${TYPES_FILE} is stale: run \`npm run gen:types\` and commit it.`);
			console.log(`${TYPES_FILE} is up to date.`);
		} else if (current === text) {
			console.log(`${TYPES_FILE} is up to date.`);
		} else {
			await writeFile(TYPES_FILE, text);
			console.log(`Wrote ${TYPES_FILE}.`);
		}
	} finally {
		await cluster.stop();
		await rm(dir, { recursive: true, force: true });
	}
}
