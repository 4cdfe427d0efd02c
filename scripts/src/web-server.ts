import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { webIndexFile } from './paths.js';

export interface WebServerOptions {
  host: string;
  port: number;
  /** Public GraphQL endpoint the page links to (replaces `%GATEWAY_URL%` in web/index.html). */
  gatewayUrl: string;
}

export interface RunningWebServer {
  url: string;
  stop(): Promise<void>;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Serves the admin web placeholder (web/index.html) until the admin client exists. */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const page = (await readFile(webIndexFile, 'utf8')).replaceAll('%GATEWAY_URL%', escapeHtml(options.gatewayUrl));
  const server = createServer((request, response) => {
    const route = new URL(request.url ?? '/', 'http://placeholder').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (route === '/' || route === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(page);
    } else if (route === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${options.port}/`,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
