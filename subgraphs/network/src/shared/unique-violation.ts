import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError } from '@dotmac/kernel';

/**
 * Runs a write and turns a unique-index violation into a CONFLICT naming the rule it broke. The
 * database is the authority (two concurrent requests cannot both pass a check-then-insert);
 * `messages` maps constraint names to what the client is told.
 */
export async function conflictOnUnique<T>(write: () => Promise<T>, messages: Record<string, { message: string; field: string }>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException || isExclusionViolation(error)) {
      const text = String((error as Error).message);
      const match = Object.entries(messages).find(([constraint]) => text.includes(constraint));
      if (match) throw AppError.conflict(match[1].message, match[1].field);
      throw AppError.conflict('This would duplicate an existing record');
    }
    throw error;
  }
}

/** PostgreSQL's exclusion_violation (23P01): an overlapping range or address. */
export function isExclusionViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23P01' || /23P01|exclusion constraint/.test(String((error as Error | null)?.message ?? ''));
}
