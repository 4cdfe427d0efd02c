import { SnmpPoller, type HealthSample } from '@dotmac/network/monitoring/snmp/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSnmpd, type RunningSnmpd } from '../support/snmp/snmpd-server.js';
import { COMMUNITY, deviceAt, loopbackTraffic, sampleOf, sleep, snmpdMissing, V3_USER } from './snmp-fixtures.js';

const TIMEOUT_MS = 500;
const RETRIES = 1;
// A silent agent costs timeout × (retries + 1); the machine may be busy, hence the margin.
const SILENT_MS = TIMEOUT_MS * (RETRIES + 1);
const MARGIN_MS = 1500;

const loOctets = (samples: HealthSample[], metric: 'interface_in_octets' | 'interface_out_octets') =>
  samples.find((sample) => sample.metric === metric && sample.labels?.ifName === 'lo')?.value as bigint | undefined;

describe.skipIf(snmpdMissing)('SNMP poller against a real snmpd', () => {
  let agent: RunningSnmpd;
  const poller = new SnmpPoller({ timeoutMs: TIMEOUT_MS, retries: RETRIES });

  beforeAll(async () => {
    agent = await startSnmpd({ community: COMMUNITY, v3User: V3_USER });
  });
  afterAll(() => agent?.stop());

  it('polls v2c: up, round trip, uptime, memory and 64-bit interface counters with names', async () => {
    const device = deviceAt(agent.port);
    const samples = await poller.pollOnce(device);
    expect(sampleOf(samples, 'up')).toMatchObject({ value: 1, deviceId: device.id, tenantId: device.tenantId });
    expect(sampleOf(samples, 'latency_ms')!.value).toBeGreaterThan(0);
    expect(sampleOf(samples, 'latency_ms')!.value).toBeLessThan(SILENT_MS);
    const uptime = sampleOf(samples, 'uptime_s')!.value as number;
    expect(uptime).toBeGreaterThanOrEqual(0);
    expect(uptime).toBeLessThan((Date.now() - agent.startedAt) / 1000 + 2);
    const memory = sampleOf(samples, 'memory_percent')!.value as number;
    expect(memory).toBeGreaterThan(0);
    expect(memory).toBeLessThanOrEqual(100);
    expect(typeof loOctets(samples, 'interface_in_octets')).toBe('bigint');
    expect(samples.find((sample) => sample.labels?.ifName === 'lo')!.labels).toMatchObject({ ifIndex: expect.stringMatching(/^\d+$/) });
    expect(new Set(samples.map((sample) => sample.at.getTime())).size).toBe(1);
    // Linux exposes no ENTITY-SENSOR-MIB: no sensor metrics, and no failure either.
    expect(samples.filter((sample) => sample.metric === 'temperature_c' || sample.metric === 'optical_rx_dbm')).toEqual([]);
  });

  it('sees the loopback counters grow by the traffic sent between two polls', async () => {
    const device = deviceAt(agent.port);
    const before = loOctets(await poller.pollOnce(device), 'interface_in_octets')!;
    const bytes = 2_000_000;
    await loopbackTraffic(bytes);
    // snmpd caches the interface table for a few seconds.
    let after = before;
    for (let attempt = 0; attempt < 40 && after - before < BigInt(bytes); attempt += 1) {
      await sleep(250);
      after = loOctets(await poller.pollOnce(device), 'interface_in_octets')!;
    }
    expect(after - before).toBeGreaterThanOrEqual(BigInt(bytes));
  });

  it('falls back to the 32-bit ifTable counters on SNMPv1', async () => {
    const samples = await poller.pollOnce(deviceAt(agent.port, { version: 'v1' }));
    expect(sampleOf(samples, 'up')!.value).toBe(1);
    const inOctets = loOctets(samples, 'interface_in_octets')!;
    expect(inOctets).toBeGreaterThan(0n);
    expect(inOctets).toBeLessThan(2n ** 32n);
  });

  it('polls SNMPv3 authPriv (SHA, AES)', async () => {
    const samples = await poller.pollOnce(
      deviceAt(agent.port, { version: 'v3', community: undefined, v3: { user: V3_USER.name, authProtocol: 'sha', authKey: V3_USER.authKey, privProtocol: 'aes', privKey: V3_USER.privKey } }),
    );
    expect(sampleOf(samples, 'up')!.value).toBe(1);
    expect(sampleOf(samples, 'memory_percent')).toBeDefined();
    expect(loOctets(samples, 'interface_out_octets')).toBeGreaterThan(0n);
  });

  it('reports a wrong v3 authentication key as down (auth), without throwing', async () => {
    const samples = await poller.pollOnce(
      deviceAt(agent.port, { version: 'v3', v3: { user: V3_USER.name, authProtocol: 'sha', authKey: 'not-the-auth-key', privProtocol: 'aes', privKey: V3_USER.privKey } }),
    );
    expect(samples).toEqual([expect.objectContaining({ metric: 'up', value: 0, labels: { reason: 'auth' } })]);
  });

  it('reports a wrong v3 privacy key as down, without throwing', async () => {
    const samples = await poller.pollOnce(
      deviceAt(agent.port, { version: 'v3', v3: { user: V3_USER.name, authProtocol: 'sha', authKey: V3_USER.authKey, privProtocol: 'aes', privKey: 'not-the-priv-key' } }),
    );
    expect(samples).toEqual([expect.objectContaining({ metric: 'up', value: 0 })]);
    expect(['auth', 'timeout']).toContain(samples[0]!.labels?.reason);
  });

  it('reports a wrong community as down (timeout) once timeout × (retries + 1) has passed', async () => {
    const started = Date.now();
    const samples = await poller.pollOnce(deviceAt(agent.port, { community: 'not-the-community' }));
    const elapsed = Date.now() - started;
    expect(samples).toEqual([expect.objectContaining({ metric: 'up', value: 0, labels: { reason: 'timeout' } })]);
    expect(elapsed).toBeGreaterThanOrEqual(SILENT_MS - 50);
    expect(elapsed).toBeLessThan(SILENT_MS + MARGIN_MS);
  });

  it('refuses unusable settings as down (settings) without sending anything: no community, no v3 user, privacy without authentication', async () => {
    const unusable = [
      deviceAt(agent.port, { community: undefined }),
      deviceAt(agent.port, { version: 'v3', community: undefined }),
      deviceAt(agent.port, { version: 'v3', v3: { user: V3_USER.name, privProtocol: 'aes', privKey: V3_USER.privKey } }),
      deviceAt(agent.port, { version: 'v3', v3: { user: V3_USER.name, authProtocol: 'sha' } }),
    ];
    for (const device of unusable) {
      expect(await poller.pollOnce(device)).toEqual([expect.objectContaining({ metric: 'up', value: 0, labels: { reason: 'settings' } })]);
    }
  });

  // Last: snmpd reports hrProcessorLoad only once it has a minute of CPU history.
  it('reports the average CPU load from HOST-RESOURCES-MIB once the agent has a minute of history', { timeout: 120_000 }, async () => {
    await sleep(Math.max(0, agent.startedAt + 60_000 - Date.now()));
    const device = deviceAt(agent.port);
    let cpu: number | undefined;
    for (let attempt = 0; attempt < 30 && cpu === undefined; attempt += 1) {
      cpu = sampleOf(await poller.pollOnce(device), 'cpu_percent')?.value as number | undefined;
      if (cpu === undefined) await sleep(1000);
    }
    expect(cpu).toBeGreaterThanOrEqual(0);
    expect(cpu).toBeLessThanOrEqual(100);
  });
});
