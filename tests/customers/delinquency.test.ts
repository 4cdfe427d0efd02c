import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, type DomainEvent, type EventBus } from '@dotmac/kernel';
import { createIsp, type Isp } from '../support/fixtures.js';
import { changeLogOf, domainEvent, eventually, mutate, mutateOk, newSubscriber, platformBus, statusOf } from './customers-client.js';

const DELINQUENT = 'billing.subscriber.delinquent';
const RESTORED = 'billing.subscriber.restored';

describe("billing's delinquency events", () => {
  let isp: Isp;
  let token: string;
  let tenantId: string;
  let bus: EventBus;
  const announced: DomainEvent[] = [];

  /** Publishes what billing would, straight onto the platform's bus. */
  const notice = async (topic: string, subscriberGlobalId: string, extra: Record<string, unknown> = {}, id?: string) => {
    const event = domainEvent(topic, tenantId, { subscriberId: fromGlobalId(subscriberGlobalId).id, tenantId, ...extra }, id);
    await bus.publish(event);
    return event;
  };
  const becomes = (id: string, status: string) => eventually(async () => (await statusOf(token, id)) === status, 15_000, `status ${status}`);

  beforeAll(async () => {
    isp = await createIsp('dunning');
    token = isp.admin.accessToken;
    tenantId = fromGlobalId(isp.tenantId).id;
    bus = platformBus();
    const group = `test-delinquency-${process.pid}-${Date.now()}`;
    for (const topic of ['customers.subscriber.delinquent', 'customers.subscriber.activated', 'customers.subscriber.suspended']) {
      await bus.subscribe(topic, group, async (event) => void (event.tenantId === tenantId && announced.push(event)));
    }
  });
  afterAll(() => bus.close());

  it('makes an active subscriber delinquent and restores it, logging the system as the actor', async () => {
    const { id } = await newSubscriber(token, { status: 'ACTIVE' });
    await notice(DELINQUENT, id, { invoiceId: 'INV-1001', reason: 'Invoice overdue' });
    await becomes(id, 'DELINQUENT');
    await notice(RESTORED, id, { invoiceId: 'INV-1001' });
    await becomes(id, 'ACTIVE');
    const [restored, flagged] = await changeLogOf(token, id);
    expect(flagged).toMatchObject({
      action: 'STATUS_CHANGED',
      actorKind: 'system',
      actorId: null,
      reason: 'Invoice overdue (invoice INV-1001)',
      changes: [{ field: 'status', oldValue: 'active', newValue: 'delinquent' }],
    });
    expect(restored).toMatchObject({ actorKind: 'system', reason: 'Balance settled (invoice INV-1001)', changes: [{ field: 'status', oldValue: 'delinquent', newValue: 'active' }] });
    const raw = fromGlobalId(id).id;
    await eventually(async () => announced.filter((event) => event.payload.subscriberId === raw).length === 2, 15_000, 'status events');
    const mine = announced.filter((event) => event.payload.subscriberId === raw);
    expect(mine.map((event) => [event.topic, event.payload.from, event.payload.to, event.payload.cause])).toEqual(
      expect.arrayContaining([
        ['customers.subscriber.delinquent', 'active', 'delinquent', 'billing'],
        ['customers.subscriber.activated', 'delinquent', 'active', 'billing'],
      ]),
    );
  });

  it('returns a suspended subscriber to suspended, not to active', async () => {
    const { id } = await newSubscriber(token, { status: 'ACTIVE' });
    await mutateOk(token, 'transitionSubscriber', { subscriberId: id, to: 'SUSPENDED' }, 'subscriber { id }');
    await notice(DELINQUENT, id);
    await becomes(id, 'DELINQUENT');
    await notice(RESTORED, id);
    await becomes(id, 'SUSPENDED');
  });

  it('does not let staff clear delinquency by hand, but lets them cancel the account', async () => {
    const { id } = await newSubscriber(token, { status: 'ACTIVE' });
    const { id: marker } = await newSubscriber(token, { status: 'ACTIVE' });
    await notice(DELINQUENT, id);
    await notice(DELINQUENT, marker);
    await becomes(id, 'DELINQUENT');
    await becomes(marker, 'DELINQUENT');
    for (const to of ['ACTIVE', 'SUSPENDED', 'LEAD']) {
      const refused = await mutate(token, 'transitionSubscriber', { subscriberId: id, to }, 'subscriber { status }');
      expect(refused.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['to'] });
    }
    expect(await statusOf(token, id)).toBe('DELINQUENT');
    const cancelled = await mutateOk(token, 'transitionSubscriber', { subscriberId: id, to: 'CANCELLED' }, 'subscriber { status }');
    expect(cancelled.subscriber.status).toBe('CANCELLED');
    // A late restoration changes nothing on a cancelled account; the marker's, on the same stream, comes after it.
    await notice(RESTORED, id);
    await notice(RESTORED, marker);
    await becomes(marker, 'ACTIVE');
    expect(await statusOf(token, id)).toBe('CANCELLED');
  });

  it('handles each event once, even when it is delivered again', async () => {
    const { id } = await newSubscriber(token, { status: 'ACTIVE' });
    const flagged = await notice(DELINQUENT, id);
    await becomes(id, 'DELINQUENT');
    await notice(RESTORED, id);
    await becomes(id, 'ACTIVE');
    await notice(DELINQUENT, id, {}, flagged.id); // redelivery of the first notice
    const { id: marker } = await newSubscriber(token, { status: 'ACTIVE' });
    await notice(DELINQUENT, marker);
    await becomes(marker, 'DELINQUENT'); // handled after the redelivery: the redelivery is done
    expect(await statusOf(token, id)).toBe('ACTIVE');
    expect((await changeLogOf(token, id)).filter((entry) => entry.action === 'STATUS_CHANGED')).toHaveLength(2);
  });

  it('ignores leads, unknown subscribers and notices for another tenant', async () => {
    const lead = await newSubscriber(token);
    const other = await createIsp('dunning-other');
    const foreign = await newSubscriber(other.admin.accessToken, { status: 'ACTIVE' });
    await notice(DELINQUENT, lead.id);
    // Claims to be this tenant's, names the other tenant's subscriber: row-level security hides it.
    await notice(DELINQUENT, foreign.id);
    await bus.publish(domainEvent(DELINQUENT, tenantId, { subscriberId: '00000000-0000-4000-8000-000000000000', tenantId }));
    await bus.publish(domainEvent(DELINQUENT, tenantId, { subscriberId: 'not-a-uuid', tenantId }));
    const { id: marker } = await newSubscriber(token, { status: 'ACTIVE' });
    await notice(DELINQUENT, marker);
    await becomes(marker, 'DELINQUENT');
    expect(await statusOf(token, lead.id)).toBe('LEAD');
    expect(await statusOf(other.admin.accessToken, foreign.id)).toBe('ACTIVE');
  });
});
