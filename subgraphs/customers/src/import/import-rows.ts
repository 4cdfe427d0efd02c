import { checkAddress, type AddressFields } from '../address/address.rules.js';
import type { CustomFieldDefinition } from '../custom-field/custom-field-definition.entity.js';
import { applyValues } from '../custom-field/custom-field-value.rules.js';
import { collect, conflict, type Problem } from '../shared/problem.js';
import { optionalEmail, optionalPhone } from '../shared/text.js';
import { SubscriberType, type SubscriberStatus } from '../subscriber/subscriber.entity.js';
import { cleanAccountNumber, cleanName, initialStatus } from '../subscriber/subscriber.rules.js';
import type { ImportSubscriberRow } from './import.input.js';

/** A row that passed every check, ready to insert. */
export interface CheckedRow {
  line: number;
  name: string;
  email: string | null;
  phone: string | null;
  accountNumber: string | undefined;
  type: SubscriberType;
  status: SubscriberStatus;
  address: AddressFields | null;
  /** Definition id → canonical value. */
  customValues: Map<string, string>;
}

export interface LineProblem extends Problem {
  line: number;
}

/** Address problems name the row's own fields. */
const ADDRESS_FIELD_OF_ROW: Record<string, string> = { line1: 'addressLine1', line2: 'addressLine2' };

function hasAddress(row: ImportSubscriberRow): boolean {
  return [row.addressLine1, row.addressLine2, row.city, row.region, row.postalCode, row.country, row.latitude, row.longitude].some(
    (value) => value !== null && value !== undefined && String(value).trim() !== '',
  );
}

function checkRowAddress(row: ImportSubscriberRow, problems: Problem[]): AddressFields | null | undefined {
  if (!hasAddress(row)) return null;
  const before = problems.length;
  const address = collect(problems, () =>
    checkAddress({ ...row, line1: row.addressLine1, line2: row.addressLine2 }),
  );
  for (const problem of problems.slice(before)) problem.field = ADDRESS_FIELD_OF_ROW[problem.field] ?? problem.field;
  return address;
}

/** Checks one row on its own; every problem is collected, not just the first. */
function checkRow(
  row: ImportSubscriberRow,
  line: number,
  definitions: readonly CustomFieldDefinition[],
): { row?: CheckedRow; accountNumber?: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const name = collect(problems, () => cleanName(row.name));
  const email = collect(problems, () => optionalEmail(row.email));
  const phone = collect(problems, () => optionalPhone(row.phone));
  const accountNumber = collect(problems, () => cleanAccountNumber(row.accountNumber));
  const status = collect(problems, () => initialStatus(row.status));
  const address = checkRowAddress(row, problems);
  const values = applyValues(definitions, new Map(), row.customFields ?? [], 'customFields');
  problems.push(...values.problems);
  if (problems.length) return { accountNumber, problems };
  return {
    accountNumber,
    problems,
    row: {
      line,
      name: name!,
      email: email ?? null,
      phone: phone ?? null,
      accountNumber,
      type: row.type ?? SubscriberType.RESIDENTIAL,
      status: status!,
      address: address ?? null,
      customValues: values.next,
    },
  };
}

/**
 * Checks every row in memory: its fields, its custom field values against the tenant's active
 * definitions, and account numbers repeated within the file. Database duplicates are checked by
 * the caller, with one query for all rows.
 */
export function checkRows(rows: readonly ImportSubscriberRow[], definitions: readonly CustomFieldDefinition[]): { rows: CheckedRow[]; problems: LineProblem[] } {
  const checked: CheckedRow[] = [];
  const problems: LineProblem[] = [];
  const firstLineOf = new Map<string, number>();
  rows.forEach((input, index) => {
    const line = index + 1;
    const result = checkRow(input, line, definitions);
    const accountNumber = result.accountNumber;
    if (accountNumber !== undefined) {
      const first = firstLineOf.get(accountNumber);
      if (first === undefined) firstLineOf.set(accountNumber, line);
      else result.problems.push(conflict('accountNumber', `Account number ${accountNumber} is also on line ${first}`));
    }
    problems.push(...result.problems.map((problem) => ({ ...problem, line })));
    if (result.row && result.problems.length === 0) checked.push(result.row);
  });
  return { rows: checked, problems };
}
