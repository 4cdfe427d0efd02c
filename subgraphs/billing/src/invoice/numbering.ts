import type { EntityManager } from '@dotmac/kernel';

export type NumberSeries = 'invoice' | 'credit_note';

/**
 * Takes the next `count` numbers of a tenant's series inside the caller's transaction. The counter
 * row stays locked until that transaction ends, so concurrent issuers queue behind it; a rollback
 * gives the numbers back. Numbers are therefore gapless and never reused.
 */
export async function takeNumbers(em: EntityManager, tenantId: string, series: NumberSeries, prefix: string, count = 1): Promise<string[]> {
  if (count <= 0) return [];
  const [row] = await em.execute<{ last_value: string }[]>(
    `insert into invoice_sequence (tenant_id, kind, last_value) values (?, ?, ?)
     on conflict (tenant_id, kind) do update set last_value = invoice_sequence.last_value + excluded.last_value
     returning last_value`,
    [tenantId, series, count],
  );
  const last = Number(row!.last_value);
  return Array.from({ length: count }, (_, i) => formatNumber(prefix, last - count + 1 + i));
}

/** INV-000042: at least six digits, more when needed. */
export const formatNumber = (prefix: string, value: number): string => `${prefix}${String(value).padStart(6, '0')}`;
