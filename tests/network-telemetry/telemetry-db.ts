import { createLogger, Database, openOrm } from '@dotmac/kernel';
import { databaseModel } from '@dotmac/network';
import pg from 'pg';
import { platform } from '../support/platform-context.js';

export const quietLogger = createLogger('telemetry-test', 'silent');

/** The network database as the subgraph sees it (application role, RLS on), for driving services directly. */
export async function openNetworkDatabase(): Promise<Database> {
  return new Database(await openOrm({ url: platform().appDatabaseUrls.network!, ...databaseModel, poolMax: 4 }));
}

/** Listens to a NOTIFY channel of the network database; collects payloads with their arrival time. */
export async function listenOnNetworkDb(channel: string) {
  const client = new pg.Client({ connectionString: platform().appDatabaseUrls.network });
  await client.connect();
  const received: { payload: any; receivedAt: number }[] = [];
  client.on('notification', (message) => {
    if (message.channel === channel) received.push({ payload: JSON.parse(message.payload ?? 'null'), receivedAt: Date.now() });
  });
  await client.query(`listen "${channel}"`);
  return { received, close: () => client.end() };
}

/** Resolves once `check` holds, polling every 20 ms; fails after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
