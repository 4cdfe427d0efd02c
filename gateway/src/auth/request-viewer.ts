import { HeaderMap } from '@apollo/server';
import { ANONYMOUS, AppError, ErrorCode, type Viewer } from '@dotmac/kernel/edge';
import { GraphQLError } from 'graphql';
import type { ViewerCache } from './viewer-cache.js';

const MAX_TOKEN_LENGTH = 4096;
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export interface CredentialHeaders {
  authorization?: string;
  apiKey?: string;
}

/**
 * The token a request presents: `Authorization: Bearer <token>`, else `x-api-key: <key>`; undefined
 * when it presents neither. Another Authorization scheme, or an absurdly long token, is refused
 * rather than silently treated as anonymous.
 */
export function presentedToken({ authorization, apiKey }: CredentialHeaders): string | undefined {
  let token: string | undefined;
  if (authorization !== undefined && authorization !== '') {
    const match = BEARER.exec(authorization);
    if (!match) throw AppError.unauthenticated('The Authorization header must be "Bearer <token>"');
    token = match[1];
  } else if (apiKey !== undefined && apiKey !== '') {
    token = apiKey.trim();
  }
  if (token !== undefined && (token.length === 0 || token.length > MAX_TOKEN_LENGTH)) throw AppError.unauthenticated('Malformed token');
  return token;
}

/** An UNAUTHENTICATED AppError as the HTTP 401 GraphQL error the client receives. */
function unauthenticatedResponse(error: AppError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
    },
  });
}

/** Failures to reach the tenants subgraph: the client sees a masked INTERNAL error with HTTP 503. */
function unavailableResponse(error: unknown): GraphQLError {
  return new GraphQLError('Authentication is unavailable', {
    originalError: error instanceof Error ? error : new Error(String(error)),
    extensions: { http: { status: 503 } },
  });
}

/**
 * Who is asking: anonymous (with the client's IP) when no token is presented, else the viewer the
 * tenants subgraph resolves the token to. A refused token throws the 401 error that ends the
 * request before any subgraph is called.
 */
export async function viewerForRequest(
  viewers: ViewerCache,
  headers: CredentialHeaders,
  clientIp: string | undefined,
  requestId: string,
): Promise<Viewer> {
  try {
    const token = presentedToken(headers);
    if (token === undefined) return { ...ANONYMOUS, clientIp };
    return { ...(await viewers.resolve(token, requestId)), clientIp };
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) throw unauthenticatedResponse(error);
    throw unavailableResponse(error);
  }
}
