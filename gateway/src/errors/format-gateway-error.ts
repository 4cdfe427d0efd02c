import { createErrorFormatter, ErrorCode, PUBLIC_ERROR_CODES, type Logger } from '@dotmac/kernel/edge';
import type { GraphQLFormattedError } from 'graphql';

type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The kernel's error formatter, adapted to errors that @apollo/gateway relays from subgraphs
 * (recognisable by the `serviceName` it adds to their extensions):
 * - DotMac codes (FORBIDDEN, NOT_FOUND, …) pass through with the subgraph's message and extensions,
 *   minus `serviceName`, which would only tell clients how the platform is cut up;
 * - an INTERNAL error carrying a correlationId was already masked and logged by the subgraph, so
 *   the client gets that id, the one that finds the stack trace in the subgraph's log;
 * - any other code (Apollo's own, from a subgraph that failed to parse or validate what the
 *   gateway sent) is a platform fault and is masked here like any unknown error.
 */
export function createGatewayErrorFormatter(logger: Logger): ErrorFormatter {
  const formatError = createErrorFormatter(logger);
  return (formatted, error) => {
    if (formatted.extensions?.serviceName === undefined) return formatError(formatted, error);
    const { serviceName: _serviceName, ...extensions } = formatted.extensions;
    const code = String(extensions.code ?? '');
    if (code === ErrorCode.INTERNAL && typeof extensions.correlationId === 'string') {
      return { message: formatted.message, path: formatted.path, extensions: { code, correlationId: extensions.correlationId } };
    }
    if (PUBLIC_ERROR_CODES.has(code)) return formatError({ ...formatted, extensions }, error);
    const { code: _unknownCode, ...uncoded } = extensions;
    return formatError({ ...formatted, extensions: uncoded }, error);
  };
}
