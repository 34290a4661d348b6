import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// next-auth v4's App Router handler: /api/auth/csrf, /callback/credentials, /session, /signout, /providers, ...
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
