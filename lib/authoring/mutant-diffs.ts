import { parseAllDocuments, stringify } from 'yaml';
import { diffLines, type DiffLine } from '@/lib/editor/line-diff';
import { deriveMutants, type MutationOperator } from '@/lib/scenarios/mutate';
import type { MutationReport } from '@/lib/scenarios/check';
import type { TScenario } from '@/lib/scenarios/schema';

/** A surviving mutant as the author sees it: what changed, and the change as a line diff against the reference. */
export type TSurvivorDiff = { operator: MutationOperator; description: string; diff: DiffLine[] };

/**
 * The reference re-serialised the way mutants are (mutate.ts stringifies each document and joins them with
 * `---`), so a diff shows the mutation and not formatting differences.
 */
export function normalizePolicyText(text: string): string {
  const docs = Array.from(parseAllDocuments(text), (d) => d.toJS() as unknown);
  return docs
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null && !Array.isArray(d))
    .map((d) => stringify(d))
    .join('---\n');
}

/**
 * Diffs for the survivors of a mutation report. The mutants are derived again by the same function
 * content:check uses (deriving is cheap; evaluating them is what costs) and matched by operator and description.
 */
export function survivorDiffs(scenario: TScenario, report: MutationReport): TSurvivorDiff[] {
  if (report.survivors.length === 0 || !scenario.solution) return [];
  const mutants = deriveMutants(scenario.solution, {
    namespaces: scenario.cluster.namespaces.map((n) => n.name),
    defaultNamespace: scenario.namespace,
    portNames: [...new Set(scenario.cluster.pods.flatMap((p) => p.ports.map((cp) => cp.name).filter((n): n is string => !!n)))],
  });
  const reference = normalizePolicyText(scenario.solution);
  const pool = [...mutants];
  return report.survivors.map((s) => {
    const at = pool.findIndex((m) => m.operator === s.operator && m.description === s.description);
    const mutant = at >= 0 ? pool.splice(at, 1)[0] : null;
    return { operator: s.operator, description: s.description, diff: mutant ? diffLines(reference, mutant.text).filter(keepNearChanges()) : [] };
  });
}

// Keeps changed lines and two lines of context around them, like `diff -U2`, so a long solution stays short.
function keepNearChanges() {
  return (line: DiffLine, i: number, all: DiffLine[]) => {
    if (line.op !== 'same') return true;
    for (let d = -2; d <= 2; d++) if (all[i + d] && all[i + d].op !== 'same') return true;
    return false;
  };
}
