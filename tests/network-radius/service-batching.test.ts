import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { withNetworkDb } from '../network/network-fixtures.js';
import { mutate } from './radius-fixtures.js';
import { fewestStatementsOf } from '../support/sql-statements.js';

describe('Subscriber.services and Subscriber.sessions on a list', () => {
  let isp: Isp;

  beforeAll(async () => {
    isp = await createIsp('radbatch');
    const subscribers = await createSubscribers(isp.admin.accessToken, 12, 'Batch');
    for (const subscriberId of subscribers) {
      const payload = await mutate(isp.admin.accessToken, 'provisionService', 'ProvisionServiceInput', { subscriberId, downloadKbps: 10_000, uploadKbps: 2_000 }, 'service { username }');
      const sessionId = `S-${randomUUID()}`;
      await withNetworkDb((client) =>
        client.query(
          `insert into radius.radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctinputoctets, acctoutputoctets) values ($1, $1, $2, '10.0.0.1', now(), 10, 20)`,
          [sessionId, payload.service.username],
        ),
      );
    }
  });

  it('costs the same number of statements for 4 subscribers as for 12', async () => {
    const query = `query($n: Int) { subscribers(first: $n, orderBy: { field: CREATED_AT, direction: ASC }) { edges { node {
      services { username state } sessions(first: 5) { totalCount edges { node { inputOctets outputOctets } } } } } } }`;
    const measure = (n: number) =>
      fewestStatementsOf('network', async () => {
        const edges = dataOf(await gql(query, { n }, { token: isp.admin.accessToken })).subscribers.edges;
        expect(edges).toHaveLength(n);
        for (const edge of edges) {
          expect(edge.node.services).toHaveLength(1);
          expect(edge.node.sessions).toMatchObject({ totalCount: 1, edges: [{ node: { inputOctets: '10', outputOctets: '20' } }] });
        }
      });
    const four = await measure(4);
    const twelve = await measure(12);
    expect(twelve).toBe(four);
    // One transaction (begin, scope, select, commit) per batched field: services and sessions.
    expect(four).toBeLessThanOrEqual(2 * 4);
  });
});
