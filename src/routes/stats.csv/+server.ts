import { statsDownload } from '$lib/server/stats/public-stats';
import { statsCsv } from '$lib/stats/csv';
import type { RequestHandler } from './$types';

/** /stats.csv: the same cells as /stats.json, one row each (columns: /stats/methodology). CC BY 4.0. */
export const GET: RequestHandler = ({ locals, url, request }) =>
	statsDownload(locals.supabase, url, request, 'text/csv; charset=utf-8', statsCsv);
