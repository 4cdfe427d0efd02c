/**
 * Reading configuration from the environment: every deployable calls `readConfig` once at start-up
 * with a description of what it needs, gets a frozen typed object back, and fails fast with one
 * message listing every missing or malformed variable. Nothing else reads `process.env`.
 */
export type EnvSource = Record<string, string | undefined>;

export interface Field<T> {
  read(name: string, raw: string | undefined, problems: string[]): T;
}

type Shape = Record<string, Field<unknown>>;
type ConfigOf<S extends Shape> = { readonly [K in keyof S]: S[K] extends Field<infer T> ? T : never };

function required<T>(parse: (raw: string) => T | undefined, what: string, fallback?: T, echo = true): Field<T> {
  return {
    read(name, raw, problems) {
      if (raw === undefined || raw === '') {
        if (fallback !== undefined) return fallback;
        problems.push(`${name} is required (${what})`);
        return undefined as T;
      }
      const value = parse(raw);
      if (value === undefined) problems.push(echo ? `${name} must be ${what}, got "${raw}"` : `${name} must be ${what}`);
      return value as T;
    },
  };
}

/** Field constructors. A secret never has a default: a missing secret stops the process. */
export const env = {
  string: (fallback?: string) => required((raw) => raw, 'a string', fallback),
  /** Never echoed back in an error message. */
  secret: () => required((raw) => (raw.length >= 16 ? raw : undefined), 'a secret of at least 16 characters', undefined, false),
  /** A secret that may be absent (the caller decides when it is required). Never echoed back. */
  optionalSecret: (): Field<string | undefined> => ({
    read(name, raw, problems) {
      if (raw === undefined || raw === '') return undefined;
      if (raw.length < 16) problems.push(`${name} must be a secret of at least 16 characters`);
      return raw;
    },
  }),
  int: (fallback?: number) =>
    required((raw) => (/^-?\d+$/.test(raw) ? Number(raw) : undefined), 'an integer', fallback),
  bool: (fallback?: boolean) =>
    required((raw) => (raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : undefined), 'true or false', fallback),
  url: (fallback?: string) =>
    required((raw) => (URL.canParse(raw) ? raw : undefined), 'a URL', fallback),
  optionalUrl: (): Field<string | undefined> => ({
    read(name, raw, problems) {
      if (raw === undefined || raw === '') return undefined;
      if (!URL.canParse(raw)) problems.push(`${name} must be a URL, got "${raw}"`);
      return raw;
    },
  }),
  oneOf: <T extends string>(values: readonly T[], fallback?: T) =>
    required((raw) => (values.includes(raw as T) ? (raw as T) : undefined), `one of ${values.join(', ')}`, fallback),
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export function readConfig<S extends Shape>(shape: S, source: EnvSource = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(shape)) config[name] = field.read(name, source[name], problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config) as ConfigOf<S>;
}
