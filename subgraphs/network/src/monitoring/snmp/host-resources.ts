import type { HealthSample } from './health-sample.js';
import { OID } from './snmp-oids.js';
import type { SampleStamp } from './sample-stamp.js';
import type { SnmpSession } from './snmp-session.js';
import { numberValue, textValue } from './snmp-values.js';

/** Mean of hrProcessorLoad over all processors; undefined without any. */
export function averageProcessorLoad(loads: Map<string, unknown>): number | undefined {
  const values = [...loads.values()].map(numberValue).filter((load): load is number => load !== undefined);
  if (values.length === 0) return undefined;
  return values.reduce((sum, load) => sum + load, 0) / values.length;
}

/**
 * Used share of the hrStorageRam rows, in percent. Units cancel out (used and size of one row share
 * its allocation unit); several RAM rows are summed.
 */
export function ramUsedPercent(types: Map<string, unknown>, sizes: Map<string, unknown>, used: Map<string, unknown>): number | undefined {
  let totalSize = 0;
  let totalUsed = 0;
  for (const [index, type] of types) {
    if (textValue(type) !== OID.hrStorageRam) continue;
    const size = numberValue(sizes.get(index));
    const usedUnits = numberValue(used.get(index));
    if (!size || usedUnits === undefined) continue;
    totalSize += size;
    totalUsed += usedUnits;
  }
  return totalSize > 0 ? (100 * totalUsed) / totalSize : undefined;
}

/** cpu_percent and memory_percent from HOST-RESOURCES-MIB; none when the agent does not implement it. */
export async function readHostResources(session: SnmpSession, stamp: SampleStamp): Promise<HealthSample[]> {
  const samples: HealthSample[] = [];
  const cpu = averageProcessorLoad(await session.walkColumn(OID.hrProcessorLoad));
  if (cpu !== undefined) samples.push({ ...stamp, metric: 'cpu_percent', value: cpu });
  const types = await session.walkColumn(OID.hrStorageType);
  if (types.size > 0) {
    const memory = ramUsedPercent(types, await session.walkColumn(OID.hrStorageSize), await session.walkColumn(OID.hrStorageUsed));
    if (memory !== undefined) samples.push({ ...stamp, metric: 'memory_percent', value: memory });
  }
  return samples;
}
