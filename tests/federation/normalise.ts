import type { GraphQLAnswer } from './gateways.js';

/** What stays comparable of one error once each gateway's documented error policy is applied. */
export interface ComparableError {
  message: string;
  path?: ReadonlyArray<string | number>;
  code?: string;
}

export const MASKED = '<masked internal error>';

/** DotMac's closed set of client-visible codes (kernel `ErrorCode`). */
const DOTMAC_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED', 'ENTITLEMENT_REQUIRED']);
const MASKED_MESSAGE = /^Internal error \(correlation id [0-9a-f-]+\)$/;

type RawError = NonNullable<GraphQLAnswer['body']['errors']>[number];

/**
 * A stock gateway error as DotMac's gateway documents it would show it (gateway/src/errors): a
 * subgraph error keeps its message and code when the code is in DotMac's closed set; any other
 * code (Apollo's INTERNAL_SERVER_ERROR for an uncoded throw) is masked as INTERNAL, message hidden.
 * `serviceName` and stack traces are dropped by DotMac and are not compared.
 */
export function stockErrorAsDotmac(error: RawError): ComparableError {
  const code = String(error.extensions?.code ?? '');
  if (DOTMAC_CODES.has(code)) return { message: error.message, path: error.path, code };
  return { message: MASKED, path: error.path, code: 'INTERNAL' };
}

/** A DotMac error with its per-request correlation id (random by design) replaced by a constant. */
export function dotmacError(error: RawError): ComparableError {
  const code = error.extensions?.code === undefined ? undefined : String(error.extensions.code);
  const message = code === 'INTERNAL' && MASKED_MESSAGE.test(error.message) ? MASKED : error.message;
  return { message, path: error.path, code };
}

export function comparable(answer: GraphQLAnswer, mapError: (error: RawError) => ComparableError) {
  return { status: answer.status, data: answer.body.data, errors: answer.body.errors?.map(mapError) };
}
