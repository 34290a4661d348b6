import type { GradeReport } from './grade';

/** The grade CLI's JSON contract (issue 4 item 3); tools depend on these exact fields. */
export type GradeJson = {
  scenario: string;
  score: number;
  passed: number;
  total: number;
  failed: { from: string; to: string; port: number | string; protocol: string; expected: 'allowed' | 'denied'; actual: 'allowed' | 'denied' | 'unanswered'; reason: string }[];
  errors: { line: number | null; column: number | null; path: string; message: string }[];
  lint: { code: string; message: string; line: number | null }[];
  requirements: { description: string; passed: boolean; reason: string }[];
};

/** Projects a grade report onto the CLI/API JSON contract (nothing more, nothing less). */
export function toGradeJson(report: GradeReport): GradeJson {
  return {
    scenario: report.scenario,
    score: report.score,
    passed: report.passed,
    total: report.total,
    failed: report.expectations
      .filter((e) => !e.passed)
      .map((e) => ({ from: e.from, to: e.to, port: e.port, protocol: e.protocol, expected: e.expected, actual: e.actual, reason: e.reason })),
    errors: report.errors.map((e) => ({ line: e.line, column: e.column, path: e.path, message: e.message })),
    lint: report.lint.map((l) => ({ code: l.code, message: l.message, line: l.line })),
    requirements: report.requirements.map((r) => ({ description: r.description, passed: r.passed, reason: r.reason })),
  };
}
