import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from './app-error.js';
import { ErrorCode, PUBLIC_ERROR_CODES } from './error-code.js';
import type { Logger } from '../logging/logger.js';

/** Apollo's own codes for request-level failures, translated to DotMac's closed set. */
const APOLLO_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.BAD_USER_INPUT,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.BAD_USER_INPUT,
  BAD_USER_INPUT: ErrorCode.BAD_USER_INPUT,
  BAD_REQUEST: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_USER_INPUT,
};

/**
 * The one place where errors become what clients see. AppErrors keep their code and message;
 * GraphQL request errors are mapped to the closed set; anything else is masked as INTERNAL with a
 * correlation id that is also written to the log with the original error.
 */
export function createErrorFormatter(logger: Logger) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof AppError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...original.details, code: original.code },
      };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (PUBLIC_ERROR_CODES.has(code) && code !== ErrorCode.INTERNAL) return formatted;
    const mapped = APOLLO_CODES[code];
    if (mapped) return { ...formatted, extensions: { ...formatted.extensions, code: mapped } };
    const correlationId = randomUUID();
    logger.error({ err: original, correlationId, path: formatted.path }, 'unexpected error');
    return {
      message: `Internal error (correlation id ${correlationId})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL, correlationId },
    };
  };
}
