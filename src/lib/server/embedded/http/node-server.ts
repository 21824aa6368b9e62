/**
 * Serves a web-standard handler on a plain Node HTTP server (tests, benchmarks
 * and `npm run status` checks); the app itself mounts the stack in SvelteKit's
 * hooks instead.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** `clientIp`: the TCP peer (this server sits behind no proxy). */
export type WebHandler = (request: Request, info: { clientIp?: string }) => Promise<Response | null>;

export interface RunningServer {
	url: string;
	port: number;
	close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const headers = new Headers();
	for (const [key, value] of Object.entries(req.headers)) {
		if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
		else if (value !== undefined) headers.set(key, value);
	}
	const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
	return new Request(new URL(req.url ?? '/', origin), {
		method: req.method,
		headers,
		body: hasBody ? Buffer.concat(chunks) : undefined
	});
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

export async function serve(handler: WebHandler, port = 0): Promise<RunningServer> {
	let origin = '';
	const server = createServer((req, res) => {
		toRequest(req, origin)
			.then(async (request) => {
				const response = (await handler(request, { clientIp: req.socket.remoteAddress })) ?? new Response('Not found', { status: 404 });
				await send(res, response, req.method === 'HEAD');
			})
			.catch((error: unknown) => {
				res.statusCode = 500;
				res.end(String(error));
			});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
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
