import { Database, fromGlobalId, INTERNAL_CONTEXT_HEADER, openOrm, signInternalContext, type Viewer } from '@dotmac/kernel';
import { databaseModel } from '@dotmac/network/entities';
import { evaluateSamples, type TelemetrySample } from '@dotmac/network/monitoring/alerting/evaluate-samples.service';
import { dataOf, gql } from '../support/client.js';
import { mutateOk, uniqueName } from '../network/network-fixtures.js';
import { platform } from '../support/platform-context.js';

export const ERRORS = `userErrors { code field message }`;
export const RULE_FIELDS = `id name metric operator threshold consecutiveViolations cooldownSeconds severity enabled scope { kind deviceKind }`;
export const INCIDENT_FIELDS = `id title state severity suppressed flapping source sourceKey metric lastValue resolution openedAt resolvedAt
  device { id name } suppressedBy { id } timeline { kind message actorKind causeDevice { id } }`;

export const CREATE_RULE = `mutation($input: CreateAlertRuleInput!) { createAlertRule(input: $input) { rule { ${RULE_FIELDS} } ${ERRORS} } }`;
export const ACKNOWLEDGE = `mutation($input: IncidentActionInput!) { acknowledgeIncident(input: $input) { incident { ${INCIDENT_FIELDS} } ${ERRORS} } }`;
export const RESOLVE = `mutation($input: IncidentActionInput!) { resolveIncident(input: $input) { incident { ${INCIDENT_FIELDS} } ${ERRORS} } }`;
export const INCIDENTS = `query($filter: IncidentFilter, $orderBy: IncidentOrder) { incidents(first: 50, filter: $filter, orderBy: $orderBy) { totalCount edges { node { ${INCIDENT_FIELDS} } } } }`;

export const rawId = (globalId: string): string => fromGlobalId(globalId).id;

export const createDevice = (token: string, input: Record<string, unknown> = {}) =>
  mutateOk(token, `mutation($input: CreateDeviceInput!) { createDevice(input: $input) { device { id name kind } ${ERRORS} } }`, 'createDevice', { kind: 'ROUTER', name: uniqueName('dev'), ...input }, 'device');

export const createRule = (token: string, input: Record<string, unknown> = {}) =>
  mutateOk(token, CREATE_RULE, 'createAlertRule', { name: uniqueName('rule'), metric: 'LATENCY_MS', operator: 'GT', threshold: 100, severity: 'MAJOR', ...input }, 'rule');

/** Incidents of one device, newest first. */
export async function incidentsOf(token: string, deviceId: string, state?: string[]): Promise<any[]> {
  const data = dataOf(await gql(INCIDENTS, { filter: { deviceIds: [deviceId], ...(state ? { state } : {}) } }, { token }));
  return data.incidents.edges.map((edge: any) => edge.node);
}

/** The network database on the application role, as the telemetry hook uses it; records every SQL statement. */
export async function alertingDatabase(): Promise<{ db: Database; statements: string[]; evaluate: (tenantId: string, samples: TelemetrySample[]) => ReturnType<typeof evaluateSamples> }> {
  const statements: string[] = [];
  const db = new Database(await openOrm({ url: platform().appDatabaseUrls.network!, ...databaseModel, onQuery: (sql) => statements.push(sql) }));
  return { db, statements, evaluate: (tenantId, samples) => evaluateSamples(db, rawId(tenantId), samples) };
}

/** Samples of one metric for one device (global id), one minute apart from `from` minutes past a fixed hour. */
export function samplesOf(deviceId: string, metric: string, values: number[], from = 0, base = Date.parse('2026-12-01T10:00:00Z')): TelemetrySample[] {
  return values.map((value, i) => ({ deviceId: rawId(deviceId), metric, value, at: new Date(base + (from + i) * 60_000) }));
}

/** POSTs to the network subgraph directly, as the gateway's forwarder would, with a signed context for `viewer`. */
export async function postInternal(path: string, body: unknown, viewer?: Viewer): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (viewer) headers[INTERNAL_CONTEXT_HEADER] = signInternalContext({ viewer, requestId: 'test' }, platform().internalSigningKey);
  const response = await fetch(new URL(path, platform().subgraphUrls.network), { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}
