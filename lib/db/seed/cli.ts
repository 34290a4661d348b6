/**
 * Seed content/ into the database at DATABASE_URL (run by scripts/with-db.js through tsx):
 *   DATABASE_URL=… npx tsx lib/db/seed/cli.ts [contentDir]
 * Content errors are printed and skipped (`npm run content:check` is where they fail); database errors exit 1.
 */
import path from 'node:path';
import { db, disconnectDb } from '@/lib/db/client';
import { describeSeedReport, seedContent } from './seed-content';

async function main(): Promise<number> {
  const contentDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', '..', 'content'));
  const report = await seedContent(db, contentDir);
  console.log(describeSeedReport(report));
  for (const e of report.errors) {
    console.log(`warning: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`);
  }
  return 0;
}

main()
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
    await disconnectDb().catch(() => undefined);
    process.exit(1);
  });
