import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('config', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({ DATABASE_PATH: 'data/quotes.db', PORT: 4000 });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT="abc": must be a whole number/],
    [{ PORT: '70000' }, /PORT="70000": must be between 0 and 65535/],
    [{ DATABASE_PATH: '   ' }, /DATABASE_PATH=".*": must be a file path/],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
