/**
 * `npm run user:create -- --email E --password P [--role learner|instructor|admin] [--name N]`
 * Creates the account, or resets the password and role of an existing one (so re-running is safe).
 * Database: DATABASE_URL (env or .env.local/.env), else the embedded PostgreSQL that `npm run dev` is running,
 * else a temporary start of the embedded one (migrated first) that is stopped again afterwards.
 */
import { parseUserCreateArgs } from '@/lib/auth/user-create-args';

type TRuntime = {
  acquireDatabase(opts: { mode: 'dev'; env: NodeJS.ProcessEnv }): Promise<{ url: string; source: 'env' | 'running' | 'embedded'; release(): Promise<void> }>;
  migrateDeploy(url: string): Promise<void>;
  databaseUrlFromEnvFiles(): string | undefined;
};

async function main(): Promise<number> {
  let args;
  try {
    args = parseUserCreateArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  // A CommonJS helper shared with with-db.js.
  const runtime = require('./lib/db-runtime') as TRuntime;
  const url = process.env.DATABASE_URL || runtime.databaseUrlFromEnvFiles();
  const database = await runtime.acquireDatabase({ mode: 'dev', env: { ...process.env, DATABASE_URL: url } });
  try {
    // A server we just started may be brand new: give it the schema first.
    if (database.source === 'embedded') await runtime.migrateDeploy(database.url);
    process.env.DATABASE_URL = database.url;
    // Imported only now: the client reads DATABASE_URL on first use.
    const { hashPassword } = await import('@/lib/auth/password');
    const { upsertUserPassword } = await import('@/lib/db/user/upsert-user-password');
    const { disconnectDb } = await import('@/lib/db/client');
    try {
      const { user, created } = await upsertUserPassword({ email: args.email, passwordHash: await hashPassword(args.password), role: args.role, name: args.name ?? null });
      console.log(`${created ? 'created' : 'updated'} ${user.role} ${user.email} (id ${user.id})`);
    } finally {
      await disconnectDb();
    }
    return 0;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === 'P2021') console.error('user:create failed: the database has no tables yet; run `npm run db:migrate` or `npm run dev` once');
    else console.error(`user:create failed: ${e.message ?? String(err)}`);
    return 1;
  } finally {
    await database.release();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
