import { randomUUID } from 'node:crypto';
import { createEventBus, type DomainEvent, type EventBus } from '@dotmac/kernel';
import { dataOf, gql } from '../support/client.js';
import { platform } from '../support/platform-context.js';

export const USER_ERRORS = 'userErrors { code field message }';

/** Runs one `mutation(input:)` and returns its payload (failing on request-level errors). */
export async function mutate(token: string, name: string, input: Record<string, unknown>, selection = ''): Promise<any> {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const data = dataOf(await gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} ${USER_ERRORS} } }`, { input }, { token }));
  return data[name];
}

/** Like `mutate`, but fails unless the payload has no userErrors. */
export async function mutateOk(token: string, name: string, input: Record<string, unknown>, selection: string): Promise<any> {
  const payload = await mutate(token, name, input, selection);
  if (payload.userErrors.length) throw new Error(`${name}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

export async function newSubscriber(token: string, input: Record<string, unknown> = {}): Promise<{ id: string; accountNumber: string }> {
  const payload = await mutateOk(token, 'createSubscriber', { name: `Subscriber ${randomUUID().slice(0, 8)}`, ...input }, 'subscriber { id accountNumber }');
  return payload.subscriber;
}

export async function statusOf(token: string, id: string): Promise<string> {
  return dataOf(await gql(`query($id: ID!) { subscriber(id: $id) { status } }`, { id }, { token })).subscriber.status;
}

export async function changeLogOf(token: string, id: string, first = 50): Promise<any[]> {
  const data = dataOf(
    await gql(
      `query($id: ID!, $first: Int) { subscriber(id: $id) { changeLog(first: $first) { totalCount edges { node { action actorKind actorId reason subjectId occurredAt changes { field oldValue newValue } } } } } }`,
      { id, first },
      { token },
    ),
  );
  return data.subscriber.changeLog.edges.map((edge: any) => edge.node);
}

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A bus on the same streams as the running platform (Redis with its key prefix, else the events database). */
export function platformBus(): EventBus {
  const { redisUrl, redisKeyPrefix, appDatabaseUrls } = platform();
  return createEventBus({ redisUrl, redisKeyPrefix, eventsDatabaseUrl: appDatabaseUrls.events });
}

export function domainEvent(topic: string, tenantId: string, payload: Record<string, unknown>, id: string = randomUUID()): DomainEvent {
  return { id, topic, tenantId, occurredAt: new Date().toISOString(), payload };
}
