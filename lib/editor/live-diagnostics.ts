/**
 * Live diagnostics for the editor: the engine's validation errors plus lint warnings, run in the browser on
 * every pause in typing. This is feedback while writing, not grading: no expectations are involved.
 */
import * as netpol from '@/lib/netpol';
import type { Cluster, Diagnostic, NetworkPolicy } from '@/lib/netpol';
import type { EditorCluster } from './complete';

type LintFn = (policies: NetworkPolicy[], opts?: { cluster?: Cluster; taskNamespace?: string; text?: string }) => Diagnostic[];

/** The engine's lint entry point when it is present (it is optional so the editor works without it). */
function findLint(): LintFn | null {
  const candidate = (netpol as unknown as Record<string, unknown>).lintPolicies;
  return typeof candidate === 'function' ? (candidate as LintFn) : null;
}

/** Validation + lint diagnostics for the editor text; an empty text has none. */
export function liveDiagnostics(text: string, opts: { cluster: EditorCluster | null; taskNamespace: string }): Diagnostic[] {
  if (!text.trim()) return [];
  const { policies, diagnostics } = netpol.parsePolicies(text, { defaultNamespace: opts.taskNamespace });
  const lint = findLint();
  if (!lint || !policies.length) return diagnostics;
  try {
    const lintOpts = { taskNamespace: opts.taskNamespace, text, cluster: opts.cluster ? (opts.cluster as Cluster) : undefined };
    const findings = lint(policies, lintOpts).map((d) => ({ ...d, severity: 'warning' as const }));
    return [...diagnostics, ...findings];
  } catch {
    // A lint bug must not take the editor down; validation errors still show.
    return diagnostics;
  }
}
