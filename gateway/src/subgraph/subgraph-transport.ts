import http from 'node:http';
import https from 'node:https';

export interface SubgraphTransportOptions {
  timeoutMs: number;
  /** Upper bound of open connections per subgraph origin. */
  maxSockets: number;
}

/** A subgraph's HTTP answer, buffered. */
export interface SubgraphAnswer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

export interface SubgraphTransport {
  /**
   * POSTs `body` to `url`. With a `shareKey`, a request while an identical one (same key) is in
   * flight sends nothing and gets the same answer: each caller parses its own copy.
   */
  post(url: URL, headers: Record<string, string>, body: string, shareKey?: string): Promise<SubgraphAnswer>;
  close(): void;
}

/**
 * Subgraph calls on Node's http module: a keep-alive pool per origin (bounded by `maxSockets`), a
 * deadline per call, the answer buffered as bytes (no WHATWG Request/Response objects on the way).
 */
export function subgraphTransport(options: SubgraphTransportOptions): SubgraphTransport {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' }),
  };
  const inFlight = new Map<string, Promise<SubgraphAnswer>>();

  const send = (url: URL, headers: Record<string, string>, body: string): Promise<SubgraphAnswer> =>
    new Promise((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const request = (secure ? https : http).request(
        url,
        { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: agents[secure ? 'https:' : 'http:'] },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', fail);
          response.on('end', () => {
            clearTimeout(deadline);
            resolve({ status: response.statusCode ?? 502, contentType: response.headers['content-type'], body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
          });
        },
      );
      function fail(error: Error) {
        clearTimeout(deadline);
        reject(error);
      }
      const deadline = setTimeout(() => request.destroy(new Error(`Subgraph request timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
      request.on('error', fail);
      request.end(body);
    });

  return {
    post: (url, headers, body, shareKey) => {
      if (shareKey === undefined) return send(url, headers, body);
      const key = `${url.href}\n${shareKey}\n${body}`;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const answer = send(url, headers, body).finally(() => inFlight.delete(key));
      inFlight.set(key, answer);
      return answer;
    },
    close: () => Object.values(agents).forEach((agent) => agent.destroy()),
  };
}
