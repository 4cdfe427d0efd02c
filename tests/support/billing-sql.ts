import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { platform } from './platform-context.js';

/**
 * Direct access to the billing database as the table owner, inside a platform-scoped transaction
 * (row-level security still applies to the owner). For arranging large fixtures quickly and for
 * checking what the database holds; everything a user does goes through the gateway.
 */
export async function withBillingDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: platform().ownerDatabaseUrls.billing });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.scope', 'platform', true)`);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export interface PlanSeed {
  priceMinor: number;
  name?: string;
  interval?: 'monthly' | 'quarterly' | 'annual' | null;
  setupFeeMinor?: number;
  currency?: string;
  usage?: { metric: string; aggregation: 'count' | 'sum' | 'max' | 'unique_count'; tiers: { upTo: string | null; unitPrice: string }[] };
}

export async function seedPlan(client: pg.Client, tenantId: string, plan: PlanSeed): Promise<string> {
  const id = randomUUID();
  await client.query(
    `insert into service_plan (id, tenant_id, code, name, kind, interval, currency, price_minor, setup_fee_minor, status,
                               usage_metric, usage_aggregation, usage_unit, usage_tiers, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10, $11, $12, $13, now(), now())`,
    [
      id,
      tenantId,
      `P-${id.slice(0, 8)}`,
      plan.name ?? 'Fiber 100',
      plan.interval === null ? 'one_time' : 'recurring',
      plan.interval === null ? null : (plan.interval ?? 'monthly'),
      plan.currency ?? 'USD',
      plan.priceMinor,
      plan.setupFeeMinor ?? 0,
      plan.usage?.metric ?? null,
      plan.usage?.aggregation ?? null,
      plan.usage ? 'GB' : null,
      plan.usage ? JSON.stringify(plan.usage.tiers) : null,
    ],
  );
  return id;
}

export async function seedAccount(client: pg.Client, tenantId: string, jurisdictions: string[] = [], subscriberId: string = randomUUID()): Promise<string> {
  await client.query(
    `insert into billing_account (subscriber_id, tenant_id, currency, tax_jurisdictions, created_at, updated_at)
     values ($1, $2, 'USD', $3, now(), now()) on conflict do nothing`,
    [subscriberId, tenantId, jurisdictions],
  );
  return subscriberId;
}

export interface SubscriptionSeed {
  subscriberId: string;
  planId: string;
  startDate: string;
  /** Anniversary by default; a fixed day bills from the first such day on or after the start. */
  fixedDay?: number;
  anchorDate?: string;
  firstIndex?: number;
  quantity?: number;
}

export async function seedSubscription(client: pg.Client, tenantId: string, seed: SubscriptionSeed): Promise<string> {
  const id = randomUUID();
  const anniversary = seed.fixedDay === undefined;
  await client.query(
    `insert into subscription (id, tenant_id, subscriber_id, plan_id, status, quantity, start_date, billing_day_mode, billing_day,
                               anchor_date, next_period_index, next_bill_date, created_at, updated_at)
     values ($1, $2, $3, $4, 'active', $5, $6, $7, $8, $9, $10, $6, now(), now())`,
    [
      id,
      tenantId,
      seed.subscriberId,
      seed.planId,
      seed.quantity ?? 1,
      seed.startDate,
      anniversary ? 'anniversary' : 'fixed_day',
      anniversary ? Number(seed.startDate.slice(8, 10)) : seed.fixedDay,
      seed.anchorDate ?? seed.startDate,
      seed.firstIndex ?? 0,
    ],
  );
  return id;
}

export async function seedTaxRate(client: pg.Client, tenantId: string, jurisdiction: string, rate: string, name = `Tax ${jurisdiction}`): Promise<string> {
  const id = randomUUID();
  await client.query(
    `insert into tax_rate (id, tenant_id, name, jurisdiction, rate, effective_from, created_at) values ($1, $2, $3, $4, $5, '2020-01-01', now())`,
    [id, tenantId, name, jurisdiction, rate],
  );
  return id;
}
