import { statsDownload } from '$lib/server/stats/public-stats';
import type { RequestHandler } from './$types';

/** /stats.json: the document the page shows, suppression applied (schema: /stats/methodology). CC BY 4.0. */
export const GET: RequestHandler = ({ locals, url, request }) =>
	statsDownload(locals.supabase, url, request, 'application/json; charset=utf-8', (doc) => JSON.stringify({ licence: 'CC-BY-4.0', ...doc }, null, 1));
