import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, env, readConfig, type EnvSource } from '@dotmac/kernel/edge';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const GATEWAY_ENV = {
  HOST: env.string('127.0.0.1'),
  PORT: env.int(4000),
  SUPERGRAPH_PATH: env.string('schema/supergraph.graphql'),
  SUBGRAPH_URLS: env.string(''),
  /** DotMac's identity and tenant context; false serves any supergraph as a plain gateway. */
  DOTMAC_AUTH: env.bool(true),
  INTERNAL_SIGNING_KEY: env.optionalSecret(),
  TENANTS_INTERNAL_URL: env.optionalUrl(),
  AUTH_CACHE_TTL_MS: env.int(1000),
  TRUST_PROXY: env.bool(false),
  LOG_LEVEL: env.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  MAX_QUERY_BYTES: env.int(20_000),
  MAX_BODY_BYTES: env.int(8 * 1024 * 1024),
  MAX_DEPTH: env.int(12),
  MAX_ALIASES: env.int(30),
  MAX_COST: env.int(10_000),
  MAX_TOKENS: env.int(4000),
  SUBGRAPH_TIMEOUT_MS: env.int(30_000),
  SUBGRAPH_MAX_SOCKETS: env.int(64),
  /** Identical subgraph queries for the same viewer share one call while it is in flight. */
  SUBGRAPH_SHARE_IN_FLIGHT: env.bool(true),
  /** Ask subgraphs for compressed answers: worth it across a network, not on loopback. */
  SUBGRAPH_COMPRESSION: env.bool(false),
  /** Answers to clients that accept compression are compressed from this size on (0: never). */
  RESPONSE_COMPRESSION_MIN_BYTES: env.int(1024),
  /** Operations kept read, planned and compiled (least recently used out). */
  PLAN_CACHE_ENTRIES: env.int(1000),
};

export interface OperationLimits {
  readonly maxQueryBytes: number;
  readonly maxBodyBytes: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  readonly maxTokens: number;
}

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  /** Absolute path of the supergraph SDL file. */
  readonly supergraphPath: string;
  /** Subgraph URL overrides keyed by lowercased subgraph name; the supergraph's URLs apply otherwise. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Tokens are resolved into viewers and subgraph calls carry the signed context; off: anonymous, unsigned. */
  readonly auth: boolean;
  /** Present whenever `auth` is on. */
  readonly signingKey: string | undefined;
  /** Where tokens are resolved; undefined means `/internal/auth/resolve` on the tenants subgraph. */
  readonly tenantsInternalUrl?: string;
  readonly authCacheTtlMs: number;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  readonly subgraphTimeoutMs: number;
  /** Keep-alive connections per subgraph at most. */
  readonly subgraphMaxSockets: number;
  /** A subgraph query identical to one in flight (same viewer) waits for that answer instead of being sent again. */
  readonly subgraphShareInFlight: boolean;
  /** Prepared operations (query plan and compiled response shape) kept at most. */
  readonly planCacheEntries: number;
  readonly subgraphCompression: boolean;
  /** 0: answers are never compressed. */
  readonly responseCompressionMinBytes: number;
  readonly limits: OperationLimits;
}

function parseSubgraphUrls(raw: string, problems: string[]): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    const equals = entry.indexOf('=');
    const name = entry.slice(0, equals).trim().toLowerCase();
    const url = entry.slice(equals + 1).trim();
    if (equals <= 0 || !URL.canParse(url)) problems.push(`SUBGRAPH_URLS must be name=url pairs separated by commas, got "${entry}"`);
    else urls[name] = url;
  }
  return urls;
}

function requirePositive(values: Record<string, number>, problems: string[]): void {
  for (const [name, value] of Object.entries(values)) if (value <= 0) problems.push(`${name} must be positive, got ${value}`);
}

/**
 * Reads the gateway's configuration from `source` (the process environment unless a test passes its
 * own variables). Relative SUPERGRAPH_PATH values are resolved against the repository root.
 */
export function readGatewayConfig(source: EnvSource = process.env): GatewayConfig {
  const raw = readConfig(GATEWAY_ENV, source);
  const problems: string[] = [];
  const subgraphUrls = parseSubgraphUrls(raw.SUBGRAPH_URLS, problems);
  const { MAX_QUERY_BYTES, MAX_BODY_BYTES, MAX_DEPTH, MAX_ALIASES, MAX_COST, MAX_TOKENS, SUBGRAPH_TIMEOUT_MS, SUBGRAPH_MAX_SOCKETS, PLAN_CACHE_ENTRIES } = raw;
  requirePositive({ MAX_QUERY_BYTES, MAX_BODY_BYTES, MAX_DEPTH, MAX_ALIASES, MAX_COST, MAX_TOKENS, SUBGRAPH_TIMEOUT_MS, SUBGRAPH_MAX_SOCKETS, PLAN_CACHE_ENTRIES }, problems);
  if (raw.PORT < 0 || raw.PORT > 65_535) problems.push(`PORT must be between 0 and 65535, got ${raw.PORT}`);
  if (raw.DOTMAC_AUTH && !raw.INTERNAL_SIGNING_KEY) problems.push('INTERNAL_SIGNING_KEY is required unless DOTMAC_AUTH=false');
  if (raw.RESPONSE_COMPRESSION_MIN_BYTES < 0) problems.push(`RESPONSE_COMPRESSION_MIN_BYTES must not be negative, got ${raw.RESPONSE_COMPRESSION_MIN_BYTES}`);
  if (raw.AUTH_CACHE_TTL_MS < 0) problems.push(`AUTH_CACHE_TTL_MS must not be negative, got ${raw.AUTH_CACHE_TTL_MS}`);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    host: raw.HOST,
    port: raw.PORT,
    supergraphPath: isAbsolute(raw.SUPERGRAPH_PATH) ? raw.SUPERGRAPH_PATH : resolve(REPO_ROOT, raw.SUPERGRAPH_PATH),
    subgraphUrls: Object.freeze(subgraphUrls),
    auth: raw.DOTMAC_AUTH,
    signingKey: raw.DOTMAC_AUTH ? raw.INTERNAL_SIGNING_KEY : undefined,
    tenantsInternalUrl: raw.TENANTS_INTERNAL_URL,
    authCacheTtlMs: raw.AUTH_CACHE_TTL_MS,
    trustProxy: raw.TRUST_PROXY,
    logLevel: raw.LOG_LEVEL,
    subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS,
    subgraphMaxSockets: raw.SUBGRAPH_MAX_SOCKETS,
    subgraphShareInFlight: raw.SUBGRAPH_SHARE_IN_FLIGHT,
    planCacheEntries: raw.PLAN_CACHE_ENTRIES,
    subgraphCompression: raw.SUBGRAPH_COMPRESSION,
    responseCompressionMinBytes: raw.RESPONSE_COMPRESSION_MIN_BYTES,
    limits: Object.freeze({
      maxQueryBytes: MAX_QUERY_BYTES,
      maxBodyBytes: MAX_BODY_BYTES,
      maxDepth: MAX_DEPTH,
      maxAliases: MAX_ALIASES,
      maxCost: MAX_COST,
      maxTokens: MAX_TOKENS,
    }),
  });
}
