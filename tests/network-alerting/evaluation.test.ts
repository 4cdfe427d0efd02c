import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { withNetworkDb } from '../network/network-fixtures.js';
import { ACKNOWLEDGE, alertingDatabase, createDevice, createRule, incidentsOf, RESOLVE, rawId, samplesOf } from './alerting-fixtures.js';

describe('alert evaluation of telemetry batches', () => {
  let isp: Isp;
  let token: string;
  let alerting: Awaited<ReturnType<typeof alertingDatabase>>;

  beforeAll(async () => {
    isp = await createIsp('alerting-eval');
    token = isp.admin.accessToken;
    alerting = await alertingDatabase();
  });
  afterAll(() => alerting.db.close());

  const events = (topic: string, incidentId: string) =>
    withNetworkDb((client) => client.query(`select payload from outbox_event where topic = $1 and payload->>'incidentId' = $2`, [topic, rawId(incidentId)]).then((result) => result.rows.map((row) => row.payload)));

  it('opens after the consecutive violations, auto-resolves after as many recoveries, and announces both', async () => {
    const device = await createDevice(token);
    const rule = await createRule(token, { consecutiveViolations: 3, scope: { kind: 'DEVICE', deviceId: device.id } });
    const summary = await alerting.evaluate(isp.tenantId, samplesOf(device.id, 'latency_ms', [150, 150, 50, 150, 150]));
    expect(summary).toMatchObject({ pairs: 1, opened: 0 });
    expect(await incidentsOf(token, device.id)).toEqual([]);

    expect((await alerting.evaluate(isp.tenantId, samplesOf(device.id, 'latency_ms', [150], 5))).opened).toBe(1);
    const [incident] = await incidentsOf(token, device.id);
    expect(incident).toMatchObject({ title: rule.name, state: 'OPEN', severity: 'MAJOR', source: 'RULE', metric: 'latency_ms', lastValue: 150, suppressed: false });
    expect(incident.timeline[0]).toMatchObject({ kind: 'OPENED', message: 'latency_ms 150 gt 100 for 3 sample(s) in a row' });
    const [opened] = await events('network.incident.opened', incident.id);
    expect(opened).toMatchObject({ deviceId: rawId(device.id), ruleId: rawId(rule.id), severity: 'major', tenantId: rawId(isp.tenantId) });

    expect((await alerting.evaluate(isp.tenantId, samplesOf(device.id, 'latency_ms', [50, 50, 50], 6))).resolved).toBe(1);
    const [resolved] = await incidentsOf(token, device.id);
    expect(resolved).toMatchObject({ state: 'RESOLVED', resolution: 'AUTO', resolvedAt: '2026-12-01T10:08:00.000Z' });
    expect(resolved.timeline.map((entry: any) => entry.kind)).toEqual(['OPENED', 'RESOLVED']);
    expect(await events('network.incident.resolved', incident.id)).toHaveLength(1);
  });

  it('does not reopen the same rule and device within the cooldown', async () => {
    const device = await createDevice(token);
    await createRule(token, { consecutiveViolations: 1, cooldownSeconds: 600, scope: { kind: 'DEVICE', deviceId: device.id } });
    const first = await alerting.evaluate(isp.tenantId, samplesOf(device.id, 'latency_ms', [150, 50, 150, 150]));
    expect(first).toMatchObject({ opened: 1, resolved: 1, heldByCooldown: 1 });
    expect(await incidentsOf(token, device.id, ['OPEN'])).toEqual([]);
    // 10 minutes after the resolution at minute 1: the violation still going on opens a new incident.
    expect((await alerting.evaluate(isp.tenantId, samplesOf(device.id, 'latency_ms', [150], 11))).opened).toBe(1);
    expect(await incidentsOf(token, device.id)).toHaveLength(2);
  });

  it('evaluates only devices in scope, and a big batch in a few statements', async () => {
    const site = (await gql(`mutation { createSite(input: { name: "Scope POP ${Date.now()}" }) { site { id } } }`, {}, { token })).data!.createSite.site;
    const atSite = await createDevice(token, { kind: 'OLT', siteId: site.id });
    const elsewhere = await createDevice(token, { kind: 'OLT' });
    await createRule(token, { metric: 'CPU_PERCENT', threshold: 90, consecutiveViolations: 1, scope: { kind: 'SITE', siteId: site.id } });
    await createRule(token, { metric: 'TEMPERATURE_C', threshold: 70, consecutiveViolations: 2, scope: { kind: 'DEVICE_KIND', deviceKind: 'OLT' } });
    const samples = [atSite, elsewhere].flatMap((device) => Array.from({ length: 2500 }, (_, i) => samplesOf(device.id, i % 2 ? 'cpu_percent' : 'temperature_c', [i % 2 ? 50 : 40], i)[0]!));
    const mark = alerting.statements.length;
    const summary = await alerting.evaluate(isp.tenantId, [...samples, ...samplesOf(atSite.id, 'cpu_percent', [95], 3000)]);
    expect(summary).toMatchObject({ samples: 5001, pairs: 3, opened: 1 });
    const statements = alerting.statements.slice(mark).filter((sql) => !/^(begin|commit|select set_config)/i.test(sql.trim()));
    // lock and policy, pairs with state, one upsert; then the one opening: insert, suppression, timeline, links, outbox
    expect(statements.length).toBeLessThanOrEqual(8);
    expect((await incidentsOf(token, atSite.id)).map((incident) => incident.metric)).toEqual(['cpu_percent']);
    expect(await incidentsOf(token, elsewhere.id)).toEqual([]);
  });

  it('suppresses a child while its parent is down, and releases it when the parent recovers', async () => {
    const core = await createDevice(token, { kind: 'ROUTER' });
    const olt = await createDevice(token, { kind: 'OLT', parentId: core.id });
    const onuFailing = await createDevice(token, { kind: 'ONU', parentId: olt.id });
    const onuRecovering = await createDevice(token, { kind: 'ONU', parentId: olt.id });
    for (const device of [core, olt, onuFailing, onuRecovering]) {
      await createRule(token, { metric: 'UP', operator: 'LT', threshold: 1, consecutiveViolations: 1, severity: 'CRITICAL', scope: { kind: 'DEVICE', deviceId: device.id } });
    }
    // The OLT and its ONUs go down in one batch: the ONUs' incidents are recorded, suppressed by the OLT.
    await alerting.evaluate(isp.tenantId, [...samplesOf(olt.id, 'up', [0]), ...samplesOf(onuFailing.id, 'up', [0]), ...samplesOf(onuRecovering.id, 'up', [0])]);
    const [oltIncident] = await incidentsOf(token, olt.id);
    const [child] = await incidentsOf(token, onuFailing.id);
    expect(oltIncident).toMatchObject({ state: 'OPEN', suppressed: false });
    expect(child).toMatchObject({ state: 'OPEN', suppressed: true, suppressedBy: { id: olt.id } });
    expect(child.timeline.map((entry: any) => [entry.kind, entry.causeDevice?.id ?? null])).toEqual([['OPENED', null], ['SUPPRESSED', olt.id]]);
    expect(await events('network.incident.opened', child.id)).toEqual([]);

    // A grandchild-level view: the core is up, so nothing above the OLT suppresses it.
    // One ONU comes back while the OLT is still down: it resolves quietly.
    await alerting.evaluate(isp.tenantId, samplesOf(onuRecovering.id, 'up', [1], 1));
    const [quiet] = await incidentsOf(token, onuRecovering.id);
    expect(quiet).toMatchObject({ state: 'RESOLVED', suppressed: true });
    expect(await events('network.incident.resolved', quiet.id)).toEqual([]);

    // The OLT recovers: the ONU still down becomes an ordinary open incident, announced now.
    await alerting.evaluate(isp.tenantId, samplesOf(olt.id, 'up', [1], 2));
    const [released] = await incidentsOf(token, onuFailing.id);
    expect(released).toMatchObject({ state: 'OPEN', suppressed: false, suppressedBy: null });
    expect(released.timeline.map((entry: any) => entry.kind)).toEqual(['OPENED', 'SUPPRESSED', 'UNSUPPRESSED']);
    expect(await events('network.incident.opened', released.id)).toHaveLength(1);
  });

  it('suppresses under any ancestor that is down, and a manual resolution of the parent releases too', async () => {
    const core = await createDevice(token, { kind: 'ROUTER' });
    const sw = await createDevice(token, { kind: 'SWITCH', parentId: core.id });
    const cpe = await createDevice(token, { kind: 'CPE', parentId: sw.id });
    await createRule(token, { metric: 'UP', operator: 'EQ', threshold: 0, consecutiveViolations: 1, scope: { kind: 'DEVICE', deviceId: core.id } });
    await createRule(token, { metric: 'LOSS_PERCENT', threshold: 5, consecutiveViolations: 1, scope: { kind: 'DEVICE', deviceId: cpe.id } });
    await alerting.evaluate(isp.tenantId, [...samplesOf(core.id, 'up', [0]), ...samplesOf(cpe.id, 'loss_percent', [40])]);
    const [child] = await incidentsOf(token, cpe.id);
    expect(child).toMatchObject({ suppressed: true, suppressedBy: { id: core.id } });
    const [coreIncident] = await incidentsOf(token, core.id);
    const resolved = dataOf(await gql(RESOLVE, { input: { incidentId: coreIncident.id, note: 'Power restored' } }, { token })).resolveIncident;
    expect(resolved.userErrors).toEqual([]);
    expect(resolved.incident).toMatchObject({ state: 'RESOLVED', resolution: 'USER' });
    expect(resolved.incident.timeline.at(-1)).toMatchObject({ kind: 'RESOLVED', message: 'Power restored', actorKind: 'USER' });
    expect((await incidentsOf(token, cpe.id))[0]).toMatchObject({ state: 'OPEN', suppressed: false });
  });

  it('marks a flapping rule and device, keeps the incident open, and clears after a quiet window', async () => {
    const device = await createDevice(token);
    await createRule(token, { consecutiveViolations: 1, scope: { kind: 'DEVICE', deviceId: device.id } });
    const settings = dataOf(await gql(`mutation { setAlertingSettings(input: { flapMaxChanges: 3, flapWindowSeconds: 600 }) { settings { flapMaxChanges flapWindowSeconds } userErrors { code } } }`, {}, { token }));
    expect(settings.setAlertingSettings.settings).toEqual({ flapMaxChanges: 3, flapWindowSeconds: 600 });
    const flapped = await alerting.evaluate(isp.tenantId, samplesOf(device.id, 'latency_ms', [150, 50, 150, 50, 150, 50, 150, 50]));
    expect(flapped).toMatchObject({ opened: 2, resolved: 1, flappingStarted: 1 });
    const incidents = await incidentsOf(token, device.id);
    expect(incidents.map((incident) => [incident.state, incident.flapping])).toEqual([['OPEN', true], ['RESOLVED', false]]);
    expect(incidents[0].timeline.map((entry: any) => entry.kind)).toEqual(['OPENED', 'FLAPPING_STARTED']);

    const settled = await alerting.evaluate(isp.tenantId, samplesOf(device.id, 'latency_ms', [50, 50], 30));
    expect(settled).toMatchObject({ flappingEnded: 1, resolved: 1 });
    const [last] = await incidentsOf(token, device.id);
    expect(last).toMatchObject({ state: 'RESOLVED', flapping: false });
    expect(last.timeline.map((entry: any) => entry.kind)).toEqual(['OPENED', 'FLAPPING_STARTED', 'FLAPPING_ENDED', 'RESOLVED']);
    await gql(`mutation { setAlertingSettings(input: { flapMaxChanges: 5, flapWindowSeconds: 1800 }) { userErrors { code } } }`, {}, { token });
  });

  it('after an acknowledgement the incident still auto-resolves', async () => {
    const device = await createDevice(token);
    await createRule(token, { consecutiveViolations: 1, scope: { kind: 'DEVICE', deviceId: device.id } });
    await alerting.evaluate(isp.tenantId, samplesOf(device.id, 'latency_ms', [150]));
    const [incident] = await incidentsOf(token, device.id);
    expect(dataOf(await gql(ACKNOWLEDGE, { input: { incidentId: incident.id } }, { token })).acknowledgeIncident.incident.state).toBe('ACKNOWLEDGED');
    await alerting.evaluate(isp.tenantId, samplesOf(device.id, 'latency_ms', [10], 1));
    expect((await incidentsOf(token, device.id))[0]).toMatchObject({ state: 'RESOLVED', resolution: 'AUTO' });
  });
});
