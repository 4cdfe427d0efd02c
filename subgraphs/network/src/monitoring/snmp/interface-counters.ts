import type { CounterMetric, HealthSample } from './health-sample.js';
import type { SnmpVersion } from './polled-device.js';
import type { SampleStamp } from './sample-stamp.js';
import { OID } from './snmp-oids.js';
import type { SnmpSession } from './snmp-session.js';
import { counterValue, textValue } from './snmp-values.js';

interface OctetColumns {
  inOctets: Map<string, unknown>;
  outOctets: Map<string, unknown>;
}

/**
 * 64-bit ifHC counters where the agent has them; SNMPv1 cannot carry Counter64, and some agents lack
 * the ifXTable, so both fall back to the 32-bit ifTable counters (which wrap every 34 s at 1 Gbit/s).
 */
async function readOctetColumns(session: SnmpSession, version: SnmpVersion): Promise<OctetColumns> {
  if (version !== 'v1') {
    const inOctets = await session.walkColumn(OID.ifHCInOctets);
    const outOctets = await session.walkColumn(OID.ifHCOutOctets);
    if (inOctets.size > 0 || outOctets.size > 0) return { inOctets, outOctets };
  }
  return { inOctets: await session.walkColumn(OID.ifInOctets), outOctets: await session.walkColumn(OID.ifOutOctets) };
}

async function readInterfaceNames(session: SnmpSession): Promise<Map<string, unknown>> {
  const names = await session.walkColumn(OID.ifName);
  return names.size > 0 ? names : session.walkColumn(OID.ifDescr);
}

export function interfaceSamples(columns: OctetColumns, names: Map<string, unknown>, stamp: SampleStamp): HealthSample[] {
  const samples: HealthSample[] = [];
  const add = (metric: CounterMetric, column: Map<string, unknown>) => {
    for (const [ifIndex, raw] of column) {
      const value = counterValue(raw);
      if (value === undefined) continue;
      samples.push({ ...stamp, metric, value, labels: { ifIndex, ifName: textValue(names.get(ifIndex)) ?? ifIndex } });
    }
  };
  add('interface_in_octets', columns.inOctets);
  add('interface_out_octets', columns.outOctets);
  return samples;
}

/** interface_in_octets and interface_out_octets per ifIndex, labelled with ifIndex and ifName. */
export async function readInterfaceCounters(session: SnmpSession, version: SnmpVersion, stamp: SampleStamp): Promise<HealthSample[]> {
  const columns = await readOctetColumns(session, version);
  if (columns.inOctets.size === 0 && columns.outOctets.size === 0) return [];
  return interfaceSamples(columns, await readInterfaceNames(session), stamp);
}
