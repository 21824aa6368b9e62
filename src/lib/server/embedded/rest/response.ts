/**
 * Turning a query result {total, page, body} into PostgREST's response:
 * status (200/206/201/204, 406 PGRST116 for a singular response that is not
 * exactly one row, 416 PGRST103 past the end), `Content-Range`,
 * `Preference-Applied` and the JSON body.
 */
import { ApiError } from './errors';

export interface QueryResult {
	total: number | null;
	page: number;
	body: string | null;
}

export function toQueryResult(row: Record<string, unknown> | undefined): QueryResult {
	const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
	return { total: num(row?.total), page: num(row?.page) ?? 0, body: (row?.body as string | null | undefined) ?? null };
}

/** Throws 406 PGRST116 unless exactly one row; returns that row's JSON text. */
export function singleBody(rows: number, body: string | null): string | null {
	if (rows !== 1) {
		throw new ApiError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rows} rows`);
	}
	if (body === null) return null;
	const parsed = JSON.parse(body) as unknown;
	return JSON.stringify(Array.isArray(parsed) ? parsed[0] : parsed);
}

export interface ResponseOptions {
	status: number;
	body: string | null;
	single: boolean;
	contentRange: string | null;
	applied: string[];
}

export function jsonResponse(options: ResponseOptions): Response {
	const headers = new Headers();
	if (options.body !== null) {
		headers.set(
			'content-type',
			options.single ? 'application/vnd.pgrst.object+json; charset=utf-8' : 'application/json; charset=utf-8'
		);
	}
	if (options.contentRange !== null) headers.set('content-range', options.contentRange);
	if (options.applied.length > 0) headers.set('preference-applied', options.applied.join(', '));
	return new Response(options.body, { status: options.status, headers });
}

export function rangeHeader(offset: number, page: number, total: number | null): string {
	const range = page > 0 ? `${offset}-${offset + page - 1}` : '*';
	return `${range}/${total ?? '*'}`;
}

/** 200, or 206 when a count shows the page is partial; 416 when the offset is past the total. */
export function readStatus(offset: number, page: number, total: number | null): number {
	if (total === null) return 200;
	if (offset > total) {
		throw new ApiError(
			416,
			'PGRST103',
			'Requested range not satisfiable',
			`An offset of ${offset} was requested, but there are only ${total} rows.`,
			null,
			{ 'content-range': `*/${total}` }
		);
	}
	return page < total ? 206 : 200;
}
