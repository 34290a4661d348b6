/** Props shared by the exercise page's client components (plain JSON: they cross the server/client boundary). */
import type { LearnerScenario } from '@/lib/scenarios/learner-view';
import type { TAttemptResponse } from '@/lib/db/attempt/attempt-response';

/** The revealed answer as the page passes it down (explanation already rendered to sanitized HTML). */
export type TRevealedSolution = { solution: string | null; explanationHtml: string; expectations: { from: string; to: string; port: number | string; protocol: string; allowed: boolean; why: string }[] };

/** Everything the workbench needs; hidden scenario data is absent unless the reveal rules allow it. */
export type TWorkbenchProps = {
  scenario: Pick<LearnerScenario, 'slug' | 'kind' | 'namespace' | 'cluster' | 'starter' | 'hints' | 'hintsTotal' | 'requirements' | 'matrixPorts' | 'cells'>;
  /** The scenario version shown (optional; kept for callers such as the author preview). */
  scenarioVersion?: number;
  /** The scenario's time budget in minutes (shown next to the elapsed time). */
  timeMinutes: number;
  signedIn: boolean;
  vimMode: boolean;
  serverDraft: { yaml: string; updatedAt: string } | null;
  lastResult: TAttemptResponse | null;
  passed: boolean;
  gaveUp: boolean;
  /** Present only after a pass or give-up once the learner asked to see it. */
  solution: TRevealedSolution | null;
  /** Base URL of the scenario APIs; default `/api/scenarios/{slug}` (the author preview passes its own). */
  apiBase?: string;
};

export type { TAttemptResponse };
