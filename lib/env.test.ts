import { parseEnv } from './env';

describe('parseEnv', () => {
  it('needs nothing: every field has a default or is optional', () => {
    expect(parseEnv({})).toMatchObject({ NODE_ENV: 'development', DATABASE_POOL_MAX: 10 });
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', GITHUB_ID: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.GITHUB_ID).toBeUndefined();
  });

  it('accepts a postgresql URL and coerces numbers', () => {
    const env = parseEnv({ DATABASE_URL: 'postgresql://u:p@db:5432/netpol?schema=public', DATABASE_POOL_MAX: '4' });
    expect(env.DATABASE_URL).toBe('postgresql://u:p@db:5432/netpol?schema=public');
    expect(env.DATABASE_POOL_MAX).toBe(4);
  });

  it('lists every invalid variable in one error', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', AUTH_SECRET: 'short', NODE_ENV: 'development' })).toThrow(
      /invalid configuration: DATABASE_URL: must be a postgresql:\/\/ URL; AUTH_SECRET: must be at least 16 characters/,
    );
  });
});
