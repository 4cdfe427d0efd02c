import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { DevicePoller, HealthSample, PolledDevice, SampleSink, SnmpSettings } from '@dotmac/network/monitoring/snmp/index';
import { findSnmpd } from '../support/snmp/snmpd-server.js';

export const COMMUNITY = 'dotmac-ro-test';
export const V3_USER = { name: 'dotmac-poller', authKey: 'auth-passphrase-1', privKey: 'priv-passphrase-1' };

/** Skip the SNMP suites only when the agent binary is missing; CI installs it (.ci/run). */
export const snmpdMissing = !findSnmpd();
if (snmpdMissing) console.warn('\n!!! snmpd is not installed (apt-get install snmpd): the SNMP poller tests are SKIPPED.\n');

export function deviceAt(port: number, snmp: Partial<SnmpSettings> = {}): PolledDevice {
  return {
    id: randomUUID(),
    tenantId: randomUUID(),
    managementIp: '127.0.0.1',
    kind: 'server',
    snmp: { version: 'v2c', port, community: COMMUNITY, ...snmp },
  };
}

export const sampleOf = (samples: HealthSample[], metric: HealthSample['metric']) => samples.find((sample) => sample.metric === metric);

/** A sink that keeps every batch it is given. */
export class CollectingSink implements SampleSink {
  readonly batches: HealthSample[][] = [];
  async record(samples: HealthSample[]): Promise<void> {
    this.batches.push(samples);
  }
  get samples(): HealthSample[] {
    return this.batches.flat();
  }
}

/** Wraps a poller and counts polls started per device, and the most ever running at once (per device and in all). */
export class CountingPoller implements DevicePoller {
  readonly started = new Map<string, number>();
  readonly running = new Map<string, number>();
  maxRunningPerDevice = 0;
  private runningTotal = 0;
  maxRunningTotal = 0;

  constructor(private readonly inner: DevicePoller) {}

  async pollOnce(device: PolledDevice): Promise<HealthSample[]> {
    this.started.set(device.id, (this.started.get(device.id) ?? 0) + 1);
    const running = (this.running.get(device.id) ?? 0) + 1;
    this.running.set(device.id, running);
    this.maxRunningPerDevice = Math.max(this.maxRunningPerDevice, running);
    this.runningTotal += 1;
    this.maxRunningTotal = Math.max(this.maxRunningTotal, this.runningTotal);
    try {
      return await this.inner.pollOnce(device);
    } finally {
      this.runningTotal -= 1;
      this.running.set(device.id, (this.running.get(device.id) ?? 1) - 1);
    }
  }
}

/** Sends `bytes` over a loopback TCP connection and resolves once all have arrived. */
export async function loopbackTraffic(bytes: number): Promise<void> {
  let received = 0;
  let done!: () => void;
  const arrived = new Promise<void>((resolve) => (done = resolve));
  const server = net.createServer((socket) => {
    socket.on('data', (chunk) => {
      received += chunk.length;
      if (received >= bytes) done();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const client = net.connect(port, '127.0.0.1');
  client.end(Buffer.alloc(bytes, 0x5a));
  await arrived;
  client.destroy();
  await new Promise((resolve) => server.close(resolve));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds, checking every 20 ms, for at most `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}
