import type { DefaultSession } from 'next-auth';
import type { TRole } from './roles';

// Our session and JWT carry the user id and role (set in lib/auth/options.ts callbacks).
declare module 'next-auth' {
  interface Session {
    user: { id: string; role: TRole } & DefaultSession['user'];
  }
  interface User {
    role?: TRole;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: TRole;
  }
}
