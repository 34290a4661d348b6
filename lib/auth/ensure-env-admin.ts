import { getEnv, type TEnv } from '@/lib/env';
import { upsertUserPassword } from '@/lib/db/user/upsert-user-password';
import { findUserCredentials } from '@/lib/db/user/find-user-credentials';
import { normalizeEmail } from './email';
import { checkPasswordStrength, hashPassword } from './password';

let done: Promise<void> | null = null;

/**
 * Create the first admin from `ADMIN_EMAIL` + `ADMIN_PASSWORD` once per process, if that account does not exist yet.
 * An existing account is left alone, so changing the password in the app is not undone by a restart.
 */
export function ensureEnvAdmin(env: Pick<TEnv, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD'> = getEnv()): Promise<void> {
  if (!done) {
    done = (async () => {
      const email = env.ADMIN_EMAIL ? normalizeEmail(env.ADMIN_EMAIL) : '';
      const password = env.ADMIN_PASSWORD ?? '';
      if (!email || !password) return;
      const problem = checkPasswordStrength(password);
      if (problem) {
        console.error(`[auth] ADMIN_PASSWORD ignored: ${problem}`);
        return;
      }
      if (await findUserCredentials(email)) return;
      await upsertUserPassword({ email, passwordHash: await hashPassword(password), role: 'admin', name: 'Admin' });
      console.log(`[auth] created admin ${email} from ADMIN_EMAIL`);
    })().catch((err) => {
      done = null; // retry on the next sign-in (e.g. the database was not up yet)
      throw err;
    });
  }
  return done;
}
