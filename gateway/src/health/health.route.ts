import type { RequestHandler } from 'express';

const PROBE_TIMEOUT_MS = 2000;

export type SubgraphStatus = 'ok' | 'timeout' | 'unreachable' | `http ${number}`;

export interface HealthReport {
  status: 'ok' | 'unavailable';
  subgraphs: Record<string, SubgraphStatus>;
}

async function probe(graphqlUrl: string): Promise<SubgraphStatus> {
  try {
    const response = await fetch(new URL('/health', graphqlUrl), { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.status === 200 ? 'ok' : `http ${response.status}`;
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'unreachable';
  }
}

/** Probes `GET <origin>/health` of every subgraph in parallel; ok only when every one answers 200 in time. */
export async function checkSubgraphs(endpoints: ReadonlyMap<string, string>): Promise<HealthReport> {
  const names = [...endpoints.keys()];
  const statuses = await Promise.all(names.map((name) => probe(endpoints.get(name) ?? '')));
  const subgraphs = Object.fromEntries(names.map((name, index) => [name, statuses[index]]));
  return { status: statuses.every((status) => status === 'ok') ? 'ok' : 'unavailable', subgraphs };
}

/**
 * `GET /health`: 200 when every subgraph is healthy, else 503 naming the failing ones. Concurrent
 * probes share one round of subgraph checks, so a burst of health checks is not multiplied.
 */
export function healthRoute(endpoints: ReadonlyMap<string, string>): RequestHandler {
  let inFlight: Promise<HealthReport> | undefined;
  return async (_req, res) => {
    inFlight ??= checkSubgraphs(endpoints).finally(() => (inFlight = undefined));
    const report = await inFlight;
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  };
}
