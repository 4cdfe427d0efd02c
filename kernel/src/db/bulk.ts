import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Runs one statement with bound parameters in the EntityManager's transaction. The ORM's own
 * `execute` inlines and escapes every parameter into the SQL text, which is costly for bulk
 * statements that carry a large JSON document; here it travels as a real `$n` parameter.
 */
export async function executeBound<T = Record<string, unknown>>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const statement = em.getConnection().getKnex().raw(sql, params as readonly Knex.RawBinding[]);
  const transaction = em.getTransactionContext<Knex.Transaction>();
  try {
    const result = (await (transaction ? statement.transacting(transaction) : statement)) as { rows?: T[] };
    return result.rows ?? [];
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  }
}

/** Rows per INSERT statement: large enough to be few statements, small enough to stay modest in size. */
const CHUNK = 1000;

/**
 * Inserts many rows into one table with one statement per chunk: the rows travel as one JSON
 * parameter and PostgreSQL turns them into records of the table's own row type. Keys are column
 * names; every row must have the same keys; missing columns take their defaults only if listed
 * nowhere (so give every row every key you mean to set).
 */
export async function insertRows(em: EntityManager, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!)
    .map((column) => `"${column}"`)
    .join(', ');
  const sql = `insert into "${table}" (${columns}) select ${columns} from jsonb_populate_recordset(null::"${table}", ?::jsonb)`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    await executeBound(em, sql, [JSON.stringify(rows.slice(start, start + CHUNK))]);
  }
}
