import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, platformAdmin, type Isp } from '../support/fixtures.js';
import { staffLogin, withNetworkDb } from '../network/network-fixtures.js';
import { ACKNOWLEDGE, alertingDatabase, CREATE_RULE, createDevice, createRule, ERRORS, incidentsOf, rawId, RESOLVE, RULE_FIELDS, samplesOf } from './alerting-fixtures.js';

describe('alert rules and incidents through the gateway', () => {
  let isp: Isp;
  let token: string;
  let alerting: Awaited<ReturnType<typeof alertingDatabase>>;
  const create = async (input: Record<string, unknown>, as = token) => (await gql(CREATE_RULE, { input: { name: 'Latency', metric: 'LATENCY_MS', operator: 'GT', threshold: 100, severity: 'MAJOR', ...input } }, { token: as }));
  const ruleCount = () => withNetworkDb((client) => client.query(`select count(*)::int as n from alert_rule where tenant_id = $1`, [rawId(isp.tenantId)]).then((r) => r.rows[0].n));

  beforeAll(async () => {
    isp = await createIsp('alerting-rules');
    token = isp.admin.accessToken;
    alerting = await alertingDatabase();
  });
  afterAll(() => alerting.db.close());

  it('creates, lists, updates and deletes a rule', async () => {
    const device = await createDevice(token);
    const created = dataOf(await create({ name: 'Core latency', consecutiveViolations: 3, cooldownSeconds: 300, scope: { kind: 'DEVICE', deviceId: device.id } })).createAlertRule;
    expect(created.userErrors).toEqual([]);
    expect(created.rule).toMatchObject({ name: 'Core latency', metric: 'LATENCY_MS', operator: 'GT', threshold: 100, consecutiveViolations: 3, cooldownSeconds: 300, enabled: true, scope: { kind: 'DEVICE' } });
    const list = dataOf(await gql(`{ alertRules(first: 10, filter: { search: "core lat" }) { totalCount edges { node { ${RULE_FIELDS} } } } }`, {}, { token })).alertRules;
    expect(list.edges.map((edge: any) => edge.node.id)).toEqual([created.rule.id]);
    const updated = dataOf(await gql(`mutation($input: UpdateAlertRuleInput!) { updateAlertRule(input: $input) { rule { ${RULE_FIELDS} } ${ERRORS} } }`, { input: { ruleId: created.rule.id, threshold: 250.5, enabled: false, scope: { kind: 'ALL_DEVICES' } } }, { token })).updateAlertRule;
    expect(updated.rule).toMatchObject({ threshold: 250.5, enabled: false, scope: { kind: 'ALL_DEVICES' } });
    const node = dataOf(await gql(`query($id: ID!) { node(id: $id) { id ... on AlertRule { name } } }`, { id: created.rule.id }, { token })).node;
    expect(node).toEqual({ id: created.rule.id, name: 'Core latency' });
    const deleted = dataOf(await gql(`mutation($input: DeleteAlertRuleInput!) { deleteAlertRule(input: $input) { rule { id } ${ERRORS} } }`, { input: { ruleId: created.rule.id } }, { token })).deleteAlertRule;
    expect(deleted.userErrors).toEqual([]);
    expect(codeOf(await gql(`query($id: ID!) { alertRule(id: $id) { id } }`, { id: created.rule.id }, { token }))).toBe('NOT_FOUND');
  });

  it('refuses bad input with coded errors and writes nothing', async () => {
    const before = await ruleCount();
    expect((await create({ consecutiveViolations: 0 })).data!.createAlertRule.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['consecutiveViolations'], message: 'must be a whole number from 1 to 1000' }]);
    expect((await create({ cooldownSeconds: -1 })).data!.createAlertRule.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['cooldownSeconds'] });
    expect(codeOf(await create({ threshold: 'NaN' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await create({ threshold: 1e400 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await create({ metric: 'BANDWIDTH' }))).toBe('BAD_USER_INPUT');
    const unknownDevice = Buffer.from('Device:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect((await create({ scope: { kind: 'DEVICE', deviceId: unknownDevice } })).data!.createAlertRule.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['scope', 'deviceId'], message: 'Device not found' }]);
    expect((await create({ scope: { kind: 'SITE' } })).data!.createAlertRule.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['scope', 'siteId'] });
    expect(await ruleCount()).toBe(before);
    await createRule(token, { name: 'Unique name' });
    expect((await create({ name: 'UNIQUE NAME' })).data!.createAlertRule.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['name'] });
  });

  it('acknowledges once, resolves once, and names the allowed transitions otherwise', async () => {
    const device = await createDevice(token);
    await createRule(token, { consecutiveViolations: 1, scope: { kind: 'DEVICE', deviceId: device.id } });
    await alerting.evaluate(isp.tenantId, samplesOf(device.id, 'latency_ms', [500]));
    const [incident] = await incidentsOf(token, device.id);
    const noc = await staffLogin(isp.tenantId, isp.slug, ['NOC']);
    const acknowledged = dataOf(await gql(ACKNOWLEDGE, { input: { incidentId: incident.id, note: 'On it' } }, { token: noc.accessToken })).acknowledgeIncident;
    expect(acknowledged.incident).toMatchObject({ state: 'ACKNOWLEDGED' });
    expect(acknowledged.incident.timeline.at(-1)).toMatchObject({ kind: 'ACKNOWLEDGED', message: 'On it', actorKind: 'USER' });
    const again = dataOf(await gql(ACKNOWLEDGE, { input: { incidentId: incident.id } }, { token })).acknowledgeIncident;
    expect(again.userErrors).toEqual([{ code: 'CONFLICT', field: ['incidentId'], message: 'An incident that is ACKNOWLEDGED cannot become ACKNOWLEDGED; allowed from here: RESOLVED' }]);
    expect(dataOf(await gql(RESOLVE, { input: { incidentId: incident.id } }, { token })).resolveIncident.incident.state).toBe('RESOLVED');
    const afterResolve = dataOf(await gql(RESOLVE, { input: { incidentId: incident.id } }, { token })).resolveIncident;
    expect(afterResolve.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: 'An incident that is RESOLVED cannot become RESOLVED; allowed from here: none' });
    const note = dataOf(await gql(`mutation($input: AddIncidentNoteInput!) { addIncidentNote(input: $input) { incident { timeline { kind message } } ${ERRORS} } }`, { input: { incidentId: incident.id, note: 'Fibre cut, spliced' } }, { token })).addIncidentNote;
    expect(note.incident.timeline.map((entry: any) => entry.kind)).toEqual(['OPENED', 'ACKNOWLEDGED', 'RESOLVED', 'NOTE']);
    const topics = await withNetworkDb((client) => client.query(`select topic from outbox_event where payload->>'incidentId' = $1 order by created_at`, [rawId(incident.id)]).then((r) => r.rows.map((row) => row.topic)));
    expect(topics).toEqual(['network.incident.opened', 'network.incident.acknowledged', 'network.incident.resolved']);
    const support = await staffLogin(isp.tenantId, isp.slug, ['SUPPORT_AGENT']);
    expect(codeOf(await gql(ACKNOWLEDGE, { input: { incidentId: incident.id } }, { token: support.accessToken }))).toBe('FORBIDDEN');
    expect(dataOf(await gql(`{ incidents(first: 1) { totalCount } }`, {}, { token: support.accessToken })).incidents.totalCount).toBeGreaterThan(0);
  });

  it('shows open incidents on devices and counts them per tenant, filtered and ordered', async () => {
    const device = await createDevice(token);
    await createRule(token, { metric: 'CPU_PERCENT', threshold: 90, consecutiveViolations: 1, severity: 'MINOR', scope: { kind: 'DEVICE', deviceId: device.id } });
    await createRule(token, { metric: 'TEMPERATURE_C', threshold: 60, consecutiveViolations: 1, severity: 'CRITICAL', scope: { kind: 'DEVICE', deviceId: device.id } });
    await alerting.evaluate(isp.tenantId, [...samplesOf(device.id, 'cpu_percent', [99]), ...samplesOf(device.id, 'temperature_c', [75])]);
    const found = dataOf(await gql(`query($id: ID!) { device(id: $id) { openIncidents { severity metric } } }`, { id: device.id }, { token })).device;
    expect(found.openIncidents).toEqual([{ severity: 'CRITICAL', metric: 'temperature_c' }, { severity: 'MINOR', metric: 'cpu_percent' }]);
    const bySeverity = dataOf(await gql(`{ incidents(first: 2, filter: { state: [OPEN], severity: [CRITICAL, MINOR] }, orderBy: { field: SEVERITY, direction: ASC }) { edges { node { severity } } } }`, {}, { token })).incidents;
    expect(bySeverity.edges[0].node.severity).toBe('CRITICAL');
    const open = dataOf(await gql(`{ incidents(filter: { state: [OPEN, ACKNOWLEDGED] }) { totalCount } }`, {}, { token })).incidents.totalCount;
    const admin = await platformAdmin();
    const tenants = dataOf(await gql(`{ tenants(first: 100) { edges { node { id openIncidentCount } } } }`, {}, { token: admin.accessToken })).tenants;
    expect(tenants.edges.find((edge: any) => edge.node.id === isp.tenantId).node.openIncidentCount).toBe(open);
  });

  it("never shows or touches another ISP's rules and incidents", async () => {
    const other = await createIsp('alerting-other');
    const theirDevice = await createDevice(other.admin.accessToken);
    const theirRule = await createRule(other.admin.accessToken, { consecutiveViolations: 1 });
    await alerting.evaluate(other.tenantId, samplesOf(theirDevice.id, 'latency_ms', [900]));
    const [theirIncident] = await incidentsOf(other.admin.accessToken, theirDevice.id);
    expect(theirIncident).toBeDefined();
    expect(codeOf(await gql(`query($id: ID!) { incident(id: $id) { id } }`, { id: theirIncident.id }, { token }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(`query($id: ID!) { node(id: $id) { id ... on AlertRule { name } } }`, { id: theirRule.id }, { token }))).toBe('NOT_FOUND');
    expect(dataOf(await gql(ACKNOWLEDGE, { input: { incidentId: theirIncident.id } }, { token })).acknowledgeIncident.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['incidentId'] });
    expect(await incidentsOf(token, theirDevice.id)).toEqual([]);
    // Their device's samples evaluated as ours touch nothing: the device is not ours.
    expect((await alerting.evaluate(isp.tenantId, samplesOf(theirDevice.id, 'latency_ms', [900], 5))).pairs).toBe(0);
  });
});
