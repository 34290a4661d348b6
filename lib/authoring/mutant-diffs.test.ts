import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkScenario } from '@/lib/scenarios/check';
import { parseScenarioYaml } from '@/lib/scenarios/parse-scenario';
import { normalizePolicyText, survivorDiffs } from './mutant-diffs';

const base = parseScenarioYaml(readFileSync(path.join(__dirname, '../../content/scenarios/pod-selector-frontend-backend.yaml'), 'utf8')).content!;

describe('survivorDiffs', () => {
  test('weak expectations leave survivors, each with a diff that shows only its change', () => {
    // Keep one allowed and one denied expectation: most mutants now slip through.
    const allowed = base.expectations.find((e) => e.allowed)!;
    const denied = base.expectations.find((e) => !e.allowed)!;
    const weak = { ...base, expectations: [allowed, denied] };
    const report = checkScenario(weak).mutation!;
    expect(report.survivors.length).toBeGreaterThan(0);
    const diffs = survivorDiffs(weak, report);
    expect(diffs.map((d) => d.description)).toEqual(report.survivors.map((s) => s.description));
    for (const d of diffs) {
      expect(d.diff.some((l) => l.op !== 'same')).toBe(true);
      // Only the mutated lines change: far fewer than the whole policy.
      expect(d.diff.filter((l) => l.op !== 'same').length).toBeLessThan(normalizePolicyText(weak.solution!).split('\n').length);
    }
  });

  test('no survivors, no diffs', () => {
    const report = checkScenario(base).mutation!;
    expect(survivorDiffs(base, { ...report, survivors: [] })).toEqual([]);
  });
});
