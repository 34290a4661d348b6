import { AppError } from '@/lib/errors';
import { ZScenario, type TScenario } from '@/lib/scenarios/schema';

/** A stored row's content as a validated scenario; a bad row is a bug, not a user mistake. */
export function parseStoredScenario(slug: string, version: number, content: unknown): TScenario {
  const parsed = ZScenario.safeParse(content);
  if (!parsed.success) throw new AppError('INTERNAL', `scenario \`${slug}\` version ${version} is stored in an invalid shape`);
  return parsed.data;
}
