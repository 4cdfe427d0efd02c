/**
 * Reading varbind values as net-snmp hands them over: integers, gauges, Counter32 and TimeTicks as
 * numbers; Counter64 as a big-endian Buffer of up to 9 bytes; strings as Buffers.
 */

/** A counter of any width as an exact bigint; undefined when the value is not a counter. */
export function counterValue(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  if (Buffer.isBuffer(value)) {
    let result = 0n;
    for (const byte of value) result = (result << 8n) | BigInt(byte);
    return result;
  }
  return undefined;
}

export function numberValue(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

export function textValue(value: unknown): string | undefined {
  if (Buffer.isBuffer(value)) return value.toString('utf8').replace(/\0+$/, '');
  if (typeof value === 'string') return value;
  return undefined;
}

/** The row index of a table column's instance OID: `1.3.6.1.2.1.2.2.1.10.7` under `1.3.6.1.2.1.2.2.1.10` is `7`. */
export function rowIndex(columnOid: string, instanceOid: string): string | undefined {
  const prefix = `${columnOid}.`;
  return instanceOid.startsWith(prefix) ? instanceOid.slice(prefix.length) : undefined;
}
