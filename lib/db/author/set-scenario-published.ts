import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { checkScenario, proseFindings } from '@/lib/scenarios/check';
import { findEditableScenario } from './find-editable-scenario';
import { CONTENT_READ_ONLY, editableWhere, type TActor } from './types';

/**
 * Publishes the newest version: learners then see it (they always get the newest published version).
 * Only a scenario that passes content:check's checks is published; the failures come back in `details`.
 */
export async function publishScenario(actor: TActor, slug: string): Promise<{ slug: string; version: number }> {
  const current = await findEditableScenario(actor, slug);
  if (current.source === 'content') throw new AppError('FORBIDDEN', CONTENT_READ_ONLY);
  const check = checkScenario(current.content);
  const errors = [...check.findings.filter((f) => f.severity === 'error'), ...proseFindings(current.content)];
  if (errors.length > 0) {
    throw new AppError('BAD_REQUEST', `version ${current.version} does not pass the checks: ${errors[0]?.message ?? 'see details'}`, { details: { findings: errors } });
  }
  await db.scenario.update({ where: { id: current.id }, data: { published: true } });
  return { slug, version: current.version };
}

/** Takes every version of the scenario off the learner catalog (attempts keep their rows). */
export async function unpublishScenario(actor: TActor, slug: string): Promise<{ slug: string; versions: number }> {
  const current = await findEditableScenario(actor, slug);
  if (current.source === 'content') throw new AppError('FORBIDDEN', CONTENT_READ_ONLY);
  const res = await db.scenario.updateMany({ where: { slug, ...editableWhere(actor) }, data: { published: false } });
  return { slug, versions: res.count };
}
