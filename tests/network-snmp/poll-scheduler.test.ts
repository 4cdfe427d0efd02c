import { SnmpPoller, startPolling, type DeviceSource, type PolledDevice } from '@dotmac/network/monitoring/snmp/index';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSnmpd, type RunningSnmpd } from '../support/snmp/snmpd-server.js';
import { COMMUNITY, CollectingSink, CountingPoller, deviceAt, sleep, snmpdMissing, until } from './snmp-fixtures.js';

const TIMEOUT_MS = 600;
const RETRIES = 1;
const HANG_MS = TIMEOUT_MS * (RETRIES + 1);
const INTERVAL_MS = 100;

const listing = (...devices: PolledDevice[]): DeviceSource => ({ listPollable: async () => devices });

/** The scheduler against an agent that is SIGSTOPped: it keeps its port but never answers. */
describe.skipIf(snmpdMissing)('SNMP poll scheduler against a hanging snmpd', () => {
  let agent: RunningSnmpd;
  let stopPolling: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    agent = await startSnmpd({ community: COMMUNITY });
  });
  afterEach(async () => {
    await stopPolling?.();
    stopPolling = undefined;
    agent.resume();
  });
  afterAll(() => agent?.stop());

  const start = (source: DeviceSource, concurrency = 4, timeoutMs = TIMEOUT_MS) => {
    const poller = new CountingPoller(new SnmpPoller({ timeoutMs, retries: RETRIES }));
    const sink = new CollectingSink();
    const handle = startPolling({ poller, intervalMs: INTERVAL_MS, concurrency, source, sink });
    stopPolling = handle.stop;
    return { poller, sink, handle };
  };

  it('never starts a second poll of a device while the first hangs, and ends the cycle after the timeout', async () => {
    const device = deviceAt(agent.port);
    agent.pause();
    const started = Date.now();
    const { poller, sink, handle } = start(listing(device));

    // Several intervals pass while the first poll waits on the silent agent.
    await sleep(INTERVAL_MS * 3);
    expect(handle.stats()).toMatchObject({ cyclesStarted: 1, cyclesCompleted: 0, pollsStarted: 1, pollsCompleted: 0 });
    expect(poller.started.get(device.id)).toBe(1);

    await until(() => handle.stats().cyclesCompleted === 1, HANG_MS + 3000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(HANG_MS - 50);
    expect(sink.batches[0]).toEqual([expect.objectContaining({ deviceId: device.id, metric: 'up', value: 0, labels: { reason: 'timeout' } })]);
    expect(handle.stats()).toMatchObject({ cyclesOverrun: 1, devicesDown: 1 });

    // Back to life: the next cycles see it up, and still one poll at a time.
    agent.resume();
    await until(() => sink.samples.some((sample) => sample.metric === 'up' && sample.value === 1), 5000);
    await handle.stop();
    expect(poller.maxRunningPerDevice).toBe(1);
    const stats = handle.stats();
    expect(stats.pollsStarted).toBe(stats.pollsCompleted);
    expect(stats.cyclesStarted).toBe(stats.cyclesCompleted);
  });

  it('skips and counts a device listed twice while its first poll is running', async () => {
    const device = deviceAt(agent.port);
    agent.pause();
    const { poller, handle } = start(listing(device, device), 2);
    await until(() => handle.stats().cyclesCompleted === 1, HANG_MS + 3000);
    await handle.stop();
    // Each cycle (the next starts at once, the first having overrun) polls it once and skips it once.
    const stats = handle.stats();
    expect(stats.pollsStarted).toBeGreaterThanOrEqual(1);
    expect(stats.pollsSkippedInFlight).toBe(stats.pollsStarted);
    expect(poller.maxRunningPerDevice).toBe(1);
  });

  it('polls other devices while one hangs, within the concurrency bound', async () => {
    const hung = deviceAt(agent.port);
    agent.pause();
    const healthy = await startSnmpd({ community: COMMUNITY });
    try {
      const alive = [deviceAt(healthy.port), deviceAt(healthy.port), deviceAt(healthy.port)];
      // The hung device holds one of the two slots for 2 × 3 s; the other slot serves the rest.
      const { poller, sink, handle } = start(listing(hung, ...alive), 2, 3000);
      await until(() => alive.every((device) => sink.samples.some((sample) => sample.deviceId === device.id)), 5000);
      expect(handle.stats().cyclesCompleted).toBe(0);
      expect(alive.map((device) => sink.samples.find((sample) => sample.deviceId === device.id && sample.metric === 'up')?.value)).toEqual([1, 1, 1]);
      agent.resume();
      await handle.stop();
      expect(poller.maxRunningTotal).toBe(2);
    } finally {
      await healthy.stop();
    }
  });

  it('stop() waits for the poll in flight and starts no other', async () => {
    const first = deviceAt(agent.port);
    const second = deviceAt(agent.port);
    agent.pause();
    const { poller, sink, handle } = start(listing(first, second), 1);
    await until(() => handle.stats().pollsStarted === 1, 1000);
    const stopping = Date.now();
    await handle.stop();
    expect(Date.now() - stopping).toBeGreaterThanOrEqual(HANG_MS - 300);
    expect(handle.stats()).toMatchObject({ pollsStarted: 1, pollsCompleted: 1 });
    expect(poller.started.has(second.id)).toBe(false);
    expect(sink.batches).toHaveLength(1);
    await sleep(INTERVAL_MS * 2);
    expect(handle.stats().pollsStarted).toBe(1);
  });

  it('reports a dead agent (process gone) as down', async () => {
    const dead = await startSnmpd({ community: COMMUNITY });
    await dead.stop();
    const started = Date.now();
    const samples = await new SnmpPoller({ timeoutMs: TIMEOUT_MS, retries: RETRIES }).pollOnce(deviceAt(dead.port));
    expect(samples).toEqual([expect.objectContaining({ metric: 'up', value: 0 })]);
    expect(Date.now() - started).toBeLessThan(HANG_MS + 1500);
  });

  it('ends a poll at its deadline even while requests are still being retried', async () => {
    agent.pause();
    const started = Date.now();
    const samples = await new SnmpPoller({ timeoutMs: 1000, retries: 5, deadlineMs: 300 }).pollOnce(deviceAt(agent.port));
    expect(samples).toEqual([expect.objectContaining({ metric: 'up', value: 0, labels: { reason: 'deadline' } })]);
    expect(Date.now() - started).toBeLessThan(300 + 1000);
  });
});
