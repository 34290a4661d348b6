/**
 * The golden-file routine shared by the suites under tests/golden: each `cases/<name>.yaml` renders to text that
 * must equal `cases/<name>.txt`. `UPDATE_GOLDEN=1` rewrites the goldens (reviewers read the diff); a missing golden
 * fails, so a new case cannot pass unreviewed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compile, parseCluster, parsePolicies } from '@/lib/netpol';

/** The `.yaml` case files of a golden folder, sorted. */
export function listCases(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
}

/** Compares `actual` with the case's golden text (rewritten first under UPDATE_GOLDEN=1). */
export function expectGolden(dir: string, file: string, actual: string): void {
  const golden = path.join(dir, file.replace(/\.yaml$/, '.txt'));
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
  if (!existsSync(golden)) throw new Error(`missing golden ${golden}: run with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(readFileSync(golden, 'utf8'));
}

/** A case's cluster and policies parsed (both must be free of errors) and compiled. */
export function compileCase(spec: { cluster: string | object; policies?: string }) {
  const c = parseCluster(spec.cluster);
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const p = parsePolicies(spec.policies ?? '');
  expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { cluster: c.cluster!, model: compile(c.cluster!, p.policies) };
}
