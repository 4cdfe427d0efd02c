/** A minimal GraphQL-over-HTTP client for the seed: POST JSON, bearer token, errors as exceptions. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly errors: unknown[],
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

/** An enum value for {@link graphqlLiteral}: written bare, not quoted. */
export class EnumValue {
  constructor(readonly value: string) {
    if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) throw new Error(`Not a GraphQL enum value: ${value}`);
  }
}

export const enumValue = (value: string): EnumValue => new EnumValue(value);

/**
 * A value written inline in a document. Inline arguments keep the seed independent of the input
 * type names (which variables would have to spell out). JSON string escapes are valid GraphQL.
 */
export function graphqlLiteral(value: unknown): string {
  if (value instanceof EnumValue) return value.value;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(graphqlLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = Object.entries(value).map(([name, field]) => `${name}: ${graphqlLiteral(field)}`);
    return `{${fields.join(', ')}}`;
  }
  throw new Error(`Cannot write ${typeof value} as a GraphQL literal`);
}

export class GatewayClient {
  constructor(
    readonly url: string,
    private readonly token?: string,
  ) {}

  withToken(token: string): GatewayClient {
    return new GatewayClient(this.url, token);
  }

  async request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let body: { data?: T; errors?: { message: string }[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new GraphQLRequestError(`HTTP ${response.status} from ${this.url}: ${text.slice(0, 300)}`, []);
    }
    if (body.errors?.length) {
      throw new GraphQLRequestError(`GraphQL errors: ${body.errors.map((error) => error.message).join('; ')}`, body.errors);
    }
    if (!response.ok || body.data === undefined) {
      throw new GraphQLRequestError(`HTTP ${response.status} from ${this.url} without data`, []);
    }
    return body.data;
  }
}
