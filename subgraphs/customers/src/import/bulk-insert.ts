import type { EntityManager } from '@dotmac/kernel';
import type { Knex } from '@mikro-orm/postgresql';

/** Rows per INSERT statement: large enough to be few statements, small enough to stay modest in size. */
const CHUNK = 1000;

/**
 * Inserts many rows into one table with one statement per chunk: the rows travel as one JSON
 * parameter (jsonb) and PostgreSQL turns them into records of the table's own row type. Keys are column
 * names; every row must have the same keys. The statement goes through knex with a bound
 * parameter (the ORM's `execute` would inline and escape megabytes of JSON into the SQL text).
 */
export async function insertRows(em: EntityManager, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const knex = em.getConnection().getKnex();
  const transaction = em.getTransactionContext<Knex.Transaction>();
  const columns = Object.keys(rows[0]!)
    .map((column) => `"${column}"`)
    .join(', ');
  const sql = `insert into "${table}" (${columns}) select ${columns} from jsonb_populate_recordset(null::"${table}", ?::jsonb)`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const statement = knex.raw(sql, [JSON.stringify(rows.slice(start, start + CHUNK))]);
    await (transaction ? statement.transacting(transaction) : statement).catch((error: Error) => {
      throw em.getDriver().convertException(error);
    });
  }
}
