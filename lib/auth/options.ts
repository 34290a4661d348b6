import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import { db } from '@/lib/db/client';
import { getEnv, type TEnv } from '@/lib/env';
import { isDatabaseUnavailable } from '@/lib/errors';
import { findUserCredentials } from '@/lib/db/user/find-user-credentials';
import { RATE_LIMITS } from '@/lib/security/rate-limit';
import { normalizeEmail } from './email';
import { verifyPassword } from './password';
import { ensureEnvAdmin } from './ensure-env-admin';
import { ZRole } from './roles';
import { decodeSessionJwt, encodeSessionJwt } from './jwt';

/** How long a session lasts without activity (seconds): 14 days, refreshed daily while used. */
export const SESSION_MAX_AGE = 14 * 24 * 60 * 60;

/** Sign-in attempts allowed per email per window (slows password guessing; the same for unknown emails). */
export const SIGN_IN_LIMIT = { attempts: RATE_LIMITS.signIn[0].limit, windowMs: RATE_LIMITS.signIn[0].windowMs };

/** The error code next-auth passes to the sign-in page (`?error=`) when the limit is hit. */
export const RATE_LIMITED_ERROR = 'RateLimited';
/** The error code for sign-in attempts while the database is unreachable. */
export const UNAVAILABLE_ERROR = 'Unavailable';

/**
 * Check email + password; null for any failure so the answer never tells whether the email exists.
 * SIGN_IN_LIMIT is enforced before next-auth runs (app/api/auth/[...nextauth]/route.ts → lib/security).
 */
export async function authorizeCredentials(credentials: Record<string, unknown> | undefined): Promise<{ id: string; email: string | null; name: string | null; role: 'learner' | 'instructor' | 'admin' } | null> {
  const email = typeof credentials?.email === 'string' ? normalizeEmail(credentials.email) : '';
  const password = typeof credentials?.password === 'string' ? credentials.password : '';
  if (!email || !password || password.length > 1024) return null;
  let user: Awaited<ReturnType<typeof findUserCredentials>>;
  try {
    // The rate limit (per email and per address) runs before next-auth: lib/security/sign-in-limit.ts.
    await ensureEnvAdmin();
    user = await findUserCredentials(email);
  } catch (err) {
    // next-auth puts a thrown message into the sign-in URL: pass only our codes, never driver messages.
    if (isDatabaseUnavailable(err)) throw new Error(UNAVAILABLE_ERROR);
    console.error('[auth] sign-in failed:', err);
    throw new Error('ServerError');
  }
  // verifyPassword spends the same bcrypt time when the user or its hash is missing.
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** True when GitHub sign-in is configured. */
export function isGitHubEnabled(env: Pick<TEnv, 'GITHUB_ID' | 'GITHUB_SECRET'> = getEnv()): boolean {
  return Boolean(env.GITHUB_ID && env.GITHUB_SECRET);
}

/** Build next-auth's options (a function so tests can pass their own env). */
export function buildAuthOptions(env: TEnv = getEnv()): NextAuthOptions {
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      authorize: (credentials) => authorizeCredentials(credentials),
    }),
  ];
  if (isGitHubEnabled(env)) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID as string, clientSecret: env.GITHUB_SECRET as string }));
  }
  return {
    // The generated client lives in lib/generated/prisma, not @prisma/client: same shape, different type identity.
    adapter: PrismaAdapter(db as never),
    providers,
    secret: env.AUTH_SECRET ?? env.NEXTAUTH_SECRET,
    // Credentials sign-in only works with JWT sessions in next-auth v4.
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE, updateAge: 24 * 60 * 60 },
    // Same tokens as next-auth's own functions, without a key derivation per request (lib/auth/jwt.ts).
    jwt: { maxAge: SESSION_MAX_AGE, encode: encodeSessionJwt, decode: decodeSessionJwt },
    // Our pages: next-auth's built-in ones would meet the static CSP of /api (no styles, no form posts).
    pages: { signIn: '/sign-in', signOut: '/sign-out', error: '/sign-in' },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          const role = ZRole.safeParse((user as { role?: unknown }).role);
          token.role = role.success ? role.data : 'learner';
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.role = token.role ?? 'learner';
        }
        return session;
      },
    },
  };
}

/** next-auth options: the /api/auth route handler uses them; lib/auth/session-cookie.ts reads its session cookie. */
export const authOptions: NextAuthOptions = buildAuthOptions();
