import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphTransport } from './subgraph-transport.js';

const answer = JSON.stringify({ data: { items: Array.from({ length: 200 }, (_, index) => ({ id: `i${index}`, name: `Item ${index}` })) } });
let server: Server;
let url: URL;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on('end', () => {
      const accepted = String(req.headers['accept-encoding'] ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/weird') res.setHeader('content-encoding', 'zstd-unknown').end(answer);
      else if (accepted.includes('br')) res.setHeader('content-encoding', 'br').end(brotliCompressSync(answer));
      else if (accepted.includes('gzip')) res.setHeader('content-encoding', 'gzip').end(gzipSync(answer));
      else res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('subgraph transport', () => {
  it('asks for nothing compressed by default and gets the plain answer', async () => {
    const transport = subgraphTransport({ timeoutMs: 2000, maxSockets: 4, compression: false });
    const result = await transport.post(url, { 'content-type': 'application/json' }, '{}');
    expect(seen.at(-1)?.['accept-encoding']).toBeUndefined();
    expect(result.body.toString()).toBe(answer);
    transport.close();
  });

  it('asks for compressed answers when configured and decompresses them', async () => {
    const transport = subgraphTransport({ timeoutMs: 2000, maxSockets: 4, compression: true });
    const result = await transport.post(url, { 'content-type': 'application/json' }, '{}');
    expect(seen.at(-1)?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(result.body.toString()).toBe(answer);
    transport.close();
  });

  it('refuses an encoding it cannot read', async () => {
    const transport = subgraphTransport({ timeoutMs: 2000, maxSockets: 4, compression: true });
    await expect(transport.post(new URL('/weird', url), {}, '{}')).rejects.toThrow(/unknown content-encoding "zstd-unknown"/);
    transport.close();
  });
});
