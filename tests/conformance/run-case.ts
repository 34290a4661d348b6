/**
 * Replays one upstream e2e It (one revision) through the engine's public API and compares every
 * cell with the stored upstream truth table. Shared by upstream.test.ts and tools/report-failures.ts.
 */
import { compile, evaluate, parseCluster, parsePolicies, reachability, renderMatrix, summarizeVerdict } from '@/lib/netpol';
import type { Verdict } from '@/lib/netpol';
import {
  expandCalls,
  parseGrid,
  renderGrid,
  renderTable,
  stepPolicies,
  type Family,
  type Revision,
  type Table,
  type UpstreamCase,
  type UpstreamModel,
} from './truth-table';

/** One cell where the engine disagrees with upstream (or, on the diagonal, with the loopback rule). */
export type CellMismatch = {
  step: number;
  by: string;
  port: number;
  protocol: string;
  from: string;
  to: string;
  expected: boolean;
  observed: boolean;
  /** Which engine call disagreed: evaluate (per cell) or reachability (matrix). */
  api: 'evaluate' | 'reachability';
  /** summarizeVerdict of the evaluate() verdict. */
  reason: string;
  /** True for a pod-to-itself cell: upstream ignores these (ignoreLoopback), the engine must say allowed + self. */
  loopback: boolean;
};

/** The outcome of one It in one revision. */
export type CaseResult = {
  /** Cells compared with upstream (off-diagonal), over all checks. */
  cells: number;
  mismatches: CellMismatch[];
  /** Data or engine-input problems (invalid cluster/policies, grid not matching its calls). */
  errors: string[];
  /** Upstream-style expected / observed / comparison grids for every failing check, plus reasons. */
  report: string;
};

/** The cluster upstream builds for this case, step labels applied. */
export function buildClusterInput(c: UpstreamCase, revision: Revision, model: UpstreamModel, stepIndex: number, family: Family = 4): object {
  const labels = c.steps[stepIndex].labels ?? {};
  const ports = c.ports.flatMap((port) =>
    c.protocols.map((protocol) => ({ name: `serve-${port}-${protocol.toLowerCase()}`, containerPort: port, protocol })),
  );
  return {
    namespaces: Object.keys(model.namespaces).map((name) => ({ name, labels: labels.namespaces?.[name] ?? model.namespaces[name] })),
    pods: c.topology[revision].map((id) => {
      const [namespace, name] = id.split('/');
      const ip = (family === 6 ? model.podIPv6s : model.podIPs)[id];
      if (!ip) throw new Error(`cluster.yaml has no IPv${family} address for ${id}`);
      return { namespace, name, labels: labels.pods?.[id] ?? { pod: name }, ip, ports };
    }),
    externals: [],
  };
}

function safeSummary(v: Verdict): string {
  try {
    return summarizeVerdict(v);
  } catch (e) {
    return `(summarizeVerdict threw: ${(e as Error).message})`;
  }
}

function safeRender(m: Parameters<typeof renderMatrix>[0]): string {
  try {
    return renderMatrix(m);
  } catch (e) {
    return `(renderMatrix threw: ${(e as Error).message})`;
  }
}

/** Runs every step and check of one case in one revision, on an IPv4 (default) or IPv6 cluster. */
export function runCase(c: UpstreamCase, revision: Revision, model: UpstreamModel, family: Family = 4): CaseResult {
  const pods = c.topology[revision];
  const result: CaseResult = { cells: 0, mismatches: [], errors: [], report: '' };
  const sections: string[] = [];

  c.steps.forEach((step, stepIndex) => {
    const { cluster, diagnostics: clusterDiags } = parseCluster(buildClusterInput(c, revision, model, stepIndex, family));
    const clusterErrors = clusterDiags.filter((d) => d.severity === 'error');
    if (!cluster || clusterErrors.length) {
      result.errors.push(`step ${stepIndex + 1}: cluster rejected: ${clusterErrors.map((d) => `${d.path}: ${d.message}`).join('; ')}`);
      return;
    }
    const text = stepPolicies(step, revision, family);
    const { policies, diagnostics } = parsePolicies(text, { defaultNamespace: 'x' });
    const policyErrors = diagnostics.filter((d) => d.severity === 'error');
    if (policyErrors.length) {
      result.errors.push(`step ${stepIndex + 1}: policies rejected: ${policyErrors.map((d) => `${d.message} (line ${d.line ?? '?'})`).join('; ')}`);
      return;
    }
    const documents = (text.match(/^kind: NetworkPolicy$/gm) ?? []).length;
    if (policies.length !== documents) {
      result.errors.push(`step ${stepIndex + 1}: parsePolicies returned ${policies.length} policies for ${documents} documents`);
      return;
    }
    const compiled = compile(cluster, policies);

    step.checks.forEach((check) => {
      const stored = check.grid?.[revision];
      const fromCalls = expandCalls(pods, check.expect, revision);
      if (!stored) {
        result.errors.push(`step ${stepIndex + 1} ${check.protocol}/${check.port}: no stored grid (run tools/write-grids.ts)`);
        return;
      }
      const expected: Table = parseGrid(stored).table;
      if (renderGrid(pods, expected) !== renderGrid(pods, fromCalls)) {
        result.errors.push(`step ${stepIndex + 1} ${check.protocol}/${check.port}: stored grid disagrees with its upstream calls (run tools/write-grids.ts)`);
        return;
      }

      const observed: Table = new Map();
      const verdicts = new Map<string, Verdict>();
      const local: CellMismatch[] = [];
      for (const from of pods) {
        observed.set(from, new Map());
        for (const to of pods) {
          const v = evaluate(compiled, { from, to, port: check.port, protocol: check.protocol });
          verdicts.set(`${from}>${to}`, v);
          observed.get(from)!.set(to, v.allowed);
          const loopback = from === to;
          // Upstream ignores loopback cells (ignoreLoopback = true); the engine's rule is "a pod may always reach itself".
          const want = loopback ? true : expected.get(from)!.get(to)!;
          const ok = loopback ? v.allowed && v.self && !v.error : v.allowed === want && !v.error;
          if (!loopback) result.cells++;
          if (!ok) {
            local.push({ step: stepIndex + 1, by: step.by, port: check.port, protocol: check.protocol, from, to, expected: want, observed: v.allowed, api: 'evaluate', reason: v.error ? `error: ${v.error}` : safeSummary(v), loopback });
          }
        }
      }
      const matrix = reachability(compiled, pods, check.port, check.protocol);
      pods.forEach((from, i) =>
        pods.forEach((to, j) => {
          const got = matrix.allowed?.[i]?.[j];
          const want = from === to ? true : expected.get(from)!.get(to)!;
          if (got !== want) {
            local.push({ step: stepIndex + 1, by: step.by, port: check.port, protocol: check.protocol, from, to, expected: want, observed: Boolean(got), api: 'reachability', reason: 'reachability() matrix cell', loopback: from === to });
          }
        }),
      );

      if (local.length) {
        result.mismatches.push(...local);
        const bad = new Set(local.filter((m) => m.api === 'evaluate').map((m) => `${m.from}>${m.to}`));
        sections.push(
          [
            `step ${stepIndex + 1} (${step.by}), ${check.protocol}/${check.port}:`,
            'expected:',
            renderGrid(pods, expected),
            'observed (evaluate):',
            renderGrid(pods, observed),
            'engine renderMatrix (reachability):',
            safeRender(matrix),
            "comparison ('.' agrees, 'X' differs, '-' loopback: upstream ignores it):",
            renderTable(pods, (f, t) => (bad.has(`${f}>${t}`) ? 'X' : f === t ? '-' : '.')),
            ...local.map(
              (m) =>
                `  ${m.api} ${m.from} -> ${m.to}: expected ${m.expected ? 'allowed' : 'denied'}, engine says ${m.observed ? 'allowed' : 'denied'}` +
                (m.loopback ? ' [loopback rule]' : '') +
                `: ${m.reason}`,
            ),
          ].join('\n'),
        );
      }
    });
  });

  result.report = [
    `${c.suite.toUpperCase()} "${c.it}" [${revision}${family === 6 ? ' IPv6' : ''}] (${c.file})`,
    ...result.errors.map((e) => `error: ${e}`),
    ...sections,
  ].join('\n\n');
  return result;
}
