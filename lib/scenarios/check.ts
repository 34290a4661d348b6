import { evaluate, parseIp, parsePolicies, reachability, summarizeVerdict, type Cluster, type CompiledModel, type NetworkPolicy } from '@/lib/netpol';
import { applyPolicies, distinctPorts, getScenarioBase, matrixEndpoints, matrixPorts, ScenarioError, type MatrixPort } from './apply';
import { gradeSubmission, type GradeReport } from './grade';
import { deriveMutants, type MutationOperator } from './mutate';
import { parseScenarioYaml } from './parse-scenario';
import type { TDrill, TScenario } from './schema';
import { MARKDOWN_TOO_DEEP, markdownTooDeep } from '@/lib/editor/markdown-limits';

/** One problem found in a scenario; errors fail content:check, warnings are advice. */
export type Finding = { severity: 'error' | 'warning'; check: CheckName; message: string; line?: number };

/** Which check produced a finding. */
export type CheckName =
  | 'schema'
  | 'cluster'
  | 'existing-policies'
  | 'endpoints'
  | 'expectations'
  | 'solution'
  | 'canonical-wrong'
  | 'starter'
  | 'predict'
  | 'topics'
  | 'mutation';

/** The mutation report of a write scenario's reference solution. */
export type MutationReport = {
  /** Mutants derived. */
  total: number;
  /** Mutants that fail validation (not counted). */
  invalid: number;
  /** Valid mutants with the same reachability matrix as the solution (not counted). */
  equivalent: number;
  /** Mutants that change the matrix: killed + survivors. */
  changed: number;
  /** Changed mutants that fail at least one expectation. */
  killed: number;
  /** Changed mutants that pass every expectation: the expectations are too weak to notice them. */
  survivors: { operator: MutationOperator; description: string }[];
  /** survivors / changed (0 when nothing changed). */
  survivorShare: number;
};

/** The result of checking one scenario. */
export type CheckResult = {
  slug: string;
  kind: 'write' | 'predict' | null;
  expectations: number;
  findings: Finding[];
  mutation: MutationReport | null;
  ok: boolean;
};

/**
 * The scenario's Markdown (task, explanation, hints) nested deeper than the renderer takes: such text is shown as
 * escaped plain text, so publishing and content:check refuse it. Apart from checkScenario because the author
 * editor caches checkScenario's verdict across prose edits and reports this per keystroke itself.
 */
export function proseFindings(scenario: TScenario): Finding[] {
  const texts: [string, string][] = [['task', scenario.task], ['explanation', scenario.explanation ?? ''], ...scenario.hints.map((h, i): [string, string] => [`hints[${i}]`, h])];
  return texts.flatMap(([field, text]) => {
    const deep = markdownTooDeep(text);
    return deep ? [{ severity: 'error' as const, check: 'schema' as const, message: `${field}: ${MARKDOWN_TOO_DEEP}`, line: deep.line }] : [];
  });
}

/** Options of checkScenario. */
export type CheckContext = {
  /** The file's base name without extension: the slug must equal it. */
  fileSlug?: string;
  /** Fail when more than this share of matrix-changing mutants survive; default 0.2. */
  maxSurvivorShare?: number;
};

/** Name of the deny-all policy used as a canonical wrong answer. */
export const DENY_ALL_NAME = 'content-check-deny-all';

/** The canonical wrong answer "deny all ingress and egress in the task's namespace". */
export function denyAllText(namespace: string): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `  name: ${DENY_ALL_NAME}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  podSelector: {}',
    '  policyTypes: [Ingress, Egress]',
    '',
  ].join('\n');
}

/** Checks one scenario (YAML text or parsed) the way `npm run content:check` does; pure, no I/O. */
export function checkScenario(input: TScenario | string, ctx: CheckContext = {}): CheckResult {
  const findings: Finding[] = [];
  let scenario: TScenario;
  if (typeof input === 'string') {
    const parsed = parseScenarioYaml(input);
    if (!parsed.content) {
      for (const e of parsed.errors) findings.push({ severity: 'error', check: 'schema', message: e.path ? `${e.path}: ${e.message}` : e.message, line: e.line });
      return { slug: ctx.fileSlug ?? '?', kind: null, expectations: 0, findings, mutation: null, ok: false };
    }
    scenario = parsed.content;
  } else {
    scenario = input;
  }
  const result = (mutation: MutationReport | null): CheckResult => {
    const share = ctx.maxSurvivorShare ?? 0.2;
    if (mutation && mutation.survivorShare > share) {
      findings.push({
        severity: 'error',
        check: 'mutation',
        message: `${mutation.survivors.length} of ${mutation.changed} mutants change connectivity yet pass every expectation (${pct(mutation.survivorShare)} > ${pct(share)}); add expectations that notice: ${mutation.survivors.map((s) => s.description).join('; ')}`,
      });
    }
    return { slug: scenario.slug, kind: scenario.kind, expectations: scenario.expectations.length, findings, mutation, ok: !findings.some((f) => f.severity === 'error') };
  };
  const err = (check: CheckName, message: string) => findings.push({ severity: 'error', check, message });
  const warn = (check: CheckName, message: string) => findings.push({ severity: 'warning', check, message });

  if (ctx.fileSlug !== undefined && ctx.fileSlug !== scenario.slug) err('schema', `slug \`${scenario.slug}\` must equal the file name \`${ctx.fileSlug}\``);

  // 1. The cluster and the existing policies must be valid for the engine.
  let cluster: Cluster;
  try {
    cluster = getScenarioBase(scenario).cluster;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    err(e.message.includes('existingPolicies') ? 'existing-policies' : 'cluster', e.message);
    return result(null);
  }

  // 2. Every endpoint an expectation names exists; named ports exist on the destination.
  const endpointProblems = scenario.expectations.flatMap((e, i) => endpointErrors(cluster, e, i));
  endpointProblems.forEach((m) => err('endpoints', m));
  for (const p of scenario.ports ?? []) {
    if (typeof p.port === 'string' && !cluster.pods.some((pod) => pod.ports.some((cp) => cp.name === p.port))) err('endpoints', `ports: no pod declares a port named \`${p.port}\``);
  }

  // 3. At least 6 expectations, both allowed and denied ones.
  const allowed = scenario.expectations.filter((e) => e.allowed).length;
  const denied = scenario.expectations.length - allowed;
  if (scenario.expectations.length < 6) err('expectations', `${scenario.expectations.length} expectations; at least 6 are needed`);
  if (allowed === 0) err('expectations', 'no expectation is allowed: a deny-everything answer would pass');
  if (denied === 0) err('expectations', 'no expectation is denied: an allow-everything answer would pass');
  scenario.expectations.forEach((e, i) => {
    if (e.from === e.to) warn('expectations', `expectations[${i}]: a pod can always reach itself, so ${e.from} → ${e.to} tests nothing`);
  });

  // Topic hygiene (advice only).
  if (scenario.kind === 'predict' && !scenario.topics.includes('predict')) warn('topics', 'a predict scenario should list the `predict` topic');
  if (scenario.topics.includes('fix-it') && !scenario.starter && !scenario.existingPolicies) warn('topics', 'a `fix-it` scenario should ship the broken policy in `starter` or `existingPolicies`');

  if (endpointProblems.length > 0) return result(null);

  if (scenario.kind === 'predict') {
    // 4p. Every predict expectation agrees with the engine.
    if (scenario.requirements.length > 0) err('predict', 'a predict scenario cannot have requirements (nothing is submitted)');
    const model = applyPolicies(scenario, []).model;
    scenario.expectations.forEach((e, i) => {
      const v = evaluate(model, { from: e.from, to: e.to, port: e.port, protocol: e.protocol });
      if (v.error) err('predict', `expectations[${i}]: ${v.error}`);
      else if (v.allowed !== e.allowed) {
        err('predict', `expectations[${i}] ${flow(e)}: says ${e.allowed ? 'allowed' : 'denied'} but the engine says ${v.allowed ? 'allowed' : 'denied'}: ${summarizeVerdict(v)}`);
      }
    });
    return result(null);
  }

  // 4w. The reference solution validates and passes every expectation and requirement.
  const solution = scenario.solution ?? '';
  const graded = gradeSubmission(scenario, solution);
  for (const e of graded.errors) err('solution', `solution${e.line ? ` line ${e.line}` : ''}: ${e.message}`);
  for (const x of graded.expectations.filter((x) => !x.passed)) err('solution', `solution fails ${flow(x)}: expected ${x.expected}, got ${x.actual}: ${x.reason}`);
  for (const r of graded.requirements.filter((r) => !r.passed)) err('solution', `solution fails requirement ${r.description}: ${r.reason}`);
  // A reference solution should model good practice: its lint findings are advice for the author.
  for (const l of graded.lint) warn('solution', `solution lint ${l.code}${l.line ? ` line ${l.line}` : ''}: ${l.message}`);
  // Mutants are measured against the solution's connectivity, which means nothing while it is wrong.
  if (!graded.pass) return result(null);

  // 5. Canonical wrong answers fail at least one expectation.
  const noPolicy = gradeSubmission(scenario, '');
  if (failedExpectations(noPolicy) === 0) err('canonical-wrong', 'submitting no policy at all passes every expectation');
  if (!scenario.denyAllIsAnswer) {
    const denyAll = gradeSubmission(scenario, denyAllText(scenario.namespace));
    if (failedExpectations(denyAll) === 0) {
      err('canonical-wrong', `a deny-all (ingress and egress) policy in \`${scenario.namespace}\` passes every expectation; add an allowed flow or set denyAllIsAnswer: true`);
    }
  }

  // 6. A starter (the broken policy of a fix-it task) must not already pass.
  if (scenario.starter && gradeSubmission(scenario, scenario.starter).pass) err('starter', 'the starter text already passes every check');

  return result(mutationReport(scenario, solution, cluster));
}

function failedExpectations(r: GradeReport): number {
  return r.errors.length > 0 ? r.total : r.expectations.filter((x) => !x.passed).length;
}

function flow(e: { from: string; to: string; port: number | string; protocol: string }): string {
  return `${e.from} → ${e.to} :${e.port}/${e.protocol}`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function endpointErrors(cluster: Cluster, e: { from: string; to: string; port: number | string; protocol: string }, i: number): string[] {
  const out: string[] = [];
  for (const side of ['from', 'to'] as const) {
    const ep = e[side];
    if (ep.startsWith('ip:')) {
      if (!parseIp(ep.slice(3))) out.push(`expectations[${i}].${side}: \`${ep}\` is not a valid IP address`);
    } else if (ep.includes('/')) {
      const [ns, name] = ep.split('/');
      if (!cluster.pods.some((p) => p.namespace === ns && p.name === name)) out.push(`expectations[${i}].${side}: no pod \`${ep}\` in the cluster`);
    } else if (!cluster.externals.some((x) => x.name === ep)) {
      out.push(`expectations[${i}].${side}: no external named \`${ep}\` (pods are written namespace/name, addresses ip:<addr>)`);
    }
  }
  if (typeof e.port === 'string') {
    const [ns, name] = e.to.split('/');
    const pod = cluster.pods.find((p) => p.namespace === ns && p.name === name);
    if (!pod) out.push(`expectations[${i}].port: named port \`${e.port}\` needs a pod destination`);
    else if (!pod.ports.some((cp) => cp.name === e.port && cp.protocol === e.protocol)) out.push(`expectations[${i}].port: pod \`${e.to}\` declares no ${e.protocol} port named \`${e.port}\``);
  }
  return out;
}

// Every endpoint on every task port plus every expectation port: the connectivity a mutant may change.
function fullMatrix(model: CompiledModel, endpoints: string[], ports: MatrixPort[]): boolean[][][] {
  return ports.map((p) => reachability(model, endpoints, p.port, p.protocol).allowed);
}

function sameMatrix(a: boolean[][][], b: boolean[][][]): boolean {
  return a.every((grid, g) => grid.every((row, i) => row.every((cell, j) => cell === b[g][i][j])));
}

/** Derives mutants of the reference solution and counts those that change connectivity yet pass every expectation. */
export function mutationReport(scenario: TScenario, solution: string, cluster: Cluster): MutationReport {
  const endpoints = matrixEndpoints(cluster);
  const parsedSolution = parsePolicies(solution, { defaultNamespace: scenario.namespace }).policies;
  // The matrix covers the task's ports, the expectations' ports and every port the solution names, so a
  // mutant that breaks a rule on a port no expectation mentions still counts as a change.
  const ports = distinctPorts([...matrixPorts(scenario), ...scenario.expectations, ...policyPorts(parsedSolution)]);
  const baseline = fullMatrix(applyPolicies(scenario, parsedSolution).model, endpoints, ports);
  const mutants = deriveMutants(solution, {
    namespaces: cluster.namespaces.map((n) => n.name),
    defaultNamespace: scenario.namespace,
    portNames: [...new Set(cluster.pods.flatMap((p) => p.ports.map((cp) => cp.name).filter((n): n is string => !!n)))],
  });
  const report: MutationReport = { total: mutants.length, invalid: 0, equivalent: 0, changed: 0, killed: 0, survivors: [], survivorShare: 0 };
  for (const m of mutants) {
    const parsed = parsePolicies(m.text, { defaultNamespace: scenario.namespace });
    if (parsed.diagnostics.some((d) => d.severity === 'error')) {
      report.invalid++;
      continue;
    }
    const model = applyPolicies(scenario, parsed.policies).model;
    if (sameMatrix(fullMatrix(model, endpoints, ports), baseline)) {
      report.equivalent++;
      continue;
    }
    report.changed++;
    const passesAll = scenario.expectations.every((e) => evaluate(model, { from: e.from, to: e.to, port: e.port, protocol: e.protocol }).allowed === e.allowed);
    if (passesAll) report.survivors.push({ operator: m.operator, description: m.description });
    else report.killed++;
  }
  report.survivorShare = report.changed === 0 ? 0 : report.survivors.length / report.changed;
  return report;
}

/** Scenarios a drill's rule selects from (all matching, in the given order). */
export function drillCandidates(drill: TDrill, scenarios: TScenario[]): TScenario[] {
  if (drill.scenarios) {
    const bySlug = new Map(scenarios.map((s) => [s.slug, s]));
    return drill.scenarios.map((slug) => bySlug.get(slug)).filter((s): s is TScenario => !!s);
  }
  const rule = drill.rule!;
  return scenarios.filter(
    (s) =>
      (!rule.topics || s.topics.some((t) => rule.topics!.includes(t))) &&
      (!rule.kinds || rule.kinds.includes(s.kind)) &&
      (!rule.maxDifficulty || s.difficulty <= rule.maxDifficulty) &&
      (!rule.minDifficulty || s.difficulty >= rule.minDifficulty),
  );
}

/** Checks a drill against the scenario library: listed slugs exist, a rule can be satisfied, the time budget fits. */
export function checkDrill(drill: TDrill, scenarios: TScenario[]): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(scenarios.map((s) => s.slug));
  (drill.scenarios ?? []).forEach((slug, i) => {
    if (!known.has(slug)) findings.push({ severity: 'error', check: 'schema', message: `scenarios[${i}]: unknown scenario \`${slug}\`` });
  });
  const candidates = drillCandidates(drill, scenarios);
  if (drill.rule && candidates.length < drill.rule.count) {
    findings.push({ severity: 'error', check: 'schema', message: `rule wants ${drill.rule.count} scenarios but only ${candidates.length} match` });
  }
  const picked = drill.rule ? candidates.slice(0, drill.rule.count) : candidates;
  const budget = picked.reduce((sum, s) => sum + s.timeMinutes, 0);
  if (drill.scenarios && budget > drill.minutes * 1.5) {
    findings.push({ severity: 'warning', check: 'schema', message: `the listed scenarios budget ${budget} minutes, far more than the drill's ${drill.minutes}` });
  }
  return findings;
}

/** Ports a set of policies names (numbers, names, and both ends of endPort ranges). */
export function policyPorts(policies: NetworkPolicy[]): MatrixPort[] {
  const out: MatrixPort[] = [];
  for (const p of policies) {
    for (const rule of [...(p.spec.ingress ?? []), ...(p.spec.egress ?? [])]) {
      for (const port of rule.ports ?? []) {
        if (port.port === undefined) continue;
        out.push({ port: port.port, protocol: port.protocol });
        if (port.endPort !== undefined) out.push({ port: port.endPort, protocol: port.protocol });
      }
    }
  }
  return out;
}
