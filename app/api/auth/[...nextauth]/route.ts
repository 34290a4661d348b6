import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { limitCredentialsSignIn } from '@/lib/security/sign-in-limit';

// next-auth v4's App Router handler: /api/auth/csrf, /callback/credentials, /session, /signout, /providers, ...
const handler = NextAuth(authOptions);

/** next-auth's POST, after the credentials sign-in rate limit (429 + Retry-After). */
async function POST(req: Request, ctx: unknown): Promise<Response> {
  return (await limitCredentialsSignIn(req)) ?? (handler as (req: Request, ctx: unknown) => Promise<Response>)(req, ctx);
}

export { handler as GET, POST };
