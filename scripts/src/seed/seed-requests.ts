import type { GatewayClient } from './graphql-client.js';
import { mutationDocument, type Payload } from './operations.js';

export class SeedError extends Error {
  constructor(what: string, payload: Payload) {
    const errors = payload.userErrors.map((error) => `${error.code}: ${error.message}${error.field ? ` (${String(error.field)})` : ''}`);
    super(`Seeding failed to ${what}: ${errors.join('; ')}`);
    this.name = 'SeedError';
  }
}

export function expectNoUserErrors<P extends Payload>(what: string, payload: P | null | undefined): P {
  if (!payload) throw new SeedError(what, { userErrors: [{ code: 'NO_PAYLOAD', message: 'the mutation returned null' }] });
  if (payload.userErrors.length > 0) throw new SeedError(what, payload);
  return payload;
}

/** Requests in flight at once: the subgraphs work on independent rows in parallel. */
const CONCURRENT_REQUESTS = 4;

/**
 * Sends one aliased mutation per item, `batchSize` per request and a few requests at a time, checks
 * every payload and returns them in the order of the items.
 */
export async function inBatches<T, P extends Payload = Payload>(
  client: GatewayClient,
  name: string,
  items: readonly T[],
  batchSize: number,
  field: (alias: string, item: T) => string,
  describe: (item: T) => string,
): Promise<P[]> {
  const payloads: P[] = new Array(items.length);
  const starts = Array.from({ length: Math.ceil(items.length / batchSize) }, (_, i) => i * batchSize);
  const send = async (start: number) => {
    const batch = items.slice(start, start + batchSize);
    const data = await client.request<Record<string, P>>(
      mutationDocument(name, batch.map((item, offset) => field(`m${offset}`, item))),
    );
    batch.forEach((item, offset) => (payloads[start + offset] = expectNoUserErrors(describe(item), data[`m${offset}`])));
  };
  for (let i = 0; i < starts.length; i += CONCURRENT_REQUESTS) await Promise.all(starts.slice(i, i + CONCURRENT_REQUESTS).map(send));
  return payloads;
}
