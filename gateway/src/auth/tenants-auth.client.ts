import { AppError, INTERNAL_CONTEXT_HEADER, signInternalContext, type Viewer } from '@dotmac/kernel/edge';
import { SYSTEM_VIEWER } from './gateway-context.js';

/** The tenants subgraph's answer for a valid token. */
export interface ResolvedToken {
  viewer: Viewer;
  /** Epoch ms after which the answer must not be reused; null when the token does not expire. */
  expiresAt: number | null;
}

/** Resolves a token, rejecting with an UNAUTHENTICATED AppError when the tenants subgraph refuses it. */
export type TokenLookup = (token: string, requestId: string) => Promise<ResolvedToken>;

export interface TenantsAuthClientOptions {
  url: string;
  signingKey: string;
  timeoutMs: number;
}

const TOKEN_VIEWER_KINDS: ReadonlySet<string> = new Set(['user', 'api_key']);

function isResolvedToken(body: unknown): body is ResolvedToken {
  if (!body || typeof body !== 'object') return false;
  const { viewer, expiresAt } = body as Partial<ResolvedToken>;
  return (
    !!viewer &&
    TOKEN_VIEWER_KINDS.has(viewer.kind) &&
    Array.isArray(viewer.roles) &&
    (expiresAt === null || typeof expiresAt === 'number')
  );
}

async function rejectionMessage(response: Response): Promise<string | undefined> {
  const body = (await response.json().catch(() => undefined)) as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : undefined;
}

/**
 * Asks the tenants subgraph's internal endpoint who a token stands for. The gateway verifies no
 * token itself, so keys, revocation and session state live in one place. Node 20's fetch keeps
 * connections to the endpoint alive between calls.
 */
export function tenantsAuthClient(options: TenantsAuthClientOptions): TokenLookup {
  return async (token, requestId) => {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': requestId,
        [INTERNAL_CONTEXT_HEADER]: signInternalContext({ viewer: SYSTEM_VIEWER, requestId }, options.signingKey),
      },
      body: JSON.stringify({ token }),
      signal: AbortSignal.timeout(options.timeoutMs),
    }).catch((error: unknown) => {
      throw new Error(`Token resolution at ${options.url} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    if (response.status === 401) throw AppError.unauthenticated(await rejectionMessage(response));
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw new Error(`Token resolution at ${options.url} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
    }
    const body: unknown = await response.json();
    if (!isResolvedToken(body)) throw new Error(`Token resolution at ${options.url} answered an unexpected body`);
    return { viewer: body.viewer, expiresAt: body.expiresAt };
  };
}
