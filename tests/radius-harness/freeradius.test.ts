import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, dropDatabases } from '@dotmac/kernel';
import { platform } from '../support/platform-context.js';
import { FREERADIUS_TABLES, freeradiusGrantsSql, freeradiusSchemaSql } from '../support/radius/freeradius-schema.js';
import { freeradiusInstalled, startFreeradius, type RunningFreeradius } from '../support/radius/freeradius-server.js';
import { accessRequest, accountingRequest, statusServer } from '../support/radius/radclient.js';

const installed = freeradiusInstalled();
if (!installed) {
  console.warn('\n!!! FreeRADIUS is not installed (/usr/sbin/freeradius): the RADIUS harness tests are SKIPPED. .ci/run installs it.\n');
}

const SCHEMA = 'radius';
const TENANT = '00000000-0000-4000-8000-000000000001';

describe.skipIf(!installed)('FreeRADIUS against the PostgreSQL schema', () => {
  const prefix = process.env.TEST_DB_PREFIX ?? 'dotmac_test';
  const database = `${prefix}_radius_harness`;
  const role = `${prefix}_freeradius`;
  const rolePassword = randomBytes(12).toString('hex');
  const secret = `s3cret-${randomBytes(4).toString('hex')}`;
  let adminUrl: string;
  let db: pg.Client;
  let radius: RunningFreeradius;

  const auth = (username: string, password: string) => accessRequest({ port: radius.authPort, secret, username, password });

  beforeAll(async () => {
    adminUrl = platform().adminDatabaseUrl;
    await dropDatabases(adminUrl, [database]);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`drop role if exists ${role}`);
      await admin.query(`create role ${role} login nosuperuser nocreatedb nocreaterole password '${rolePassword}'`);
      await admin.query(`create database ${database}`);
    } finally {
      await admin.end();
    }
    const ownerUrl = new URL(adminUrl);
    ownerUrl.pathname = `/${database}`;
    db = new pg.Client({ connectionString: ownerUrl.toString() });
    await db.connect();
    await db.query(freeradiusSchemaSql(SCHEMA));
    // What the platform will add: a tenant column with a default, which FreeRADIUS never names.
    for (const table of FREERADIUS_TABLES) {
      await db.query(`alter table ${SCHEMA}.${table} add column tenant_id uuid not null default '${TENANT}'`);
    }
    // Session settings given to the harness reach FreeRADIUS's connections (how RLS will see a scope).
    await db.query(`alter table ${SCHEMA}.radacct add column scope text default current_setting('app.scope', true)`);
    await db.query(freeradiusGrantsSql(SCHEMA, role));
    radius = await startFreeradius({
      databaseUrl: databaseUrl(adminUrl, database, role, rolePassword),
      schema: SCHEMA,
      secret,
      settings: { 'app.scope': 'platform' },
    });
  });

  afterAll(async () => {
    await radius?.stop();
    await db?.end();
    if (!adminUrl) return;
    await dropDatabases(adminUrl, [database]);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`).finally(() => admin.end());
  });

  it('answers Status-Server once started', async () => {
    const reply = await statusServer({ port: radius.authPort, secret });
    expect(reply.code).toBe('Access-Accept');
  });

  it('accepts a subscriber with the right password and sends their reply attributes', async () => {
    await db.query(
      `insert into ${SCHEMA}.radcheck (username, attribute, op, value) values ('alice', 'Cleartext-Password', ':=', 'correct horse');
       insert into ${SCHEMA}.radreply (username, attribute, op, value) values
         ('alice', 'Mikrotik-Rate-Limit', ':=', '50M/100M'),
         ('alice', 'Framed-IP-Address', ':=', '100.64.0.10')`,
    );
    const reply = await auth('alice', 'correct horse');
    expect(reply.code, reply.output).toBe('Access-Accept');
    expect(reply.attributes['Mikrotik-Rate-Limit']).toEqual(['50M/100M']);
    expect(reply.attributes['Framed-IP-Address']).toEqual(['100.64.0.10']);
  });

  it('rejects a wrong password and an unknown user, and records every outcome in radpostauth', async () => {
    expect((await auth('alice', 'wrong')).code).toBe('Access-Reject');
    expect((await auth('nobody', 'anything')).code).toBe('Access-Reject');
    const { rows } = await db.query(`select username, reply from ${SCHEMA}.radpostauth order by id`);
    expect(rows).toEqual([
      { username: 'alice', reply: 'Access-Accept' },
      { username: 'alice', reply: 'Access-Reject' },
      { username: 'nobody', reply: 'Access-Reject' },
    ]);
  });

  it('sends the group reply of the group the subscriber is in, reading the group afresh on every request', async () => {
    await db.query(
      `insert into ${SCHEMA}.radcheck (username, attribute, op, value) values ('bob', 'Cleartext-Password', ':=', 'pw-bob');
       insert into ${SCHEMA}.radreply (username, attribute, op, value) values ('bob', 'Framed-IP-Address', ':=', '100.64.0.11');
       insert into ${SCHEMA}.radgroupreply (groupname, attribute, op, value) values
         ('plan-100m', 'Mikrotik-Rate-Limit', ':=', '100M/100M'),
         ('suspended', 'Mikrotik-Rate-Limit', ':=', '256k/256k'),
         ('suspended', 'Mikrotik-Address-List', ':=', 'walled-garden');
       insert into ${SCHEMA}.radusergroup (username, groupname, priority) values ('bob', 'plan-100m', 1)`,
    );
    const active = await auth('bob', 'pw-bob');
    expect(active.code).toBe('Access-Accept');
    expect(active.attributes).toMatchObject({ 'Mikrotik-Rate-Limit': ['100M/100M'], 'Framed-IP-Address': ['100.64.0.11'] });
    expect(active.attributes['Mikrotik-Address-List']).toBeUndefined();

    await db.query(`update ${SCHEMA}.radusergroup set groupname = 'suspended' where username = 'bob'`);
    const suspended = await auth('bob', 'pw-bob');
    expect(suspended.code).toBe('Access-Accept');
    expect(suspended.attributes).toMatchObject({
      'Mikrotik-Rate-Limit': ['256k/256k'],
      'Mikrotik-Address-List': ['walled-garden'],
      'Framed-IP-Address': ['100.64.0.11'],
    });

    await db.query(`update ${SCHEMA}.radusergroup set groupname = 'plan-100m' where username = 'bob'`);
    expect((await auth('bob', 'pw-bob')).attributes['Mikrotik-Rate-Limit']).toEqual(['100M/100M']);
  });

  it("a group's := overrides the subscriber's own reply (suspension wins over the plan)", async () => {
    await db.query(`insert into ${SCHEMA}.radusergroup (username, groupname, priority) values ('alice', 'suspended', 1)`);
    const reply = await auth('alice', 'correct horse');
    expect(reply.attributes['Mikrotik-Rate-Limit']).toEqual(['256k/256k']);
    await db.query(`delete from ${SCHEMA}.radusergroup where username = 'alice'`);
    expect((await auth('alice', 'correct horse')).attributes['Mikrotik-Rate-Limit']).toEqual(['50M/100M']);
  });

  it('Start, Interim-Update and Stop make and update one radacct row', async () => {
    const session = { port: radius.acctPort, secret, username: 'bob', sessionId: `S-${randomUUID()}`, nasIp: '10.0.0.1' };
    await accountingRequest({ ...session, statusType: 'Start', framedIp: '100.64.0.11' });
    const started = await sessions(session.sessionId);
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({
      username: 'bob',
      nasipaddress: '10.0.0.1',
      framedipaddress: '100.64.0.11',
      acctstoptime: null,
      acctinputoctets: '0',
      tenant_id: TENANT,
      scope: 'platform',
    });
    expect(started[0].acctstarttime).toBeInstanceOf(Date);

    await accountingRequest({ ...session, statusType: 'Interim-Update', inputOctets: 1000, outputOctets: 5000, sessionTime: 60 });
    const updated = await sessions(session.sessionId);
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ acctinputoctets: '1000', acctoutputoctets: '5000', acctsessiontime: '60', acctstoptime: null });

    await accountingRequest({
      ...session,
      statusType: 'Stop',
      inputOctets: 2000,
      outputOctets: 9000,
      sessionTime: 120,
      terminateCause: 'User-Request',
    });
    const stopped = await sessions(session.sessionId);
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatchObject({
      acctinputoctets: '2000',
      acctoutputoctets: '9000',
      acctsessiontime: '120',
      acctterminatecause: 'User-Request',
      radacctid: started[0].radacctid,
    });
    expect(stopped[0].acctstoptime).toBeInstanceOf(Date);
    expect(stopped[0].acctstoptime.getTime()).toBeGreaterThanOrEqual(started[0].acctstarttime.getTime());
  });

  it('matches and records a username with a quote in it exactly (libpq escaping, not =27)', async () => {
    const username = "o'brien@isp.example";
    await db.query(`insert into ${SCHEMA}.radcheck (username, attribute, op, value) values ($1, 'Cleartext-Password', ':=', 'pw')`, [username]);
    expect((await auth(username, 'pw')).code).toBe('Access-Accept');
    const sessionId = `S-${randomUUID()}`;
    await accountingRequest({ port: radius.acctPort, secret, statusType: 'Start', username, sessionId });
    expect((await sessions(sessionId)).map((row) => row.username)).toEqual([username]);
  });

  async function sessions(sessionId: string) {
    const { rows } = await db.query(`select * from ${SCHEMA}.radacct where acctsessionid = $1`, [sessionId]);
    return rows;
  }
});
