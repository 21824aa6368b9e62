#!/usr/bin/env node
// `npm run status`: like `supabase status`, for the embedded stack. Reads what
// the running app wrote to <data dir>/status.json.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dataDir = resolve(process.env.DISCLOSE_DATA_DIR ?? '.data');
const file = join(dataDir, 'status.json');
if (process.env.PUBLIC_SUPABASE_URL) {
	console.log(`PUBLIC_SUPABASE_URL is set (${process.env.PUBLIC_SUPABASE_URL}): the app uses that Supabase project, not the embedded stack.`);
	process.exit(0);
}
if (!existsSync(file)) {
	console.error(`The embedded stack has not been started in ${dataDir} yet. Start the app first: npm run dev`);
	process.exit(1);
}
const status = JSON.parse(readFileSync(file, 'utf8'));
let running = false;
try {
	process.kill(status.pid, 0);
	running = true;
} catch {
	running = false;
}
const rows = [
	['State', running ? `running (app pid ${status.pid})` : 'stopped (values below are from the last start; the database port changes on each start)'],
	['API URL', status.apiUrl ?? 'the app URL (open the app once and run this again to see it)'],
	['DB URL', status.databaseUrl],
	['anon key', status.anonKey],
	['service_role key', status.serviceRoleKey],
	['Dev mailbox', status.apiUrl ? `${status.apiUrl}/dev/mailbox` : '/dev/mailbox on the app URL'],
	['Data folder', dataDir]
];
const width = Math.max(...rows.map(([k]) => k.length));
for (const [key, value] of rows) console.log(`${key.padStart(width)}: ${value}`);
console.log(`\npsql "${status.databaseUrl}"\nsupabase db push --db-url "${status.databaseUrl}"`);
