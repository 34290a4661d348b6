import { defineConfig } from 'prisma/config';

/**
 * Prisma 7 configuration: schema and migrations live in prisma/, the URL comes from DATABASE_URL (set by
 * scripts/with-db.js for the embedded PostgreSQL, or by the operator). Commands that need no database
 * (`generate`, `migrate diff` between files) work without it.
 */
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env.DATABASE_URL
    ? { datasource: { url: process.env.DATABASE_URL, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } }
    : {}),
});
