/**
 * PostgreSQL array literals, bound as ONE text parameter each and cast in SQL (`?::float8[]`):
 * a batch of thousands of samples then travels as a handful of parameters of a single statement.
 */
const quoted = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** `{"a","b",NULL}` for text, uuid, timestamptz or jsonb arrays. */
export const textArray = (values: readonly (string | null)[]): string => `{${values.map((value) => (value === null ? 'NULL' : quoted(value))).join(',')}}`;

/** `{1,2.5,-3}` for float8 arrays (finite numbers only; validation guarantees it). */
export const numberArray = (values: readonly number[]): string => `{${values.join(',')}}`;
