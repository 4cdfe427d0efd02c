import { lockKey, type EntityManager } from '@dotmac/kernel';
import { formatAccountNumber } from './subscriber.rules.js';

/** Account numbers taking part in generation: S- and up to 12 digits (larger ones never collide). */
const SEQUENCED = /^S-(\d{1,12})$/;

/**
 * Reserves `count` generated account numbers (S-000123) for a tenant: takes the tenant's generation
 * lock for the rest of the transaction, then continues after the highest S-number in the database
 * or in `alsoTaken` (numbers about to be inserted by the same transaction).
 */
export async function reserveAccountNumbers(em: EntityManager, tenantId: string, count: number, alsoTaken: Iterable<string> = []): Promise<string[]> {
  if (count === 0) return [];
  await lockKey(em, `subscriber-account:${tenantId}`);
  const [row] = await em.execute<{ highest: string }[]>(
    `select coalesce(max(substring(account_number from '^S-(\\d{1,12})$')::bigint), 0) as highest from subscriber where tenant_id = ?`,
    [tenantId],
  );
  let highest = Number(row?.highest ?? 0);
  for (const accountNumber of alsoTaken) {
    const match = SEQUENCED.exec(accountNumber);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return Array.from({ length: count }, (_, index) => formatAccountNumber(highest + 1 + index));
}
