import type { TRole } from '@/lib/auth/roles';
import type { TScenario } from '@/lib/scenarios/schema';

/** Who is asking: every author/cohort data function takes the caller and checks ownership itself. */
export type TActor = { id: string; role: TRole };

/** One scenario (all versions of a slug) in the author's list. */
export type TAuthorScenarioSummary = {
  slug: string;
  title: string;
  source: string;
  authorId: string | null;
  /** Newest version (the one the editor opens). */
  latestVersion: number;
  /** Newest published version learners see, or null. */
  publishedVersion: number | null;
  /** The newest version has unpublished changes (or nothing is published yet). */
  hasDraft: boolean;
  versions: number;
  attempts: number;
  updatedAt: Date;
};

/** One version of a scenario as the version list shows it. */
export type TScenarioVersion = { id: string; version: number; published: boolean; createdAt: Date; attempts: number };

/** The newest version of a scenario, for its owner (or an admin). Holds hidden parts: server only. */
export type TEditableScenario = {
  id: string;
  slug: string;
  version: number;
  published: boolean;
  source: string;
  authorId: string | null;
  content: TScenario;
  versions: TScenarioVersion[];
};

/** True when the actor may author at all. */
export function isAuthorRole(role: TRole): boolean {
  return role === 'instructor' || role === 'admin';
}

/** The `where` that limits scenario rows to those the actor may edit (admins: all). */
export function editableWhere(actor: TActor): { authorId?: string } {
  return actor.role === 'admin' ? {} : { authorId: actor.id };
}

/** Scenarios seeded from content/ follow their file (the seeder makes a changed file version+1): the app does not edit them. */
export const CONTENT_READ_ONLY = 'this scenario comes from content/scenarios: change its file (the seeder publishes the new version) or clone it to edit it here';
