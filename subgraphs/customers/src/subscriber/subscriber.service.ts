import { AppError, containsPattern, normaliseEmail, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { Subscriber, SubscriberStatus, type SubscriberType } from './subscriber.entity.js';
import { SubscriberNode } from './subscriber.type.js';
import { SubscriberOrderField, type SubscriberFilter, type SubscriberOrder } from './subscriber.input.js';

const ACCOUNT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
/** Statuses a subscriber may be created in; the others are reached through the lifecycle. */
const INITIAL_STATUSES = [SubscriberStatus.LEAD, SubscriberStatus.ACTIVE];

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) throw AppError.badInput('Name must be 1–200 characters', 'name');
  return trimmed;
}

function cleanEmail(email: string | undefined | null): string | undefined {
  if (email == null || email.trim() === '') return undefined;
  return normaliseEmail(email);
}

const duplicateAccount = (accountNumber: string) => AppError.conflict(`Account number ${accountNumber} is taken`, 'accountNumber');

export interface NewSubscriber {
  name: string;
  accountNumber?: string;
  email?: string;
  type?: SubscriberType;
  status?: SubscriberStatus;
}

async function nextAccountNumber(em: EntityManager, tenantId: string): Promise<string> {
  // Serialise generated numbers per tenant for this transaction, then take max + 1.
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`subscriber-account:${tenantId}`]);
  const [row] = await em.execute<{ next: number }[]>(
    `select coalesce(max(substring(account_number from '^S-(\\d+)$')::int), 0) + 1 as next from subscriber where tenant_id = ?`,
    [tenantId],
  );
  return `S-${String(row?.next ?? 1).padStart(6, '0')}`;
}

export async function createSubscriber(em: EntityManager, tenantId: string, input: NewSubscriber): Promise<Subscriber> {
  const name = cleanName(input.name);
  const email = cleanEmail(input.email);
  const status = input.status ?? SubscriberStatus.LEAD;
  if (!INITIAL_STATUSES.includes(status)) throw AppError.badInput('A new subscriber starts as LEAD or ACTIVE', 'status');
  let accountNumber = input.accountNumber?.trim();
  if (accountNumber !== undefined && !ACCOUNT_NUMBER.test(accountNumber)) {
    throw AppError.badInput('Account number: 1–32 letters, digits or "-"', 'accountNumber');
  }
  accountNumber ??= await nextAccountNumber(em, tenantId);
  if (await em.count(Subscriber, { tenantId, accountNumber })) throw duplicateAccount(accountNumber);
  const subscriber = em.create(Subscriber, { tenantId, name, email, accountNumber, type: input.type, status });
  await em.flush().catch((error: unknown) => {
    if (error instanceof UniqueConstraintViolationException) throw duplicateAccount(accountNumber);
    throw error;
  });
  return subscriber;
}

export async function updateSubscriber(
  em: EntityManager,
  id: string,
  changes: { name?: string | null; email?: string | null; type?: SubscriberType | null },
): Promise<Subscriber> {
  const subscriber = await em.findOne(Subscriber, { id });
  if (!subscriber) throw AppError.notFound('Subscriber');
  if (changes.name != null) subscriber.name = cleanName(changes.name);
  if (changes.email !== undefined) subscriber.email = cleanEmail(changes.email);
  if (changes.type) subscriber.type = changes.type;
  return subscriber;
}

export function listSubscribers(
  em: EntityManager,
  tenantId: string,
  filter: SubscriberFilter | undefined,
  order: SubscriberOrder | undefined,
  args: ConnectionArgs,
) {
  const where: FilterQuery<Subscriber> & Record<string, unknown> = { tenantId };
  if (filter?.status?.length) where.status = { $in: filter.status };
  if (filter?.type?.length) where.type = { $in: filter.type };
  if (filter?.search?.trim()) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }, { accountNumber: { $ilike: pattern } }];
  }
  return paginate(
    em,
    Subscriber,
    { where, sortField: order?.field ?? SubscriberOrderField.NAME, sortDirection: order?.direction ?? SortDirection.ASC, args },
    SubscriberNode.from,
  );
}

/** Subscribers per tenant, for every tenant asked about (zero where none): one grouped query. */
export async function countByTenant(em: EntityManager, tenantIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await em.execute<{ tenant_id: string; count: string }[]>(
    `select tenant_id, count(*) as count from subscriber where tenant_id = any(?::uuid[]) group by tenant_id`,
    [`{${tenantIds.join(',')}}`],
  );
  return new Map(rows.map((row) => [row.tenant_id, Number(row.count)]));
}
