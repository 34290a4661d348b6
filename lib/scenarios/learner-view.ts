import { matrixPorts, type MatrixPort } from './apply';
import { describeRequirement, type GradeReport } from './grade';
import type { TClusterModel, TScenario, TTopic } from './schema';

/** A predict cell the learner must answer (no verdict, no why). */
export type LearnerCell = { from: string; to: string; port: number | string; protocol: 'TCP' | 'UDP' | 'SCTP' };

/** What a learner may see of a scenario before the reveal (issue 5, item 7). */
export type LearnerScenario = {
  slug: string;
  title: string;
  kind: 'write' | 'predict';
  difficulty: number;
  timeMinutes: number;
  topics: TTopic[];
  namespace: string;
  task: string;
  cluster: TClusterModel;
  existingPolicies: string | null;
  starter: string | null;
  /** Requirement descriptions (they restate the task, so they are not secret). */
  requirements: string[];
  /** Ports of the connectivity matrix. */
  matrixPorts: MatrixPort[];
  /** Only the unlocked hints, in order. */
  hints: string[];
  /** How many hints exist in total (to render "hint 2 of 3"). */
  hintsTotal: number;
  /** predict only: the cells to answer, in the author's order; [] for write. */
  cells: LearnerCell[];
};

/** Server-side redaction of a scenario: no expectations, no solution, no explanation, no locked hints, no `why`. */
export function toLearnerScenario(scenario: TScenario, opts: { hintsUnlocked: number }): LearnerScenario {
  const unlocked = Math.max(0, Math.min(scenario.hints.length, Math.floor(opts.hintsUnlocked)));
  return {
    slug: scenario.slug,
    title: scenario.title,
    kind: scenario.kind,
    difficulty: scenario.difficulty,
    timeMinutes: scenario.timeMinutes,
    topics: [...scenario.topics],
    namespace: scenario.namespace,
    task: scenario.task,
    cluster: structuredClone(scenario.cluster),
    existingPolicies: scenario.existingPolicies ?? null,
    starter: scenario.starter ?? null,
    requirements: scenario.requirements.map(describeRequirement),
    matrixPorts: matrixPorts(scenario),
    hints: scenario.hints.slice(0, unlocked),
    hintsTotal: scenario.hints.length,
    cells: scenario.kind === 'predict' ? scenario.expectations.map((e) => ({ from: e.from, to: e.to, port: e.port, protocol: e.protocol })) : [],
  };
}

/** A report as a learner may see it; `revealed` says whether passed expectations are included. */
export type LearnerReport = GradeReport & { revealed: boolean };

/** Before the reveal keeps only failed expectations (with their `why`) and unmarks passed expectation cells; after it, everything. */
export function redactReport(report: GradeReport, opts: { revealed: boolean }): LearnerReport {
  const copy = structuredClone(report);
  if (opts.revealed) return { ...copy, revealed: true };
  copy.expectations = copy.expectations.filter((e) => !e.passed);
  if (copy.matrix) {
    for (const grid of copy.matrix.grids) {
      grid.cells = grid.cells.map((row) =>
        row.map((cell) => (cell.expected !== undefined && !cell.mismatch ? { actual: cell.actual } : cell)),
      );
    }
  }
  return { ...copy, revealed: false };
}
