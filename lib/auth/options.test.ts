import { buildAuthOptions, isGitHubEnabled } from './options';
import { parseEnv as parseEnvStrict } from '@/lib/env';

// Only the variables under test; NodeJS.ProcessEnv's required NODE_ENV is irrelevant here.
const parseEnv = (vars: Record<string, string>) => parseEnvStrict(vars as NodeJS.ProcessEnv);

describe('buildAuthOptions', () => {
  it('offers credentials only, with JWT sessions that expire, when GitHub is not configured', () => {
    const opts = buildAuthOptions(parseEnv({ AUTH_SECRET: 'x'.repeat(32) }));
    expect(opts.providers.map((p) => p.id)).toEqual(['credentials']);
    expect(opts.session).toMatchObject({ strategy: 'jwt' });
    expect(opts.session?.maxAge).toBeGreaterThan(0);
    expect(opts.secret).toBe('x'.repeat(32));
    expect(opts.pages?.signIn).toBe('/sign-in');
  });

  it('adds GitHub when both GITHUB_ID and GITHUB_SECRET are set', () => {
    const env = parseEnv({ AUTH_SECRET: 'x'.repeat(32), GITHUB_ID: 'id', GITHUB_SECRET: 'secret' });
    expect(isGitHubEnabled(env)).toBe(true);
    expect(buildAuthOptions(env).providers.map((p) => p.id)).toEqual(['credentials', 'github']);
    expect(isGitHubEnabled(parseEnv({ GITHUB_ID: 'id' }))).toBe(false);
  });

  it('falls back to NEXTAUTH_SECRET', () => {
    expect(buildAuthOptions(parseEnv({ NEXTAUTH_SECRET: 'y'.repeat(32) })).secret).toBe('y'.repeat(32));
  });

  it('puts the user id and role into the JWT and the session', async () => {
    const { callbacks } = buildAuthOptions(parseEnv({ AUTH_SECRET: 'x'.repeat(32) }));
    const token = await callbacks!.jwt!({ token: {}, user: { id: 'u1', role: 'instructor' } as never, account: null } as never);
    expect(token).toMatchObject({ sub: 'u1', role: 'instructor' });
    const bogus = await callbacks!.jwt!({ token: {}, user: { id: 'u2', role: 'root' } as never, account: null } as never);
    expect(bogus.role).toBe('learner');
    const session = await callbacks!.session!({ session: { user: { email: 'a@b.co' }, expires: '' }, token } as never);
    expect(session.user).toMatchObject({ id: 'u1', role: 'instructor', email: 'a@b.co' });
  });
});
