import { ErrorCode } from '@dotmac/kernel/edge';
import { GraphQLError, type ASTNode } from 'graphql';

/** The error every operation limit answers with: BAD_USER_INPUT, a message naming the limit, HTTP 400. */
export function limitExceeded(message: string, node?: ASTNode): GraphQLError {
  return new GraphQLError(message, { nodes: node, extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
}
