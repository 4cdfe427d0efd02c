import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisStreamsEventBus, type DomainEvent } from '@dotmac/kernel';
import { platform } from '../support/platform-context.js';

const redisUrl = platform().redisUrl;

function event(topic: string, n: number): DomainEvent {
  return { id: randomUUID(), topic, occurredAt: new Date().toISOString(), payload: { n } };
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!redisUrl)('Redis Streams event bus (needs Redis)', () => {
  const buses: RedisStreamsEventBus[] = [];
  const newBus = (claimIdleMs?: number) => {
    const bus = new RedisStreamsEventBus(redisUrl!, undefined, `${platform().redisKeyPrefix}:bus`, claimIdleMs);
    buses.push(bus);
    return bus;
  };
  afterAll(async () => {
    for (const bus of buses) await bus.close();
  });

  it('delivers every event to every group, and each event to one consumer within a group', async () => {
    const topic = `test.${randomUUID()}`;
    const publisher = newBus();
    const received: Record<string, number[]> = { a1: [], a2: [], b: [] };
    const [consumerA1, consumerA2, consumerB] = [newBus(), newBus(), newBus()];
    await consumerA1.subscribe(topic, 'group-a', async (e) => void received.a1!.push(e.payload.n as number));
    await consumerA2.subscribe(topic, 'group-a', async (e) => void received.a2!.push(e.payload.n as number));
    await consumerB.subscribe(topic, 'group-b', async (e) => void received.b!.push(e.payload.n as number));
    for (let n = 0; n < 20; n += 1) await publisher.publish(event(topic, n));
    await until(() => received.a1!.length + received.a2!.length === 20 && received.b!.length === 20);
    expect([...received.a1!, ...received.a2!].sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
    expect(received.b).toEqual([...Array(20).keys()]);
  });

  it('is durable: a group created before publishing gets events published while it was away', async () => {
    const topic = `test.${randomUUID()}`;
    const first = newBus();
    const subscription = await first.subscribe(topic, 'late', async () => undefined);
    await subscription.close();
    await newBus().publish(event(topic, 7));
    const got: number[] = [];
    await newBus().subscribe(topic, 'late', async (e) => void got.push(e.payload.n as number));
    await until(() => got.length === 1);
    expect(got).toEqual([7]);
  });

  it('redelivers an event whose handler failed', async () => {
    const topic = `test.${randomUUID()}`;
    let attempts = 0;
    const handled: number[] = [];
    const bus = newBus(300);
    await bus.subscribe(topic, 'retry', async (e) => {
      attempts += 1;
      if (attempts < 3) throw new Error('not yet');
      handled.push(e.payload.n as number);
    });
    await newBus().publish(event(topic, 1));
    await until(() => handled.length === 1, 10_000);
    expect(attempts).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(handled).toEqual([1]);
  });
});
