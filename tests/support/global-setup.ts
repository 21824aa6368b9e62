/**
 * Integration tests: one throwaway PostgreSQL cluster for the whole run, and
 * one migrated + seeded template database. Each test file clones the template
 * (CREATE DATABASE … TEMPLATE), so files never share state.
 */
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startCluster } from '../../src/lib/server/embedded/postgres/cluster';
import { migrate } from '../../src/lib/server/embedded/postgres/migrate';

export const TEMPLATE_DB = 'disclose_template';

declare module 'vitest' {
	export interface ProvidedContext {
		clusterUrl: string;
		/** `postgres`, the non-superuser migrations run as (database `postgres`). */
		migratorUrl: string;
		templateDb: string;
	}
}

export default async function setup(project: TestProject) {
	const dir = join(tmpdir(), `disclose-test-${randomBytes(4).toString('hex')}`);
	await mkdir(dir, { recursive: true });
	await chmod(dir, 0o755); // the cluster may run as the `postgres` OS user
	const cluster = await startCluster({ dir, ephemeral: true });
	const admin = postgres(cluster.url('postgres'), { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${TEMPLATE_DB}`);
	await admin.end();
	const db = postgres(cluster.url(TEMPLATE_DB), { max: 1, onnotice: () => {} });
	try {
		await migrate(db, resolve('supabase'), { migratorUrl: cluster.migratorUrl(TEMPLATE_DB) });
	} finally {
		await db.end();
	}
	project.provide('clusterUrl', cluster.url('postgres'));
	project.provide('migratorUrl', cluster.migratorUrl('postgres'));
	project.provide('templateDb', TEMPLATE_DB);
	return async () => {
		await cluster.stop();
		await rm(dir, { recursive: true, force: true });
	};
}
