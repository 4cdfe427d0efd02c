import { AppError, ErrorCode } from '@dotmac/kernel';

/** One thing wrong with an input: which field (dot path), which code, and why. */
export interface Problem {
  field: string;
  code: ErrorCode;
  message: string;
}

export const badInput = (field: string, message: string): Problem => ({ field, code: ErrorCode.BAD_USER_INPUT, message });
export const conflict = (field: string, message: string): Problem => ({ field, code: ErrorCode.CONFLICT, message });

export const toAppError = (problem: Problem): AppError => new AppError(problem.code, problem.message, { field: problem.field });

/** Throws the first problem, if any: single-record mutations answer one userError. */
export function throwFirst(problems: readonly Problem[]): void {
  const first = problems[0];
  if (first) throw toAppError(first);
}

/** The problem an AppError describes. */
export function problemOf(error: AppError): Problem {
  return { field: typeof error.details.field === 'string' ? error.details.field : '', code: error.code, message: error.message };
}

/** Runs one validation; an AppError becomes a collected problem and the result is undefined. */
export function collect<T>(problems: Problem[], check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problems.push(problemOf(error));
    return undefined;
  }
}
