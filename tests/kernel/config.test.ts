import { describe, expect, it } from 'vitest';
import { ConfigError, env, readConfig } from '@dotmac/kernel';

describe('readConfig', () => {
  it('returns a frozen, typed config with defaults', () => {
    const config = readConfig({ PORT: env.int(4000), NAME: env.string('x'), DEBUG: env.bool(false) }, { PORT: '4100' });
    expect(config).toEqual({ PORT: 4100, NAME: 'x', DEBUG: false });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every problem at once and never echoes a secret', () => {
    try {
      readConfig({ PORT: env.int(), KEY: env.secret(), URL: env.url() }, { PORT: 'abc', KEY: 'short-secret', URL: 'nope' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).not.toContain('short-secret');
      expect(problems.join('\n')).toContain('PORT must be an integer');
    }
  });
});
