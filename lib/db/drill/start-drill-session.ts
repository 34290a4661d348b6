import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { listPublishedScenarios } from '@/lib/db/progress/list-published-scenarios';
import { findDrill } from '@/lib/drills/load-drills';
import { resolveDrill } from '@/lib/drills/pick-scenarios';
import type { TCreateSessionBody, TFeedback, TFrozenTask } from '@/lib/drills/schema';
import type { TDrill } from '@/lib/scenarios/schema';
import type { TCreatedSession } from './types';

/** Options for tests: a fixed clock, seed or drill list. */
export type TStartOptions = { now?: Date; seed?: string; drills?: TDrill[] };

/**
 * Starts a drill session: resolves the tasks (a catalog drill, a list, or a rule drawn at random), freezes them
 * to the newest published scenario versions, and sets the deadline on the server's clock.
 */
export async function startDrillSession(userId: string, body: TCreateSessionBody, opts: TStartOptions = {}): Promise<TCreatedSession> {
  const now = opts.now ?? new Date();
  let drillSlug: string | null = null;
  let title: string;
  let minutes: number;
  let feedback: TFeedback;
  let spec: Pick<TDrill, 'scenarios' | 'rule'>;
  if ('drill' in body) {
    const drill = opts.drills ? (opts.drills.find((d) => d.slug === body.drill) ?? null) : findDrill(body.drill);
    if (!drill) throw new AppError('NOT_FOUND', `no drill \`${body.drill}\``);
    ({ title, minutes, feedback } = drill);
    drillSlug = drill.slug;
    spec = drill.scenarios ? { scenarios: drill.scenarios } : { rule: drill.rule };
  } else if ('scenarios' in body) {
    ({ minutes, feedback } = body);
    title = body.title ?? `Custom drill: ${body.scenarios.length} task${body.scenarios.length === 1 ? '' : 's'}`;
    spec = { scenarios: body.scenarios };
  } else {
    ({ minutes, feedback } = body);
    title = body.title ?? `Custom drill: ${body.rule.count} task${body.rule.count === 1 ? '' : 's'}${body.rule.topics ? ` on ${body.rule.topics.join(', ')}` : ''}`;
    spec = { rule: body.rule };
  }

  const catalog = await listPublishedScenarios();
  const picked = resolveDrill(spec, catalog, opts.seed ?? randomUUID());
  if (!picked.ok) throw new AppError('BAD_REQUEST', `cannot start this drill: ${picked.message}`);
  const bySlug = new Map(catalog.map((s) => [s.slug, s]));
  const tasks: TFrozenTask[] = picked.slugs.map((slug, index) => {
    const s = bySlug.get(slug)!;
    return { index, scenarioId: s.id, slug, version: s.version, title: s.title, kind: s.kind, difficulty: Math.min(3, Math.max(1, Math.round(s.difficulty))) };
  });
  const deadline = new Date(now.getTime() + Math.round(minutes * 60_000));
  const row = await db.drillSession.create({
    data: { userId, drillSlug, title, feedback, tasks: tasks as unknown as object, startedAt: now, deadline },
    select: { id: true, deadline: true },
  });
  return { id: row.id, deadline: row.deadline.toISOString(), tasks: tasks.map((t) => ({ index: t.index, scenario: t.slug, title: t.title })) };
}
