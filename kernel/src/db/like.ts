/** A `%…%` pattern for ILIKE that matches `search` literally (its %, _ and \ are escaped). */
export function containsPattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
