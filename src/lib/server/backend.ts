/**
 * Which Supabase the app talks to. With PUBLIC_SUPABASE_URL (+ publishable
 * key) set: that project. Without: the embedded stack on the app's own origin,
 * which server-side calls reach in-process (no loopback HTTP hop). App code
 * only ever sees a URL, a key and supabase-js.
 */
import { env } from '$env/dynamic/public';
import { embeddedRuntime } from './embedded/default';

export interface Backend {
	embedded: boolean;
	url: string;
	publishableKey: string;
	/** fetch for server-side supabase-js clients. */
	fetch: typeof fetch;
}

export function isEmbedded(): boolean {
	return !env.PUBLIC_SUPABASE_URL;
}

/** `clientIp`: the visitor behind a server-side call, so auth's per-IP limits count them, not the server. */
export async function backendFor(origin: string, clientIp?: string): Promise<Backend> {
	if (!isEmbedded()) {
		const key = env.PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? env.PUBLIC_SUPABASE_ANON_KEY;
		if (!key) throw new Error('PUBLIC_SUPABASE_URL is set but PUBLIC_SUPABASE_PUBLISHABLE_KEY is missing.');
		return { embedded: false, url: env.PUBLIC_SUPABASE_URL!, publishableKey: key, fetch };
	}
	const runtime = await embeddedRuntime();
	const inProcessFetch: typeof fetch = async (input, init) => {
		const request = new Request(input, init);
		return (await runtime.stack.handle(request, { clientIp })) ?? fetch(request);
	};
	return { embedded: true, url: origin, publishableKey: runtime.stack.keys.anonKey, fetch: inProcessFetch };
}
