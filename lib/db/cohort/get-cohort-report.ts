import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/db/author/types';
import { assertAuthor } from '@/lib/db/author/assert-author';
import { cohortWhere } from './cohort-where';
import { summarizeCohort } from './summarize-cohort';
import type { TCohortReport } from './types';

/** The cohort page's data; cohorts the actor does not teach answer NOT_FOUND (admins see all). */
export async function getCohortReport(actor: TActor, cohortId: string): Promise<TCohortReport> {
  assertAuthor(actor);
  const cohort = await db.cohort.findFirst({ where: { id: cohortId, ...cohortWhere(actor) }, include: { _count: { select: { members: true } } } });
  if (!cohort) throw new AppError('NOT_FOUND', 'no cohort with this id that you teach');
  const members = await db.cohortMember.findMany({ where: { cohortId }, select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } } });
  const ids = members.map((m) => m.user.id);
  const [attempts, drills] = await Promise.all([
    db.attempt.findMany({ where: { userId: { in: ids } }, select: { userId: true, scenarioSlug: true, passed: true, results: true, yaml: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
    db.drillSession.findMany({ where: { userId: { in: ids } }, select: { userId: true, title: true, startedAt: true, finishedAt: true, score: true, passed: true } }),
  ]);
  const slugs = [...new Set(attempts.map((a) => a.scenarioSlug))];
  const rows = await db.scenario.findMany({ where: { slug: { in: slugs } }, select: { slug: true, version: true, content: true }, orderBy: { version: 'asc' } });
  const titles = new Map<string, string>();
  for (const r of rows) {
    const t = (r.content as { title?: unknown }).title;
    if (typeof t === 'string') titles.set(r.slug, t);
  }
  const summary = summarizeCohort(
    members.map((m) => ({ userId: m.user.id, name: m.user.name || m.user.email || 'learner', joinedAt: m.joinedAt })),
    attempts,
    drills,
    titles,
  );
  const { _count, ...c } = cohort;
  return { cohort: { id: c.id, name: c.name, code: c.code, instructorId: c.instructorId, createdAt: c.createdAt, members: _count.members }, ...summary };
}
