import { decode, encode } from 'next-auth/jwt';
import { decodeSessionJwt, encodeSessionJwt } from './jwt';

const secret = 's'.repeat(32);

describe('session JWT with a cached key', () => {
  it('reads tokens written by next-auth and next-auth reads ours', async () => {
    const theirs = await encode({ token: { sub: 'u1', role: 'learner' }, secret });
    expect(await decodeSessionJwt({ token: theirs, secret })).toMatchObject({ sub: 'u1', role: 'learner' });
    const ours = await encodeSessionJwt({ token: { sub: 'u2', role: 'admin' }, secret, maxAge: 60 });
    const back = await decode({ token: ours, secret });
    expect(back).toMatchObject({ sub: 'u2', role: 'admin' });
    expect((back!.exp as number) - (back!.iat as number)).toBe(60);
    expect(typeof back!.jti).toBe('string');
  });

  it('keeps salts and secrets apart', async () => {
    const salted = await encode({ token: { sub: 'u3' }, secret, salt: 'next-auth.session-token' });
    expect(await decodeSessionJwt({ token: salted, secret, salt: 'next-auth.session-token' })).toMatchObject({ sub: 'u3' });
    await expect(decodeSessionJwt({ token: salted, secret })).rejects.toThrow();
    await expect(decodeSessionJwt({ token: salted, secret: 't'.repeat(32), salt: 'next-auth.session-token' })).rejects.toThrow();
  });

  it('answers null without a token, like next-auth', async () => {
    expect(await decodeSessionJwt({ token: undefined, secret })).toBeNull();
  });
});
