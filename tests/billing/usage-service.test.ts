import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, openOrm, toGlobalId } from '@dotmac/kernel';
import { databaseModel } from '@dotmac/billing/entities';
import { UsageAggregation } from '@dotmac/billing/plan/service-plan.entity';
import { NO_USAGE, usageCharge } from '@dotmac/billing/usage/usage-charge';
import { MAX_EVENTS_PER_CALL, validateUsageEvents } from '@dotmac/billing/usage/usage-event.rules';
import { aggregateUsage, insertUsageEvents } from '@dotmac/billing/usage/usage.service';
import { platform } from '../support/platform-context.js';

const GB = 1_000_000n;

describe('usage at billing-run scale, on the application role', () => {
  let db: Database;
  const statements: string[] = [];
  const tenantId = randomUUID();
  const subscriberIds = Array.from({ length: 1000 }, () => randomUUID());

  beforeAll(async () => {
    db = new Database(await openOrm({ url: platform().appDatabaseUrls.billing!, ...databaseModel, onQuery: (sql) => statements.push(sql) }));
  });
  afterAll(() => db.close());

  const usageStatements = (from: number) => statements.slice(from).filter((sql) => /usage_event/.test(sql));

  it(`validates at most ${MAX_EVENTS_PER_CALL} events per call`, () => {
    const spec = (i: number) => ({ eventId: `e-${i}`, subscriberId: toGlobalId('Subscriber', subscriberIds[0]!), metric: 'data_gb', quantity: '1', occurredAt: new Date() });
    expect(validateUsageEvents(Array.from({ length: MAX_EVENTS_PER_CALL }, (_, i) => spec(i)), new Date()).errors).toEqual([]);
    const tooMany = validateUsageEvents(Array.from({ length: MAX_EVENTS_PER_CALL + 1 }, (_, i) => spec(i)), new Date());
    expect(tooMany.events).toEqual([]);
    expect(tooMany.errors).toMatchObject([{ code: 'BAD_USER_INPUT', field: ['events'] }]);
  });

  it('inserts 5,000 events in one statement, and skips them all when sent again', async () => {
    const now = new Date('2026-11-10T00:00:00Z');
    const specs = Array.from({ length: MAX_EVENTS_PER_CALL }, (_, i) => ({
      eventId: `bulk-${i}`,
      subscriberId: toGlobalId('Subscriber', subscriberIds[i % subscriberIds.length]!),
      metric: i % 2 === 0 ? 'data_gb' : 'voice_minutes',
      quantity: `${(i % 7) + 1}.5`,
      uniqueKey: `device-${i % 3}`,
      occurredAt: new Date(now.getTime() + i * 1000),
    }));
    const { events, errors } = validateUsageEvents(specs, now);
    expect(errors).toEqual([]);
    const mark = statements.length;
    expect(await db.inTenant(tenantId, (em) => insertUsageEvents(em, tenantId, events))).toEqual({ accepted: 5000, duplicates: 0 });
    expect(usageStatements(mark)).toHaveLength(1);
    expect(await db.inTenant(tenantId, (em) => insertUsageEvents(em, tenantId, events))).toEqual({ accepted: 0, duplicates: 5000 });
  });

  it('aggregates a thousand subscribers in one statement', async () => {
    const mark = statements.length;
    const usage = await db.inTenant(tenantId, (em) =>
      aggregateUsage(em, tenantId, subscriberIds, ['data_gb', 'voice_minutes'], '2026-11-01', '2026-12-01'),
    );
    expect(usageStatements(mark)).toHaveLength(1);
    expect(usage.size).toBe(1000);
    // Subscriber 0 got events 0, 1000, 2000, 3000, 4000: all even, so all data_gb; quantities (i % 7) + 1.5.
    const first = usage.get(subscriberIds[0]!)!;
    expect([...first.keys()]).toEqual(['data_gb']);
    const quantities = [0, 1000, 2000, 3000, 4000].map((i) => (i % 7) + 1.5);
    expect(first.get('data_gb')).toEqual({
      count: 5,
      sum: BigInt(quantities.reduce((sum, q) => sum + q, 0) * 1e6),
      max: BigInt(Math.max(...quantities) * 1e6),
      uniqueCount: new Set([0, 1000, 2000, 3000, 4000].map((i) => i % 3)).size,
    });
    const plan = { usageAggregation: UsageAggregation.SUM, usageTiers: [{ upTo: '10', unitPrice: '100' }, { upTo: null, unitPrice: '50' }] };
    const sum = first.get('data_gb')!.sum;
    expect(usageCharge(plan, first.get('data_gb')!)?.amountMinor).toBe(Number(10n * 100n + ((sum - 10n * GB) * 50n) / GB));
    // Another tenant's scope sees none of it.
    const elsewhere = await db.inTenant(randomUUID(), (em) => aggregateUsage(em, tenantId, subscriberIds, 'data_gb', '2026-11-01', '2026-12-01'));
    expect(elsewhere.size).toBe(0);
    expect(usageCharge(plan, NO_USAGE)?.amountMinor).toBe(0);
  });
});
