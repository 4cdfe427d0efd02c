import { counterValue, snmpConfigShape, snmpPollingSettings } from '@dotmac/network/monitoring/snmp/index';
import { sensorReading, sensorSamples } from '@dotmac/network/monitoring/snmp/entity-sensors';
import { averageProcessorLoad, ramUsedPercent } from '@dotmac/network/monitoring/snmp/host-resources';
import { interfaceSamples } from '@dotmac/network/monitoring/snmp/interface-counters';
import { readNetworkConfig } from '@dotmac/network';
import { describe, expect, it } from 'vitest';

const stamp = { deviceId: 'd', tenantId: 't', at: new Date('2026-01-01T00:00:00Z') };
const column = (entries: Record<string, unknown>) => new Map(Object.entries(entries));
const RAM = '1.3.6.1.2.1.25.2.1.2';
const DISK = '1.3.6.1.2.1.25.2.1.4';

describe('reading SNMP values', () => {
  it('reads Counter64 Buffers exactly, past 2^53 and up to 2^64 - 1', () => {
    expect(counterValue(Buffer.from([0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toBe(2n ** 64n - 1n);
    expect(counterValue(Buffer.from([0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01]))).toBe(2n ** 53n + 1n);
    expect(counterValue(Buffer.from([0x05]))).toBe(5n);
    expect(counterValue(Buffer.alloc(0))).toBe(0n);
    expect(counterValue(4294967295)).toBe(4294967295n);
    expect(counterValue('12')).toBeUndefined();
  });

  it('labels interface counters with ifIndex and ifName, falling back to the index', () => {
    const samples = interfaceSamples({ inOctets: column({ '1': Buffer.from([1, 0]), '7': 9 }), outOctets: column({ '1': 3 }) }, column({ '1': Buffer.from('lo') }), stamp);
    expect(samples).toEqual([
      { ...stamp, metric: 'interface_in_octets', value: 256n, labels: { ifIndex: '1', ifName: 'lo' } },
      { ...stamp, metric: 'interface_in_octets', value: 9n, labels: { ifIndex: '7', ifName: '7' } },
      { ...stamp, metric: 'interface_out_octets', value: 3n, labels: { ifIndex: '1', ifName: 'lo' } },
    ]);
  });

  it('averages processor load and sums the RAM rows of hrStorage only', () => {
    expect(averageProcessorLoad(column({ '1': 10, '2': 30 }))).toBe(20);
    expect(averageProcessorLoad(new Map())).toBeUndefined();
    const types = column({ '1': RAM, '2': DISK, '3': RAM });
    expect(ramUsedPercent(types, column({ '1': 1000, '2': 10, '3': 1000 }), column({ '1': 250, '2': 10, '3': 750 }))).toBe(50);
    expect(ramUsedPercent(column({ '2': DISK }), column({ '2': 10 }), column({ '2': 5 }))).toBeUndefined();
  });

  it('scales ENTITY-SENSOR values and keeps working temperature and receive-power sensors', () => {
    expect(sensorReading(-523, 9, 2)).toBeCloseTo(-5.23);
    expect(sensorReading(41500, 8, 0)).toBeCloseTo(41.5);
    const samples = sensorSamples(
      {
        types: column({ '10': 8, '11': 14, '12': 14, '13': 8, '14': 4 }),
        scales: column({ '10': 9, '11': 9, '12': 9, '13': 9, '14': 8 }),
        precisions: column({ '10': 1, '11': 2, '12': 2, '13': 0, '14': 0 }),
        values: column({ '10': 415, '11': -523, '12': -210, '13': 99, '14': 3300 }),
        statuses: column({ '10': 1, '11': 1, '12': 1, '13': 2, '14': 1 }),
        names: column({ '10': Buffer.from('Chassis Temperature'), '11': Buffer.from('Te1/1 Receive Power Sensor'), '12': Buffer.from('Te1/1 Transmit Power Sensor') }),
      },
      stamp,
    );
    expect(samples).toHaveLength(2);
    expect(samples[0]).toMatchObject({ metric: 'temperature_c', labels: { sensor: '10', name: 'Chassis Temperature' } });
    expect(samples[0]!.value).toBeCloseTo(41.5);
    expect(samples[1]).toMatchObject({ metric: 'optical_rx_dbm', labels: { sensor: '11' } });
    expect(samples[1]!.value).toBeCloseTo(-5.23);
  });
});

describe('SNMP poller settings', () => {
  const base = { NETWORK_CREDENTIALS_KEY: 'a'.repeat(64), DATABASE_URL: 'postgres://x@127.0.0.1/db', INTERNAL_SIGNING_KEY: 'k'.repeat(32) };

  it('defaults to a 300 s cycle, 2 s timeout, 1 retry, 16 at once', () => {
    expect(snmpPollingSettings(readNetworkConfig(base))).toEqual({
      poller: { timeoutMs: 2000, retries: 1, deadlineMs: 60000 },
      intervalMs: 300000,
      concurrency: 16,
    });
  });

  it('takes 0 as "polling off" and refuses nonsense', () => {
    expect(readNetworkConfig({ ...base, SNMP_POLL_INTERVAL_MS: '0' }).SNMP_POLL_INTERVAL_MS).toBe(0);
    expect(() => readNetworkConfig({ ...base, SNMP_CONCURRENCY: '0', SNMP_TIMEOUT_MS: 'soon', SNMP_RETRIES: '-1' })).toThrow(
      /SNMP_TIMEOUT_MS must be a whole number of at least 1, got "soon"[\s\S]*SNMP_RETRIES must be[\s\S]*SNMP_CONCURRENCY must be a whole number of at least 1/,
    );
    expect(Object.keys(snmpConfigShape)).toContain('SNMP_DEVICE_DEADLINE_MS');
  });
});
