import http from 'node:http';
import https from 'node:https';

export interface KeepAliveFetcherOptions {
  timeoutMs: number;
  /** Upper bound of open connections per subgraph origin. */
  maxSockets: number;
}

interface FetchInit {
  method?: string;
  headers?: Record<string, string> | Iterable<[string, string]> | { forEach(callback: (value: string, key: string) => void): void };
  body?: string;
}

function plainHeaders(headers: FetchInit['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  if (!headers) return result;
  if (typeof (headers as { forEach?: unknown }).forEach === 'function') {
    (headers as { forEach(callback: (value: string, key: string) => void): void }).forEach((value, key) => {
      result[key] = value;
    });
  } else if (Symbol.iterator in (headers as object)) {
    for (const [key, value] of headers as Iterable<[string, string]>) result[key] = value;
  } else Object.assign(result, headers);
  return result;
}

/**
 * A fetch for subgraph calls on Node's http module with a keep-alive pool per origin: lighter per
 * call than the global fetch, bounded (`maxSockets`), with a deadline per request. Answers a
 * standard `Response` built from the buffered body.
 */
export function keepAliveFetcher(options: KeepAliveFetcherOptions) {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' }),
  };
  const fetcher = (input: string, init: FetchInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(input);
      const transport = url.protocol === 'https:' ? https : http;
      const headers = plainHeaders(init.headers);
      if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
      const request = transport.request(
        url,
        { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => {
            clearTimeout(deadline);
            reject(error);
          });
          response.on('end', () => {
            const responseHeaders = new Headers();
            for (const [key, value] of Object.entries(response.headers)) {
              if (value !== undefined) responseHeaders.set(key, Array.isArray(value) ? value.join(', ') : value);
            }
            clearTimeout(deadline);
            resolve(new Response(Buffer.concat(chunks), { status: response.statusCode ?? 502, statusText: response.statusMessage, headers: responseHeaders }));
          });
        },
      );
      const deadline = setTimeout(() => request.destroy(new Error(`Subgraph request timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
      request.on('error', (error) => {
        clearTimeout(deadline);
        reject(error);
      });
      request.end(init.body);
    });
  return Object.assign(fetcher, { close: () => Object.values(agents).forEach((agent) => agent.destroy()) });
}
