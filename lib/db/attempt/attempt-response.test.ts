import path from 'node:path';
import { loadContent } from '@/lib/scenarios/load-content';
import { gradeSubmission } from '@/lib/scenarios/grade';
import type { TScenario } from '@/lib/scenarios/schema';
import { toAttemptResponse } from './attempt-response';

const content = loadContent(path.join(__dirname, '..', '..', '..', 'content'));
const scenario = content.scenarios.find((s) => s.slug === 'default-deny-ingress')?.content as TScenario;

// Isolating egress too breaks prod → dev, which must keep working.
const WRONG = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: prod\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';

function attemptOf(yaml: string) {
  return { id: 'a1', scenarioSlug: scenario.slug, scenarioVersion: 3, createdAt: new Date('2026-01-01T00:00:00Z'), durationMs: 1234, results: gradeSubmission(scenario, yaml) };
}

describe('toAttemptResponse', () => {
  it('has the grade CLI fields plus id, and only failed expectations before the reveal', () => {
    const r = toAttemptResponse(attemptOf(WRONG), { revealed: false });
    expect(r).toMatchObject({ id: 'a1', scenario: 'default-deny-ingress', scenarioVersion: 3, pass: false, revealed: false, expectations: null, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(r.failed.length).toBeGreaterThan(0);
    expect(r.passed + r.failed.length).toBeLessThanOrEqual(r.total);
    expect(r.score).toBeCloseTo(r.passed / r.total);
    for (const f of r.failed) {
      expect(f.expected).not.toBe(f.actual);
      expect(f.reason).toMatch(/default-deny-ingress/);
      expect(f.why.length).toBeGreaterThan(0);
    }
    const failedWhys = new Set(r.failed.map((f) => f.why));
    const passedWhys = scenario.expectations.map((e) => e.why).filter((w) => !failedWhys.has(w));
    const json = JSON.stringify(r);
    for (const w of passedWhys) expect(json).not.toContain(w);
    expect(json).not.toContain('"solution"');
  });

  it('leaves expected values only on mismatching matrix cells before the reveal', () => {
    const r = toAttemptResponse(attemptOf(WRONG), { revealed: false });
    const cells = r.matrix!.grids.flatMap((g) => g.cells.flat());
    expect(cells.some((c) => c.expected !== undefined)).toBe(true);
    expect(cells.filter((c) => c.expected !== undefined).every((c) => c.mismatch)).toBe(true);
  });

  it('shows every expectation after the reveal', () => {
    const r = toAttemptResponse(attemptOf(WRONG), { revealed: true });
    expect(r.revealed).toBe(true);
    expect(r.expectations).toHaveLength(scenario.expectations.length);
    expect(JSON.stringify(r)).toContain(scenario.expectations.find((e) => e.allowed === false)!.why);
  });

  it('reports validation errors with lines and nothing else graded', () => {
    const r = toAttemptResponse(attemptOf('spec:\n  podSelector: {}\n  ingres: []\n'), { revealed: false });
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.failed).toEqual([]);
    expect(r.score).toBe(0);
    expect(r.matrix).toBeNull();
  });
});
