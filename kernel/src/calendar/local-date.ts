import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * A calendar date without a time of day or zone, as `YYYY-MM-DD` (billing periods, due dates,
 * effective dates). Arithmetic runs on whole UTC days, so no zone or daylight change can shift it.
 */
export type LocalDate = string;

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not one). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = FORMAT.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a date. */
export function toEpochDay(date: LocalDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function fromEpochDay(epochDay: number): LocalDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in UTC. */
export function todayUtc(now: Date = new Date()): LocalDate {
  return now.toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier); the end is not counted. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function parts(date: LocalDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The date with that day in that month, or the month's last day when the month is shorter. */
export function clampedDate(year: number, month: number, day: number): LocalDate {
  const last = daysInMonth(year, month);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * `months` calendar months after (or before) `date`, on `day` (default: the date's own day), moved
 * to the last day of a shorter month. Always computed from the given date, never chained, so a
 * schedule anchored on the 31st comes back to the 31st after February.
 */
export function addMonths(date: LocalDate, months: number, day = parts(date).day): LocalDate {
  const { year, month } = parts(date);
  const index = year * 12 + (month - 1) + months;
  return clampedDate(Math.floor(index / 12), (index % 12) + 1, day);
}

export const compareDates = (a: LocalDate, b: LocalDate): number => (a < b ? -1 : a > b ? 1 : 0);
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);
export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);

function parseLiteral(value: unknown): LocalDate {
  if (!isLocalDate(value)) {
    throw new GraphQLError(`Date must be a calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** The `Date` scalar: a calendar date as `YYYY-MM-DD`. */
export const LocalDateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date without time or zone, as YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseLiteral(value)),
  parseValue: parseLiteral,
  parseLiteral: (ast) => parseLiteral(ast.kind === Kind.STRING ? ast.value : undefined),
});
