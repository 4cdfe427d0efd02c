import { randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '@dotmac/kernel';
import { dataOf, gql } from '../support/client.js';
import { platform } from '../support/platform-context.js';
import { uniqueName, withNetworkDb } from '../network/network-fixtures.js';

export const INGEST = `mutation($input: IngestHealthSamplesInput!) {
  ingestHealthSamples(input: $input) { accepted rejected { index field code message } userErrors { code field message } } }`;

export const HEALTH = `query($id: ID!) { device(id: $id) { id health { state since reason lastSampleAt } } }`;

/** The REST endpoint clients use: the gateway's public port. */
export const metricsUrl = (): string => new URL('/api/v1/monitoring/metrics', platform().gatewayUrl).toString();

export const rawId = (globalId: string): string => fromGlobalId(globalId).id;

/**
 * A device of the ISP, written straight into the network database (telemetry only needs the row;
 * the inventory's own mutations are tested with the inventory).
 */
export async function createDevice(tenantGlobalId: string, name = uniqueName('rtr')): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  await withNetworkDb((client) =>
    client.query(`insert into device (id, tenant_id, kind, status, name, created_at, updated_at) values ($1, $2, 'router', 'active', $3, now(), now())`, [id, rawId(tenantGlobalId), name]),
  );
  return { id: toGlobalId('Device', id), name };
}

/** A fresh API key of the viewer's ISP with the given roles; returns its secret. */
export async function createApiKey(token: string, roles: string[]): Promise<string> {
  const payload = dataOf(
    await gql(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { code message } } }`, { input: { name: uniqueName('key'), roles } }, { token }),
  ).createApiKey;
  if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors));
  return payload.secret;
}

export interface RestAnswer {
  status: number;
  body: any;
}

/** POSTs a body (an object, or raw text as sent) to the public metrics endpoint. */
export async function postMetrics(body: unknown, headers: Record<string, string> = {}): Promise<RestAnswer> {
  const response = await fetch(metricsUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the assertion message
  }
  return { status: response.status, body: parsed };
}

export const sample = (deviceId: string, metric: string, value: unknown, at: Date | string = new Date(), labels?: Record<string, string>) => ({
  deviceId,
  metric,
  value,
  at: typeof at === 'string' ? at : at.toISOString(),
  ...(labels ? { labels } : {}),
});
