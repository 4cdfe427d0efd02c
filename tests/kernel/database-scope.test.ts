import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, InProcessEventBus, openOrm, OutboxEvent, OutboxRelay, recordEvent, type DomainEvent } from '@dotmac/kernel';
import { databaseModel } from '@dotmac/customers/entities';
import { Subscriber } from '@dotmac/customers/subscriber/subscriber.entity';
import { platform } from '../support/platform-context.js';

describe('Database scopes on the application role', () => {
  let db: Database;
  const tenantA = randomUUID();
  const tenantB = randomUUID();

  beforeAll(async () => {
    db = new Database(await openOrm({ url: platform().appDatabaseUrls.customers, ...databaseModel }));
    for (const [tenantId, count] of [[tenantA, 2], [tenantB, 3]] as const) {
      await db.inTenant(tenantId, async (em) => {
        for (let i = 0; i < count; i += 1) em.create(Subscriber, { tenantId, accountNumber: `T-${i}`, name: `Scoped ${i}` });
      });
    }
  });
  afterAll(() => db.close());

  it('with the ORM tenant filter switched off, a tenant scope still sees only its own rows', async () => {
    const rows = await db.inTenant(tenantA, (em) => em.find(Subscriber, { tenantId: { $in: [tenantA, tenantB] } }, { filters: false }));
    expect(rows.map((row) => row.tenantId)).toEqual([tenantA, tenantA]);
    const counted = await db.inTenant(tenantA, (em) => em.count(Subscriber, { tenantId: tenantB }, { filters: false }));
    expect(counted).toBe(0);
  });

  it('the platform scope sees both, explicitly', async () => {
    const counted = await db.asPlatform((em) => em.count(Subscriber, { tenantId: { $in: [tenantA, tenantB] } }));
    expect(counted).toBe(5);
  });

  it('a scope does not leak into the next transaction on the same pool', async () => {
    await db.inTenant(tenantA, (em) => em.count(Subscriber, {}));
    const em = db.orm.em.fork();
    const [row] = await em.execute<{ tenant: string; scope: string }[]>(
      `select coalesce(current_setting('app.tenant_id', true), '') as tenant, coalesce(current_setting('app.scope', true), '') as scope`,
    );
    expect(row).toEqual({ tenant: '', scope: '' });
    expect(await em.count(Subscriber, { tenantId: tenantA }, { filters: false })).toBe(0);
  });

  it('the outbox publishes committed events and never a rolled-back one', async () => {
    const bus = new InProcessEventBus();
    const seen: DomainEvent[] = [];
    const topic = `test.outbox.${randomUUID()}`;
    await bus.subscribe(topic, 'test', async (event) => void seen.push(event));
    const relay = new OutboxRelay(db, bus, undefined, 60_000);
    await db.inTenant(tenantA, async (em) => void recordEvent(em, topic, tenantA, { n: 1 }));
    await expect(
      db.inTenant(tenantA, async (em) => {
        recordEvent(em, topic, tenantA, { n: 2 });
        await em.flush();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await relay.drain();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.map((event) => event.payload)).toEqual([{ n: 1 }]);
    const pending = await db.asPlatform((em) => em.count(OutboxEvent, { topic, publishedAt: null }));
    expect(pending).toBe(0);
  });
});
