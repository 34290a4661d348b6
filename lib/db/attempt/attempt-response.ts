/**
 * The JSON an attempt answers with: the grade CLI's fields (`score`, `passed`, `total`, `failed`, `errors`, `lint`,
 * `requirements`) plus the stored attempt's `id`, the matrix, and the reveal state, after the reveal rules:
 * before the reveal only failed expectations appear (with their `why`); after it, every expectation.
 */
import { redactReport } from '@/lib/scenarios/learner-view';
import type { ExpectationResult, GradeReport, GradeMatrix, RequirementResult } from '@/lib/scenarios/grade';
import type { TAttempt } from './types';

/** A failed expectation as the API shows it (CLI fields first, then the extras the UI uses). */
export type TFailedFlow = Pick<ExpectationResult, 'from' | 'to' | 'port' | 'protocol' | 'expected' | 'actual' | 'reason'> &
  Pick<ExpectationResult, 'why' | 'explanation' | 'policyLine' | 'pointers'>;

/** The attempts API's answer. */
export type TAttemptResponse = {
  id: string;
  scenario: string;
  scenarioVersion: number;
  kind: 'write' | 'predict';
  createdAt: string;
  durationMs: number;
  score: number;
  passed: number;
  total: number;
  pass: boolean;
  failed: TFailedFlow[];
  errors: { line: number | null; column: number | null; path: string; message: string }[];
  lint: { code: string; message: string; line: number | null; column: number | null; path: string }[];
  requirements: RequirementResult[];
  matrix: GradeMatrix | null;
  /** Every expectation's result: only after the reveal (pass or give-up), else null. */
  expectations: ExpectationResult[] | null;
  /** True once the learner passed or gave up: the solution may be requested. */
  revealed: boolean;
};

function failedFlow(e: ExpectationResult): TFailedFlow {
  return {
    from: e.from,
    to: e.to,
    port: e.port,
    protocol: e.protocol,
    expected: e.expected,
    actual: e.actual,
    reason: e.reason,
    why: e.why,
    explanation: e.explanation,
    ...(e.policyLine !== undefined ? { policyLine: e.policyLine } : {}),
    pointers: e.pointers,
  };
}

/** Builds the API answer for a stored attempt whose `results` is its full grade report. */
export function toAttemptResponse(attempt: Pick<TAttempt, 'id' | 'scenarioSlug' | 'scenarioVersion' | 'createdAt' | 'durationMs' | 'results'>, opts: { revealed: boolean }): TAttemptResponse {
  const report = redactReport(attempt.results as GradeReport, { revealed: opts.revealed });
  return {
    id: attempt.id,
    scenario: report.scenario ?? attempt.scenarioSlug,
    scenarioVersion: attempt.scenarioVersion,
    kind: report.kind,
    createdAt: attempt.createdAt.toISOString(),
    durationMs: attempt.durationMs,
    score: report.score,
    passed: report.passed,
    total: report.total,
    pass: report.pass,
    failed: report.expectations.filter((e) => !e.passed).map(failedFlow),
    errors: report.errors,
    lint: report.lint,
    requirements: report.requirements,
    matrix: report.matrix,
    expectations: opts.revealed ? report.expectations : null,
    revealed: opts.revealed,
  };
}
