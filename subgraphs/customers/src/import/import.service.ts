import { randomUUID } from 'node:crypto';
import { AppError, type EntityManager } from '@dotmac/kernel';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Actor } from '../change-log/actor.js';
import { listDefinitions } from '../custom-field/custom-field-definition.service.js';
import { conflict } from '../shared/problem.js';
import { reserveAccountNumbers } from '../subscriber/account-numbers.js';
import type { ImportSubscriberRow } from './import.input.js';
import { checkRows, type CheckedRow, type LineProblem } from './import-rows.js';
import { writeImport, type NewSubscriberRow } from './import-writer.js';

export const MAX_IMPORT_ROWS = 10_000;

/** Thrown to roll the import back: it carries every problem found, for the report. */
export class ImportRejected extends Error {
  constructor(
    readonly problems: LineProblem[],
    readonly rowCount: number,
  ) {
    super(`${new Set(problems.map((problem) => problem.line)).size} of ${rowCount} rows are invalid; nothing was imported`);
    this.name = 'ImportRejected';
  }
}

/** Rows whose account numbers are already taken in the database: one query for the whole file. */
async function takenInDatabase(em: EntityManager, tenantId: string, rows: CheckedRow[]): Promise<LineProblem[]> {
  const given = rows.filter((row) => row.accountNumber !== undefined);
  if (given.length === 0) return [];
  const taken = await em.execute<{ account_number: string }[]>(
    `select account_number from subscriber where tenant_id = ? and account_number in (select jsonb_array_elements_text(?::jsonb))`,
    [tenantId, JSON.stringify(given.map((row) => row.accountNumber))],
  );
  const takenSet = new Set(taken.map((row) => row.account_number));
  return given
    .filter((row) => takenSet.has(row.accountNumber!))
    .map((row) => ({ line: row.line, ...conflict('accountNumber', `Account number ${row.accountNumber} is taken`) }));
}

export interface ImportResult {
  imported: { line: number; id: string; accountNumber: string }[];
}

/**
 * Imports subscribers all or nothing: every row is checked in memory (and account numbers against
 * the database in one query); any problem rejects the whole file with every problem listed.
 * Otherwise account numbers are generated in one go under the tenant's generation lock and all
 * rows are bulk-inserted.
 */
export async function importSubscribers(em: EntityManager, tenantId: string, input: readonly ImportSubscriberRow[], actor: Actor): Promise<ImportResult> {
  if (input.length === 0) throw AppError.badInput('Give at least one row', 'rows');
  if (input.length > MAX_IMPORT_ROWS) throw AppError.badInput(`At most ${MAX_IMPORT_ROWS} rows per import; got ${input.length}`, 'rows');
  const definitions = await listDefinitions(em, tenantId);
  const checked = checkRows(input, definitions);
  const problems = [...checked.problems, ...(await takenInDatabase(em, tenantId, checked.rows))];
  if (problems.length) throw new ImportRejected(problems.sort((a, b) => a.line - b.line), input.length);
  const given = checked.rows.flatMap((row) => (row.accountNumber === undefined ? [] : [row.accountNumber]));
  const generated = await reserveAccountNumbers(em, tenantId, checked.rows.length - given.length, given);
  let next = 0;
  const rows: NewSubscriberRow[] = checked.rows.map((row) => ({ ...row, id: randomUUID(), accountNumber: row.accountNumber ?? generated[next++]! }));
  await writeImport(em, tenantId, rows, definitions, actor).catch((error: unknown) => {
    // Another request took one of the given account numbers after the check above.
    if (error instanceof UniqueConstraintViolationException) throw AppError.conflict('An account number of this file was taken meanwhile; nothing was imported', 'rows');
    throw error;
  });
  return { imported: rows.map((row) => ({ line: row.line, id: row.id, accountNumber: row.accountNumber })) };
}
