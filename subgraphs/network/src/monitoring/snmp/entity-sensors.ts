import type { HealthSample } from './health-sample.js';
import type { SampleStamp } from './sample-stamp.js';
import { OID } from './snmp-oids.js';
import type { SnmpSession } from './snmp-session.js';
import { numberValue, textValue } from './snmp-values.js';

/** ENTITY-SENSOR-MIB EntitySensorDataType values the poller reports. */
const SENSOR_TYPE = { celsius: 8, dBm: 14 } as const;
/** EntitySensorStatus ok(1); unavailable and nonoperational sensors report nothing useful. */
const SENSOR_OK = 1;
/** EntitySensorDataScale as powers of ten: yocto(1) … units(9) … yotta(17); the MIB lists exa before peta. */
const SCALE_EXPONENT: Record<number, number> = {
  1: -24, 2: -21, 3: -18, 4: -15, 5: -12, 6: -9, 7: -6, 8: -3, 9: 0, 10: 3, 11: 6, 12: 9, 13: 12, 14: 18, 15: 15, 16: 21, 17: 24,
};
// Optical transceivers expose transmit and receive power as dBm sensors alike; only the name tells.
const RECEIVE_NAME = /(^|[^a-z])(rx|receive)/i;

export interface SensorColumns {
  types: Map<string, unknown>;
  scales: Map<string, unknown>;
  precisions: Map<string, unknown>;
  values: Map<string, unknown>;
  statuses: Map<string, unknown>;
  names: Map<string, unknown>;
}

/** The sensor's reading in its unit: value × 10^(scale) ÷ 10^(precision). */
export function sensorReading(value: number, scale: number, precision: number): number {
  return value * 10 ** ((SCALE_EXPONENT[scale] ?? 0) - precision);
}

export function sensorSamples(columns: SensorColumns, stamp: SampleStamp): HealthSample[] {
  const samples: HealthSample[] = [];
  for (const [index, rawType] of columns.types) {
    const type = numberValue(rawType);
    const raw = numberValue(columns.values.get(index));
    if (raw === undefined || numberValue(columns.statuses.get(index)) !== SENSOR_OK) continue;
    const value = sensorReading(raw, numberValue(columns.scales.get(index)) ?? 9, numberValue(columns.precisions.get(index)) ?? 0);
    const name = textValue(columns.names.get(index)) ?? '';
    const labels = { sensor: index, ...(name ? { name } : {}) };
    if (type === SENSOR_TYPE.celsius) samples.push({ ...stamp, metric: 'temperature_c', value, labels });
    else if (type === SENSOR_TYPE.dBm && RECEIVE_NAME.test(name)) samples.push({ ...stamp, metric: 'optical_rx_dbm', value, labels });
  }
  return samples;
}

/** temperature_c and optical_rx_dbm per sensor; none (silently) when the agent has no ENTITY-SENSOR-MIB. */
export async function readEntitySensors(session: SnmpSession, stamp: SampleStamp): Promise<HealthSample[]> {
  const types = await session.walkColumn(OID.entPhySensorType);
  const wanted = [...types.values()].some((type) => type === SENSOR_TYPE.celsius || type === SENSOR_TYPE.dBm);
  if (!wanted) return [];
  const columns: SensorColumns = {
    types,
    scales: await session.walkColumn(OID.entPhySensorScale),
    precisions: await session.walkColumn(OID.entPhySensorPrecision),
    values: await session.walkColumn(OID.entPhySensorValue),
    statuses: await session.walkColumn(OID.entPhySensorOperStatus),
    names: await session.walkColumn(OID.entPhysicalName),
  };
  return sensorSamples(columns, stamp);
}
