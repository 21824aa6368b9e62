/**
 * Supabase Auth error responses. auth-js sends `X-Supabase-Api-Version`; with
 * it the body is `{code, message}` and the header is echoed, without it the
 * legacy `{code: <status>, error_code, msg}` shape is used.
 */
export const API_VERSION = '2024-01-01';

export class AuthError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly extra: Record<string, unknown> = {},
		/** Response headers, e.g. Retry-After on a 429. */
		readonly headers: Record<string, string> = {}
	) {
		super(message);
	}
}

export function versioned(request: Request): boolean {
	const version = request.headers.get('x-supabase-api-version');
	return version !== null && version >= API_VERSION;
}

export function authJson(request: Request, body: unknown, status = 200, headers: HeadersInit = {}): Response {
	const response = Response.json(body, { status, headers });
	if (versioned(request)) response.headers.set('x-supabase-api-version', API_VERSION);
	return response;
}

export function authErrorResponse(request: Request, error: AuthError): Response {
	const body = versioned(request)
		? { code: error.code, message: error.message, ...error.extra }
		: { code: error.status, error_code: error.code, msg: error.message, ...error.extra };
	return authJson(request, body, error.status, error.headers);
}
