import { AppError } from '@dotmac/kernel';
import { badInput, collect, type Problem } from '../shared/problem.js';
import { CustomFieldType, type CustomFieldDefinition } from './custom-field-definition.entity.js';

export const MAX_TEXT_VALUE = 2000;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The canonical text of a value for its field (numbers normalised, booleans lower-cased), or
 * BAD_USER_INPUT naming `field` when the value does not fit the field's type.
 */
export function canonicalValue(definition: CustomFieldDefinition, raw: string, field: string): string {
  const text = raw.trim();
  const fail = (why: string) => AppError.badInput(`${definition.label}: ${why}`, field);
  switch (definition.type) {
    case CustomFieldType.TEXT:
      if (text.length > MAX_TEXT_VALUE) throw fail(`at most ${MAX_TEXT_VALUE} characters`);
      return text;
    case CustomFieldType.NUMBER: {
      const number = Number(text);
      if (!NUMBER.test(text) || !Number.isFinite(number)) throw fail(`"${text}" is not a number`);
      return String(number);
    }
    case CustomFieldType.BOOLEAN:
      if (!/^(true|false)$/i.test(text)) throw fail('must be true or false');
      return text.toLowerCase();
    case CustomFieldType.DATE:
      if (!isCalendarDate(text)) throw fail(`"${text}" is not a date (YYYY-MM-DD)`);
      return text;
    case CustomFieldType.SELECT:
      if (!definition.options.includes(text)) throw fail(`"${text}" is not one of: ${definition.options.join(', ')}`);
      return text;
  }
}

export interface ValueInput {
  key: string;
  /** Null or empty clears the value. */
  value?: string | null;
}

/**
 * Applies value inputs to a subscriber's current values (definition id → value) against the
 * tenant's active definitions. Collects every problem: unknown or repeated keys, values that do not
 * fit, and required fields left without a value. Problem fields are `prefix.key`.
 */
export function applyValues(
  definitions: readonly CustomFieldDefinition[],
  current: ReadonlyMap<string, string>,
  inputs: readonly ValueInput[],
  prefix: string,
): { next: Map<string, string>; problems: Problem[] } {
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const next = new Map(current);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const key = input.key.trim();
    const field = `${prefix}.${key}`;
    const definition = byKey.get(key);
    if (seen.has(key)) {
      problems.push(badInput(field, `Custom field "${key}" is given twice`));
      continue;
    }
    seen.add(key);
    if (!definition) {
      problems.push(badInput(field, `No custom field "${key}" is defined (or it is archived)`));
      continue;
    }
    if (input.value == null || input.value.trim() === '') {
      next.delete(definition.id);
      continue;
    }
    const value = collect(problems, () => canonicalValue(definition, input.value!, field));
    if (value !== undefined) next.set(definition.id, value);
  }
  for (const definition of definitions) {
    const field = `${prefix}.${definition.key}`;
    if (!definition.required || next.has(definition.id) || problems.some((problem) => problem.field === field)) continue;
    problems.push(badInput(field, seen.has(definition.key) ? `${definition.label} is required and cannot be cleared` : `${definition.label} is required`));
  }
  return { next, problems };
}
