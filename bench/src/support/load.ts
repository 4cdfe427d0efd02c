import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Every response's own time in ms, sorted (µs precision). */
  latencies: number[];
}

export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;
}

export interface LoadOptions {
  name: string;
  url: string;
  body: string;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

/** One autocannon run of POSTs; latency percentiles from every response's own time. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        body: options.body,
        headers: { 'content-type': 'application/json', ...options.headers },
        connections: options.connections,
        duration: options.durationSeconds,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => void latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    name: options.name,
    connections: options.connections,
    rps: Math.round(result.requests.average),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.non2xx + result.timeouts,
    latencies,
  };
}
