import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const DECODERS: Record<string, (body: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

export interface SubgraphTransportOptions {
  timeoutMs: number;
  /** Upper bound of open connections per subgraph origin. */
  maxSockets: number;
  /** Ask subgraphs for compressed answers (worth it when they are across a network, not on loopback). */
  compression: boolean;
}

/** A subgraph's HTTP answer, buffered. */
export interface SubgraphAnswer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

function encodingOf(header: string | undefined): string | undefined {
  const encoding = header?.toLowerCase().trim();
  return encoding && encoding !== 'identity' ? encoding : undefined;
}

export interface SubgraphTransport {
  /**
   * POSTs `body` to `url`. With a `shareKey`, a request while an identical one (same key) is in
   * flight sends nothing and gets the same answer: each caller parses its own copy.
   */
  post(url: URL, headers: Record<string, string>, body: string, shareKey?: string): Promise<SubgraphAnswer>;
  /** Any other call to a subgraph route (REST forwarding), never shared. */
  request(method: string, url: URL, headers: Record<string, string>, body?: string): Promise<SubgraphAnswer>;
  close(): void;
}

/**
 * Subgraph calls on Node's http module: a keep-alive pool per origin (bounded by `maxSockets`), a
 * deadline per call, the answer buffered as bytes (no WHATWG Request/Response objects on the way)
 * and decompressed when the subgraph compressed it (`identity`, gzip, deflate or br).
 */
export function subgraphTransport(options: SubgraphTransportOptions): SubgraphTransport {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' }),
  };
  const inFlight = new Map<string, Promise<SubgraphAnswer>>();

  const send = async (url: URL, headers: Record<string, string>, body: string | undefined, method = 'POST'): Promise<SubgraphAnswer> => {
    const answer = await exchange(method, url, options.compression ? { ...headers, 'accept-encoding': 'gzip, deflate, br' } : headers, body);
    const decode = answer.encoding ? DECODERS[answer.encoding] : undefined;
    if (answer.encoding && !decode) throw new Error(`Subgraph answered with an unknown content-encoding "${answer.encoding}"`);
    return { status: answer.status, contentType: answer.contentType, body: decode ? await decode(answer.body) : answer.body };
  };

  const exchange = (method: string, url: URL, headers: Record<string, string>, body: string | undefined): Promise<SubgraphAnswer & { encoding?: string }> =>
    new Promise((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const request = (secure ? https : http).request(
        url,
        { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: agents[secure ? 'https:' : 'http:'] },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', fail);
          response.on('end', () => {
            clearTimeout(deadline);
            resolve({
              status: response.statusCode ?? 502,
              contentType: response.headers['content-type'],
              encoding: encodingOf(response.headers['content-encoding']),
              body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
            });
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
    request: (method, url, headers, body) => send(url, headers, body, method),
    close: () => Object.values(agents).forEach((agent) => agent.destroy()),
  };
}
