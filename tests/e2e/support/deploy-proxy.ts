import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of the e2e server that can pretend a new version
 * was deployed: after `shipNextVersion()` it serves a different `/sw.js`, the
 * way a real deploy would. (The browser fetches service worker scripts itself,
 * out of reach of Playwright's request routing.)
 */
export interface DeployProxy {
	url: string;
	shipNextVersion(): void;
	close(): Promise<void>;
}

const WORKER_PATH = '/sw.js';

export async function startDeployProxy(target: string): Promise<DeployProxy> {
	const upstream = new URL(target);
	let nextVersion = false;

	const server = createServer((incoming, outgoing) => {
		const rewrite = nextVersion && (incoming.url ?? '').split('?')[0] === WORKER_PATH;
		const headers: IncomingHttpHeaders = { ...incoming.headers };
		if (rewrite) delete headers['accept-encoding'];
		const forward = request(
			{ host: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers },
			(answer) => {
				if (!rewrite) {
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
					return;
				}
				const chunks: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => chunks.push(chunk));
				answer.on('end', () => {
					const body = Buffer.concat([...chunks, Buffer.from('\n// next version\n')]);
					const { etag: _etag, 'content-length': _length, ...rest } = answer.headers;
					outgoing.writeHead(answer.statusCode ?? 502, { ...rest, 'content-length': body.length });
					outgoing.end(body);
				});
			}
		);
		forward.on('error', () => {
			outgoing.writeHead(502);
			outgoing.end();
		});
		incoming.pipe(forward);
	});

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		shipNextVersion: () => {
			nextVersion = true;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
