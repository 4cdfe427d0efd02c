import { AppError, decodeCursor, encodeCursor, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, type Connection, type EntityManager } from '@dotmac/kernel';
import { uuidArray } from '@dotmac/kernel';

/** One accounting session (a radacct row) as the API shows it. */
export interface SessionRow {
  radacctid: string;
  serviceId: string;
  username: string;
  acctsessionid: string;
  nasipaddress: string;
  nasportid: string | null;
  framedipaddress: string | null;
  callingstationid: string | null;
  acctstarttime: Date | string | null;
  acctupdatetime: Date | string | null;
  acctstoptime: Date | string | null;
  acctsessiontime: string | null;
  acctinputoctets: string | null;
  acctoutputoctets: string | null;
  acctterminatecause: string | null;
}

/** Which sessions: those overlapping [from, to), newest start first, `first` after the cursor. */
export interface SessionWindow {
  first?: number | null;
  after?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Whose sessions: a subscriber's (all its services) or one service's. */
export type SessionOwner = 'subscriber' | 'service';

function pageSize(window: SessionWindow): number {
  const size = window.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) throw AppError.badInput(`Page size must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  return size;
}

function cursorOf(window: SessionWindow): [string, string] | undefined {
  if (!window.after) return undefined;
  const [start, id] = decodeCursor(window.after, 'after');
  if (typeof start !== 'string' || !/^[\d\-:. +]{10,40}$/.test(start) || !/^\d{1,19}$/.test(id)) throw AppError.badInput('Malformed cursor', 'after');
  return [start, id];
}

/**
 * One page of sessions for each owner, in one statement for all of them: the owners' usernames
 * joined to radacct, counted per owner over the window, numbered per owner for the page.
 */
export async function sessionsOf(em: EntityManager, owner: SessionOwner, ownerIds: readonly string[], window: SessionWindow): Promise<Map<string, Connection<SessionRow>>> {
  const size = pageSize(window);
  const cursor = cursorOf(window);
  if (window.from && window.to && window.from >= window.to) throw AppError.badInput('from must be before to', 'from');
  const ownerColumn = owner === 'subscriber' ? 's.subscriber_id' : 's.id';
  const rows = await em.execute<(PagedRow & { owner_id: string })[]>(
    `with windowed as (
       select ${ownerColumn} as owner_id, s.id as "serviceId", a.radacctid::text as radacctid, a.username, a.acctsessionid,
              host(a.nasipaddress) as nasipaddress, a.nasportid, host(a.framedipaddress) as framedipaddress, a.callingstationid,
              a.acctstarttime, a.acctstarttime::text as start_key, a.acctupdatetime, a.acctstoptime, a.acctsessiontime::text as acctsessiontime,
              a.acctinputoctets::text as acctinputoctets, a.acctoutputoctets::text as acctoutputoctets, a.acctterminatecause
         from subscriber_service s
         join radius.radacct a on a.username = s.username and a.tenant_id = s.tenant_id
        where ${ownerColumn} = any(?::uuid[]) and a.acctstarttime is not null
          and (?::timestamptz is null or coalesce(a.acctstoptime, 'infinity') >= ?::timestamptz)
          and (?::timestamptz is null or a.acctstarttime < ?::timestamptz)
     ), totals as (
       select owner_id, count(*) as total from windowed group by owner_id
     ), numbered as (
       select w.*, row_number() over (partition by owner_id order by acctstarttime desc, radacctid::bigint desc) as position
         from windowed w
        where ?::timestamptz is null or (acctstarttime, radacctid::bigint) < (?::timestamptz, ?::bigint)
     )
     select n.*, t.owner_id, t.total::text as total
       from totals t left join numbered n on n.owner_id = t.owner_id and n.position <= ?
      order by t.owner_id, n.position`,
    [
      uuidArray(ownerIds),
      window.from ?? null, window.from ?? null,
      window.to ?? null, window.to ?? null,
      cursor?.[0] ?? null, cursor?.[0] ?? null, cursor?.[1] ?? null,
      size + 1,
    ],
  );
  // An owner with sessions in the window has a row even when this page is past its last one (radacctid null).
  const totals = new Map<string, number>();
  const grouped = new Map<string, PagedRow[]>();
  for (const row of rows) {
    totals.set(row.owner_id, Number(row.total));
    if (row.radacctid !== null) grouped.set(row.owner_id, [...(grouped.get(row.owner_id) ?? []), row]);
  }
  return new Map(ownerIds.map((id) => [id, connectionOf(grouped.get(id) ?? [], size, Boolean(window.after), totals.get(id) ?? 0)]));
}

type PagedRow = SessionRow & { total: string; start_key: string };

function connectionOf(rows: PagedRow[], size: number, afterCursor: boolean, total: number): Connection<SessionRow> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: encodeCursor(row.start_key, row.radacctid), node: row }));
  return {
    edges,
    totalCount: total,
    pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: afterCursor, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
