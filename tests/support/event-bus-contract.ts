import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import type { DomainEvent, EventBus } from '@dotmac/kernel';

function event(topic: string, n: number): DomainEvent {
  return { id: randomUUID(), topic, occurredAt: new Date().toISOString(), payload: { n } };
}

export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * What every durable bus promises, run against one implementation. `newBus` must give a bus that
 * re-offers a failed event quickly (a short claim or poll interval).
 */
export function eventBusContract(newBusOf: () => EventBus): void {
  const buses: EventBus[] = [];
  const newBus = () => {
    const bus = newBusOf();
    buses.push(bus);
    return bus;
  };
  afterAll(async () => {
    for (const bus of buses) await bus.close();
  });

  it('delivers every event to every group, and each event to one consumer within a group', async () => {
    const topic = `test.${randomUUID()}`;
    const received: Record<string, number[]> = { a1: [], a2: [], b: [] };
    const [consumerA1, consumerA2, consumerB] = [newBus(), newBus(), newBus()];
    await consumerA1.subscribe(topic, 'group-a', async (e) => void received.a1!.push(e.payload.n as number));
    await consumerA2.subscribe(topic, 'group-a', async (e) => void received.a2!.push(e.payload.n as number));
    await consumerB.subscribe(topic, 'group-b', async (e) => void received.b!.push(e.payload.n as number));
    const publisher = newBus();
    for (let n = 0; n < 20; n += 1) await publisher.publish(event(topic, n));
    await until(() => received.a1!.length + received.a2!.length === 20 && received.b!.length === 20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...received.a1!, ...received.a2!].sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
    expect(received.b).toEqual([...Array(20).keys()]);
  });

  it('is durable: a group gets the events published while none of its consumers was running', async () => {
    const topic = `test.${randomUUID()}`;
    const subscription = await newBus().subscribe(topic, 'late', async () => undefined);
    await subscription.close();
    await newBus().publish(event(topic, 7));
    const got: number[] = [];
    await newBus().subscribe(topic, 'late', async (e) => void got.push(e.payload.n as number));
    await until(() => got.length === 1);
    expect(got).toEqual([7]);
  });

  it('offers an event again until its handler succeeds, then never again', async () => {
    const topic = `test.${randomUUID()}`;
    let attempts = 0;
    const handled: number[] = [];
    await newBus().subscribe(topic, 'retry', async (e) => {
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
}
