import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('config', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({ DATABASE_PATH: 'data/quotes.db', PORT: 4000, PLAYGROUND: true, INTROSPECTION: true, MAX_DEPTH: 10 });
  });

  it('turns the playground and introspection off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ PLAYGROUND: false, INTROSPECTION: false });
    expect(loadConfig({ NODE_ENV: 'production', PLAYGROUND: 'true' })).toMatchObject({ PLAYGROUND: true, INTROSPECTION: false });
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT="abc": must be a whole number/],
    [{ PORT: '70000' }, /PORT="70000": must be between 0 and 65535/],
    [{ DATABASE_PATH: '   ' }, /DATABASE_PATH=".*": must be a file path/],
    [{ API_TOKEN: 'short' }, /API_TOKEN="short": must be at least 16 characters/],
    [{ PLAYGROUND: 'yes' }, /PLAYGROUND="yes": must be true or false/],
    [{ CORS_ORIGINS: 'https://ok.example,not a url' }, /CORS_ORIGINS=.*each origin must be a URL/],
    [{ MAX_DEPTH: '0' }, /MAX_DEPTH="0": must be greater than 0/],
    [{ DB_CACHE_MB: '1e6' }, /DB_CACHE_MB="1e6": must be at most 4096/],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
