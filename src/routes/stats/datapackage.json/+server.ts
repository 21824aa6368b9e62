import { statsDataPackage } from '$lib/stats/datapackage';
import { PUBLIC_CACHE_CONTROL } from '$lib/server/stats/public-stats';
import type { RequestHandler } from './$types';

/** The Frictionless Data Package describing /stats.csv and /stats.json. */
export const GET: RequestHandler = ({ url }) =>
	new Response(JSON.stringify(statsDataPackage(url.origin), null, 1), {
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': PUBLIC_CACHE_CONTROL, 'access-control-allow-origin': '*' }
	});
