import path from 'node:path';
import type { TDb } from '@/lib/db/client';
import { loadContent, type LoadError } from '@/lib/scenarios/load-content';

/** Email of the system user that owns seeded scenarios (admin role, no password: cannot sign in). */
export const SYSTEM_AUTHOR_EMAIL = 'system@netpol.local';

/** What one seeding run did. */
export type TSeedReport = {
  created: string[];
  updated: string[];
  unchanged: number;
  republished: string[];
  unpublished: string[];
  errors: LoadError[];
};

// Any constant: serialises concurrent seeders (two `npm run dev` on one database) inside the transaction.
const SEED_LOCK_KEY = 4_807_112;

/**
 * Upsert `content/scenarios/*.yaml` into Scenario rows, idempotently: an unchanged file (same content hash)
 * is left alone, a changed one becomes version + 1 (attempts keep pointing at the version they were graded
 * against), a content file that was removed is unpublished (unless `unpublishMissing: false`, for partial
 * content dirs). Files with errors are skipped and reported.
 */
export async function seedContent(
  db: TDb,
  contentDir: string = path.join(process.cwd(), 'content'),
  opts: { unpublishMissing?: boolean } = {},
): Promise<TSeedReport> {
  const unpublishMissing = opts.unpublishMissing ?? true;
  const loaded = loadContent(contentDir);
  const report: TSeedReport = { created: [], updated: [], unchanged: 0, republished: [], unpublished: [], errors: loaded.errors };
  const filesWithErrors = new Set(loaded.errors.map((e) => path.basename(e.file).replace(/\.ya?ml$/, '')));

  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      const author = await tx.user.upsert({
        where: { email: SYSTEM_AUTHOR_EMAIL },
        create: { email: SYSTEM_AUTHOR_EMAIL, name: 'Netpol Lab', role: 'admin' },
        update: {},
        select: { id: true },
      });

      for (const file of loaded.scenarios) {
        const latest = await tx.scenario.findFirst({
          where: { slug: file.slug },
          orderBy: { version: 'desc' },
          select: { id: true, version: true, contentHash: true, published: true, source: true },
        });
        if (latest && latest.contentHash === file.hash) {
          if (!latest.published && latest.source === 'content') {
            await tx.scenario.update({ where: { id: latest.id }, data: { published: true } });
            report.republished.push(file.slug);
          } else {
            report.unchanged++;
          }
          continue;
        }
        await tx.scenario.create({
          data: {
            slug: file.slug,
            version: (latest?.version ?? 0) + 1,
            content: file.content as object,
            contentHash: file.hash,
            published: true,
            source: 'content',
            authorId: author.id,
          },
        });
        (latest ? report.updated : report.created).push(file.slug);
      }

      // Content files that are gone (not merely broken) stop being offered; their rows stay for old attempts.
      const present = new Set(loaded.scenarios.map((s) => s.slug));
      const published = await tx.scenario.findMany({ where: { source: 'content', published: true }, select: { slug: true }, distinct: ['slug'] });
      const gone = published.map((r) => r.slug).filter((slug) => !present.has(slug) && !filesWithErrors.has(slug));
      if (unpublishMissing && gone.length > 0) {
        await tx.scenario.updateMany({ where: { slug: { in: gone }, source: 'content' }, data: { published: false } });
        report.unpublished.push(...gone);
      }
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return report;
}

/** One-line summary of a seeding run, for logs. */
export function describeSeedReport(r: TSeedReport): string {
  const parts = [`${r.created.length} new`, `${r.updated.length} updated`, `${r.unchanged} unchanged`];
  if (r.republished.length) parts.push(`${r.republished.length} republished`);
  if (r.unpublished.length) parts.push(`${r.unpublished.length} unpublished (${r.unpublished.join(', ')})`);
  if (r.errors.length) parts.push(`${r.errors.length} content error(s) skipped`);
  return `content: scenarios ${parts.join(', ')}`;
}
