/**
 * Serves a web-standard handler on a plain Node HTTP server (tests, benchmarks
 * and `npm run status` checks); the app itself mounts the stack in SvelteKit's
 * hooks instead. Requests are made by SvelteKit's own getRequest, as in
 * adapter-node, so a `bodySizeLimit` here behaves as BODY_SIZE_LIMIT there.
 */
import { createServer, type ServerResponse } from 'node:http';
import { getRequest } from '@sveltejs/kit/node';

/** `clientIp`: the TCP peer (this server sits behind no proxy). */
export type WebHandler = (request: Request, info: { clientIp?: string }) => Promise<Response | null>;

export interface ServeOptions {
	port?: number;
	/** adapter-node's BODY_SIZE_LIMIT in bytes; none when omitted. */
	bodySizeLimit?: number;
}

export interface RunningServer {
	url: string;
	port: number;
	close(): Promise<void>;
}

async function send(res: ServerResponse, response: Response, head: boolean): Promise<void> {
	res.statusCode = response.status;
	response.headers.forEach((value, key) => res.setHeader(key, value));
	if (head || response.body === null) {
		res.end();
		return;
	}
	res.end(Buffer.from(await response.arrayBuffer()));
}

export async function serve(handler: WebHandler, options: ServeOptions = {}): Promise<RunningServer> {
	let origin = '';
	const server = createServer((req, res) => {
		getRequest({ request: req, base: origin, bodySizeLimit: options.bodySizeLimit })
			.then(async (request) => {
				const response = (await handler(request, { clientIp: req.socket.remoteAddress })) ?? new Response('Not found', { status: 404 });
				await send(res, response, req.method === 'HEAD');
			})
			.catch((error: unknown) => {
				res.statusCode = 500;
				res.end(String(error));
			});
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : (options.port ?? 0);
	origin = `http://127.0.0.1:${actualPort}`;
	return {
		url: origin,
		port: actualPort,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
