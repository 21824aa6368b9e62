/**
 * pgTAP's SQL, taken from an npm package so `npm test` needs no apt package
 * and no Docker: @electric-sql/pglite-pgtap ships pgTAP 1.3.5's install files
 * in dist/pgtap.tar.gz (built for PGlite, but the SQL is plain pgTAP). We read
 * `pgtap.sql` (the non-extension install script) out of that tarball and run
 * it into the `extensions` schema, where `supabase test db` puts pgTAP too.
 */
import type { Sql } from 'postgres';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const PACKAGE = '@electric-sql/pglite-pgtap';
const MEMBER = 'share/postgresql/extension/pgtap.sql';

function tarballPath(): string {
	let entry: string;
	try {
		entry = createRequire(import.meta.url).resolve(PACKAGE);
	} catch {
		throw new Error(
			`pgTAP is missing: the database tests load it from the npm package ${PACKAGE}. ` +
				`Run \`npm install\` (it is a devDependency), or \`npm install -E -D ${PACKAGE}@0.0.15\`.`
		);
	}
	const path = join(dirname(entry), 'pgtap.tar.gz');
	if (!existsSync(path)) throw new Error(`${PACKAGE} no longer ships ${path}; pin version 0.0.15.`);
	return path;
}

/** One file out of a (ustar) tar archive. */
export function readTarMember(archive: Buffer, wanted: string): Buffer | null {
	const text = (from: number, length: number) =>
		archive.toString('latin1', from, from + length).replace(/\0.*$/s, '');
	for (let offset = 0; offset + 512 <= archive.length; ) {
		const name = text(offset, 100);
		if (name === '') return null; // end-of-archive blocks
		const size = parseInt(text(offset + 124, 12).trim() || '0', 8);
		const prefix = text(offset + 257, 6).startsWith('ustar') ? text(offset + 345, 155) : '';
		const fullName = (prefix ? `${prefix}/${name}` : name).replace(/^\.\//, '');
		const type = text(offset + 156, 1);
		const start = offset + 512;
		if (fullName === wanted && (type === '0' || type === '')) return archive.subarray(start, start + size);
		offset = start + Math.ceil(size / 512) * 512;
	}
	return null;
}

export function pgTapInstallSql(): string {
	const member = readTarMember(gunzipSync(readFileSync(tarballPath())), MEMBER);
	if (!member) throw new Error(`${PACKAGE}: ${MEMBER} not found in pgtap.tar.gz`);
	return member.toString('utf8');
}

/** Installs pgTAP's functions into schema `extensions` of the connected database. */
export async function installPgTap(sql: Sql): Promise<void> {
	const install = pgTapInstallSql();
	await sql.begin(async (tx) => {
		await tx.unsafe('create schema if not exists extensions; set local search_path = extensions');
		await tx.unsafe(install);
	});
}
