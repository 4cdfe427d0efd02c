import { ErrorCode } from './error-code.js';

/**
 * An expected failure the client may see. Throw it from services (or return it as a userError in a
 * mutation payload); everything that is not an AppError is masked as INTERNAL at the boundary.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static unauthenticated(message = 'Authentication required', details?: Record<string, unknown>): AppError {
    return new AppError(ErrorCode.UNAUTHENTICATED, message, details);
  }
  static forbidden(message = 'Not allowed', details?: Record<string, unknown>): AppError {
    return new AppError(ErrorCode.FORBIDDEN, message, details);
  }
  static notFound(type: string, id?: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, id ? `${type} ${id} not found` : `${type} not found`, { type });
  }
  static badInput(message: string, field?: string): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
  }
  static conflict(message: string, field?: string): AppError {
    return new AppError(ErrorCode.CONFLICT, message, field ? { field } : {});
  }
  static rateLimited(retryAfterSeconds: number): AppError {
    return new AppError(ErrorCode.RATE_LIMITED, `Too many attempts; retry after ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
