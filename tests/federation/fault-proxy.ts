import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * How the proxy treats requests: forward them, refuse connections (the port is closed), answer
 * after `slowMs`, or answer with a body that is not GraphQL (non-JSON 200 or HTTP 500).
 */
export type FaultMode = 'pass' | 'down' | 'slow' | 'garbage' | 'http500';

export interface FaultProxy {
  /** The proxy's URL, stable across `down` and back (the same port is listened on again). */
  readonly url: string;
  /** Requests received since start, whatever the mode. */
  readonly requests: number;
  setMode(mode: FaultMode): Promise<void>;
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A tiny HTTP proxy in front of one subgraph whose failures a test switches on and off. */
export async function startFaultProxy(target: string, slowMs = 3000): Promise<FaultProxy> {
  let mode: FaultMode = 'pass';
  let requests = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    requests += 1;
    const body = await readBody(request);
    if (mode === 'garbage') return void response.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json');
    if (mode === 'http500') return void response.writeHead(500, { 'content-type': 'text/plain' }).end('upstream exploded');
    if (mode === 'slow') await new Promise<void>((resolve) => timers.add(setTimeout(resolve, slowMs)));
    if (response.destroyed) return;
    const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const close = () => new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy();
    if (!server.listening) resolve();
    else server.close(() => resolve());
  });

  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    get requests() {
      return requests;
    },
    setMode: async (next) => {
      if (next === 'down' && mode !== 'down') await close();
      if (next !== 'down' && mode === 'down') await listen(port);
      mode = next;
    },
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      await close();
    },
  };
}
