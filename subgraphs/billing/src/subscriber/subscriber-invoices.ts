import { decodeCursor, encodeCursor, pageRequest, SortDirection, type Connection, type ConnectionArgs, type EntityManager, type LocalDate } from '@dotmac/kernel';
import { Invoice, InvoiceStatus } from '../invoice/invoice.entity.js';
import { InvoiceOrderField } from '../invoice/invoice.input.js';
import { InvoiceNode } from '../invoice/invoice.type.js';
import { uuidArray } from '@dotmac/kernel';

/** One page request applied to the invoices of each of many subscribers. */
export interface SubscriberInvoicePage {
  args: ConnectionArgs;
  status?: InvoiceStatus[];
  issuedFrom?: LocalDate;
  issuedTo?: LocalDate;
  field: InvoiceOrderField;
  direction: SortDirection;
  /** Portal viewers never see drafts. */
  includeDrafts: boolean;
}

const COLUMNS: Record<InvoiceOrderField, { column: string; cast: string }> = {
  [InvoiceOrderField.CREATED_AT]: { column: 'created_at', cast: 'timestamptz' },
  [InvoiceOrderField.TOTAL]: { column: 'total_minor', cast: 'bigint' },
};

type Row = Record<string, unknown> & { owner_id: string; total_count: string; id: string | null };

/**
 * The same page of invoices for every subscriber in `subscriberIds`, in ONE statement: keyset
 * pagination per subscriber with a window function, and each subscriber's total count.
 */
export async function invoicePagesBySubscriber(em: EntityManager, subscriberIds: readonly string[], page: SubscriberInvoicePage): Promise<Map<string, Connection<InvoiceNode>>> {
  const request = pageRequest(page.args);
  const ascending = (page.direction === SortDirection.ASC) === (request.direction === 'forward');
  const { column, cast } = COLUMNS[page.field];
  const op = ascending ? '>' : '<';
  const order = ascending ? 'asc' : 'desc';
  const params: unknown[] = [];
  let inPage = 'true';
  if (request.cursor) {
    const [value, id] = decodeCursor(request.cursor, request.direction === 'forward' ? 'after' : 'before');
    inPage = `(i.${column} ${op} ?::${cast} or (i.${column} = ?::${cast} and i.id ${op} ?::uuid))`;
    params.push(value, value, id);
  }
  const filters: string[] = [];
  const where = (condition: string, ...values: unknown[]) => {
    filters.push(condition);
    params.push(...values);
  };
  where('i.subscriber_id = any(?::uuid[])', uuidArray(subscriberIds));
  if (page.status?.length) where('i.status = any(?::text[])', `{${page.status.join(',')}}`);
  if (!page.includeDrafts) where(`i.status <> 'draft'`);
  if (page.issuedFrom) where('i.issue_date >= ?::date', page.issuedFrom);
  if (page.issuedTo) where('i.issue_date <= ?::date', page.issuedTo);
  params.push(request.size + 1);
  const rows = await em.execute<Row[]>(
    `with base as (select i.*, ${inPage} as in_page from invoice i where ${filters.join(' and ')}),
     counts as (select subscriber_id, count(*) as total_count from base group by subscriber_id),
     page as (
       select * from (
         select base.*, row_number() over (partition by subscriber_id order by ${column} ${order}, id ${order}) as rn
         from base where in_page
       ) ranked where rn <= ?
     )
     select counts.subscriber_id as owner_id, counts.total_count, page.*
     from counts left join page on page.subscriber_id = counts.subscriber_id
     order by counts.subscriber_id, page.rn`,
    params,
  );
  const grouped = new Map<string, { total: number; invoices: Invoice[] }>();
  for (const { owner_id: owner, total_count: total, in_page: _inPage, rn: _rn, ...columns } of rows) {
    const entry = grouped.get(owner) ?? { total: Number(total), invoices: [] };
    if (columns.id) entry.invoices.push(em.map(Invoice, columns));
    grouped.set(owner, entry);
  }
  return new Map(
    subscriberIds.map((subscriberId) => {
      const { total = 0, invoices = [] } = grouped.get(subscriberId) ?? {};
      const hasMore = invoices.length > request.size;
      const shown = invoices.slice(0, request.size);
      if (request.direction === 'backward') shown.reverse();
      const edges = shown.map((invoice) => ({ cursor: encodeCursor(invoice[page.field], invoice.id), node: InvoiceNode.from(invoice) }));
      return [
        subscriberId,
        {
          edges,
          totalCount: total,
          pageInfo: {
            hasNextPage: request.direction === 'forward' ? hasMore : Boolean(page.args.before),
            hasPreviousPage: request.direction === 'backward' ? hasMore : Boolean(page.args.after),
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        },
      ];
    }),
  );
}
