/**
 * A tiny HTTP load generator for the benches (node:http, keep-alive, no
 * dependency): `connections` loops each send one GET after another for
 * `durationMs`, every body read to the end. And a bare Node server in its own
 * process answering every request with a fixed body, the machine's ceiling for
 * the same load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, get } from 'node:http';
import { percentile } from '../figures';

export interface LoadResult {
	requests: number;
	perSecond: number;
	p50Ms: number;
	p95Ms: number;
	/** Responses that were not 200, and requests that failed. */
	errors: number;
}

function fetchOnce(url: string, agent: Agent): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = get(url, { agent }, (response) => {
			response.on('data', () => {});
			response.on('end', () => resolve(response.statusCode ?? 0));
			response.on('error', reject);
		});
		request.on('error', reject);
	});
}

/** GET `url` from `connections` keep-alive connections for `durationMs`. */
export async function loadFor(url: string, connections: number, durationMs: number): Promise<LoadResult> {
	const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
	const times: number[] = [];
	let errors = 0;
	const started = performance.now();
	const until = started + durationMs;
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (performance.now() < until) {
				const t0 = performance.now();
				const status = await fetchOnce(url, agent).catch(() => 0);
				times.push(performance.now() - t0);
				if (status !== 200) errors += 1;
			}
		})
	);
	const elapsed = performance.now() - started;
	agent.destroy();
	times.sort((a, b) => a - b);
	return { requests: times.length, perSecond: times.length / (elapsed / 1000), p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), errors };
}

/** The body size and content type of one GET (for a bare server answering the same). */
export async function probe(url: string): Promise<{ bytes: number; contentType: string }> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return { bytes: (await response.arrayBuffer()).byteLength, contentType: response.headers.get('content-type') ?? 'text/plain' };
}

export interface BareServer {
	url: string;
	close(): Promise<void>;
}

const BARE_SERVER = `
import { createServer } from 'node:http';
const [bytes, type] = [Number(process.argv[1]), process.argv[2]];
const body = Buffer.alloc(bytes, 'x');
const server = createServer((request, response) => {
	response.writeHead(200, { 'content-type': type, 'content-length': body.length });
	response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log('bare-server-port ' + server.address().port));
`;

/** A plain node:http server in a child process, answering every request with `bytes` bytes. */
export function startBareServer(bytes: number, contentType: string): Promise<BareServer> {
	return new Promise((resolve, reject) => {
		const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', BARE_SERVER, String(bytes), contentType], { stdio: ['ignore', 'pipe', 'inherit'] });
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
		let output = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const port = /bare-server-port (\d+)/.exec(output)?.[1];
			if (!port) return;
			child.stdout!.removeAllListeners('data');
			resolve({
				url: `http://127.0.0.1:${port}/`,
				close: () =>
					new Promise((done) => {
						child.removeAllListeners('exit');
						child.once('exit', () => done());
						child.kill('SIGTERM');
					})
			});
		});
	});
}

const LOAD_CLIENT = `
import { Agent, get } from 'node:http';
const [url, headersJson, connections, durationMs] = process.argv.slice(1);
const headers = JSON.parse(headersJson);
const agent = new Agent({ keepAlive: true, maxSockets: Number(connections) });
const once = () => new Promise((resolve) => {
	const request = get(url, { agent, headers }, (response) => {
		response.on('data', () => {});
		response.on('end', () => resolve(response.statusCode));
	});
	request.on('error', () => resolve(0));
});
let requests = 0, errors = 0;
const started = performance.now(), until = started + Number(durationMs);
await Promise.all(Array.from({ length: Number(connections) }, async () => {
	while (performance.now() < until) { if ((await once()) !== 200) errors += 1; requests += 1; }
}));
const elapsed = performance.now() - started;
agent.destroy();
console.log(JSON.stringify({ requests, errors, perSecond: requests / (elapsed / 1000) }));
`;

/**
 * GET `url` with `headers` from a separate Node process (`connections` keep-alive loops for
 * `durationMs`), so the server under test does not also pay for the client's work.
 */
export function loadFromChildProcess(
	url: string,
	headers: Record<string, string>,
	connections: number,
	durationMs: number
): Promise<{ requests: number; errors: number; perSecond: number }> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--input-type=module', '-e', LOAD_CLIENT, url, JSON.stringify(headers), String(connections), String(durationMs)],
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		let output = '';
		child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('error', reject);
		child.once('exit', (code) => {
			if (code !== 0) return reject(new Error(`load client exited (${code})`));
			resolve(JSON.parse(output.trim()));
		});
	});
}
