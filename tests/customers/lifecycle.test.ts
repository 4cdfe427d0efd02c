import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, type DomainEvent, type EventBus } from '@dotmac/kernel';
import { gql } from '../support/client.js';
import { createIsp, createUser, login, PASSWORD, type Isp } from '../support/fixtures.js';
import { changeLogOf, eventually, mutate, newSubscriber, platformBus, statusOf } from './customers-client.js';

const transition = (token: string, subscriberId: string, to: string, reason?: string) =>
  mutate(token, 'transitionSubscriber', { subscriberId, to, reason }, 'subscriber { id status }');

describe('subscriber lifecycle', () => {
  let isp: Isp;
  let token: string;
  let bus: EventBus;
  const published: DomainEvent[] = [];

  beforeAll(async () => {
    isp = await createIsp('life');
    token = isp.admin.accessToken;
    bus = platformBus();
    const group = `test-lifecycle-${process.pid}-${Date.now()}`;
    for (const status of ['activated', 'suspended', 'cancelled']) {
      await bus.subscribe(`customers.subscriber.${status}`, group, async (event) => void published.push(event));
    }
  });
  afterAll(() => bus.close());

  it('walks lead → active ⇄ suspended → cancelled, announcing each step', async () => {
    const { id } = await newSubscriber(token);
    const rawId = fromGlobalId(id).id;
    for (const to of ['ACTIVE', 'SUSPENDED', 'ACTIVE', 'CANCELLED']) {
      const moved = await transition(token, id, to, `to ${to}`);
      expect(moved.userErrors).toEqual([]);
      expect(moved.subscriber.status).toBe(to);
    }
    await eventually(async () => published.filter((event) => event.payload.subscriberId === rawId).length === 4, 15_000, 'status events');
    const mine = published.filter((event) => event.payload.subscriberId === rawId);
    expect(mine.map((event) => event.topic).sort()).toEqual(
      ['customers.subscriber.activated', 'customers.subscriber.activated', 'customers.subscriber.cancelled', 'customers.subscriber.suspended'],
    );
    const cancelled = mine.find((event) => event.topic === 'customers.subscriber.cancelled')!;
    expect(cancelled.tenantId).toBe(fromGlobalId(isp.tenantId).id);
    expect(cancelled.payload).toMatchObject({ from: 'active', to: 'cancelled', reason: 'to CANCELLED', cause: 'staff' });
  });

  it('answers an illegal step with CONFLICT on `to` and changes nothing', async () => {
    const { id } = await newSubscriber(token);
    const illegal = await transition(token, id, 'SUSPENDED');
    expect(illegal.userErrors).toEqual([{ code: 'CONFLICT', field: ['to'], message: expect.stringContaining('allowed: active, cancelled') }]);
    expect(illegal.subscriber).toBeNull();
    const same = await transition(token, id, 'LEAD');
    expect(same.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['to'] });
    expect(await statusOf(token, id)).toBe('LEAD');
    const log = await changeLogOf(token, id);
    expect(log.map((entry) => entry.action)).toEqual(['CREATED']);
  });

  it('treats cancelled as terminal', async () => {
    const { id } = await newSubscriber(token, { status: 'ACTIVE' });
    expect((await transition(token, id, 'CANCELLED')).userErrors).toEqual([]);
    for (const to of ['ACTIVE', 'SUSPENDED', 'LEAD', 'CANCELLED']) {
      const refused = await transition(token, id, to);
      expect(refused.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('terminal') });
    }
    expect(await statusOf(token, id)).toBe('CANCELLED');
  });

  it('does not let staff set DELINQUENT by hand', async () => {
    const { id } = await newSubscriber(token, { status: 'ACTIVE' });
    const refused = await transition(token, id, 'DELINQUENT');
    expect(refused.userErrors).toEqual([{ code: 'CONFLICT', field: ['to'], message: 'Only billing marks a subscriber delinquent' }]);
    expect(await statusOf(token, id)).toBe('ACTIVE');
  });

  it('records who moved the subscriber, from what, to what, and why', async () => {
    const { id } = await newSubscriber(token);
    await transition(token, id, 'ACTIVE', 'contract signed');
    const [latest] = await changeLogOf(token, id);
    expect(latest).toMatchObject({
      action: 'STATUS_CHANGED',
      actorKind: 'user',
      actorId: isp.admin.userId,
      reason: 'contract signed',
      changes: [{ field: 'status', oldValue: 'lead', newValue: 'active' }],
    });
  });

  it('refuses roles that may not write, and a too long reason', async () => {
    const { id } = await newSubscriber(token);
    const email = `noc@${isp.slug}.example`;
    await createUser(isp.tenantId, email, ['NOC'], token);
    const noc = await login(email, PASSWORD);
    const refused = await gql(`mutation { transitionSubscriber(input: { subscriberId: "${id}", to: ACTIVE }) { userErrors { code } } }`, {}, { token: noc.accessToken });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const long = await transition(token, id, 'ACTIVE', 'x'.repeat(501));
    expect(long.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['reason'] });
    expect(await statusOf(token, id)).toBe('LEAD');
  });
});
