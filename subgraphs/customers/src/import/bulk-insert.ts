import type { EntityManager } from '@dotmac/kernel';

/** Rows per INSERT statement: large enough to be few statements, small enough to stay modest in size. */
const CHUNK = 1000;

/**
 * Inserts many rows into one table with one statement per chunk: the rows travel as one JSON
 * parameter and PostgreSQL turns them into records of the table's own row type. Keys are column
 * names; every row must have the same keys.
 */
export async function insertRows(em: EntityManager, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!)
    .map((column) => `"${column}"`)
    .join(', ');
  for (let start = 0; start < rows.length; start += CHUNK) {
    await em.execute(`insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", ?::json)`, [
      JSON.stringify(rows.slice(start, start + CHUNK)),
    ]);
  }
}
