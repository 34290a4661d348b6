import { evaluate, explainVerdict, lintPolicies, reachability, summarizeVerdict, type CompiledModel, type Diagnostic, type NetworkPolicy, type Protocol, type Verdict } from '@/lib/netpol';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { duplicateKeyOffsets } from '@/lib/netpol/yaml-keys';
import { applySubmission, getScenarioBase, matrixEndpoints, matrixPorts, policyKey, applyPolicies, type MatrixPort } from './apply';
import type { TExpectation, TRequirement, TScenario } from './schema';

/** 'allowed' or 'denied'. */
export type Outcome = 'allowed' | 'denied';

/** A submission error with its location in the submitted text. */
export type GradeError = { line: number | null; column: number | null; path: string; message: string };

/** A lint finding on the submission (advice; does not change the score). */
export type LintFinding = { code: string; message: string; line: number | null; column: number | null; path: string };

/** Where in the policies a verdict comes from: the rule or policy to look at first. */
export type PolicyPointer = {
  /** 'namespace/name' */
  policy: string;
  /** Rule path ('spec.ingress[0]') or '' for the policy as a whole. */
  path: string;
  /** Line in the submitted text when the policy was submitted, else in the scenario's existing policies. */
  line?: number;
  /** True when the policy is part of the submission (the line refers to the learner's YAML). */
  inSubmission: boolean;
};

/** One graded expectation (write) or matrix cell (predict). */
export type ExpectationResult = {
  from: string;
  to: string;
  port: number | string;
  protocol: Protocol;
  expected: Outcome;
  /** write: the submission's connectivity; predict: the learner's answer ('unanswered' when missing). */
  actual: Outcome | 'unanswered';
  passed: boolean;
  /** The engine's one-line summary of the verdict. */
  reason: string;
  /** The engine's multi-line explanation of the verdict. */
  explanation: string;
  /** The author's one-line why (hidden by redactReport until reveal, except on failures). */
  why: string;
  /** Line in the submission of the responsible rule/policy, when it is in the submission. */
  policyLine?: number;
  /** The responsible rules/policies (allowing rules when the flow is allowed, isolating policies when denied). */
  pointers: PolicyPointer[];
};

/** One graded requirement. */
export type RequirementResult = { description: string; passed: boolean; reason: string };

/** One cell of the connectivity matrix. */
export type MatrixCell = {
  /** write: the submission's result; predict: the learner's answer (null when the cell was not asked or not answered). */
  actual: Outcome | null;
  /** Set on expectation cells only. */
  expected?: Outcome;
  /** True when expected is set and differs from actual. */
  mismatch?: boolean;
};

/** The connectivity matrix of the scenario's endpoints, one grid per task port. */
export type GradeMatrix = {
  endpoints: string[];
  grids: { port: number | string; protocol: Protocol; cells: MatrixCell[][] }[];
};

/** The grade of one submission. */
export type GradeReport = {
  scenario: string;
  kind: 'write' | 'predict';
  /** passed / total in [0, 1]; 0 when the submission has errors. */
  score: number;
  passed: number;
  /** Expectations (or predict cells) plus requirements. */
  total: number;
  /** Every expectation and requirement passed and there are no errors. */
  pass: boolean;
  errors: GradeError[];
  expectations: ExpectationResult[];
  requirements: RequirementResult[];
  lint: LintFinding[];
  /** null when the submission has errors. */
  matrix: GradeMatrix | null;
};

/** Grades a submission against a scenario (pure, no I/O); throws ScenarioError only for a broken scenario. */
export function gradeSubmission(scenario: TScenario, submittedText: string): GradeReport {
  return scenario.kind === 'predict' ? gradePredict(scenario, submittedText) : gradeWrite(scenario, submittedText);
}

function emptyReport(scenario: TScenario, total: number, errors: GradeError[]): GradeReport {
  return { scenario: scenario.slug, kind: scenario.kind, score: 0, passed: 0, total, pass: false, errors, expectations: [], requirements: [], lint: [], matrix: null };
}

// A submission that parsed: the score is the share of expectations and requirements passed (all of them to pass).
function scoredReport(scenario: TScenario, total: number, parts: Pick<GradeReport, 'expectations' | 'requirements' | 'lint' | 'matrix'>): GradeReport {
  const passed = parts.expectations.filter((x) => x.passed).length + parts.requirements.filter((x) => x.passed).length;
  return {
    scenario: scenario.slug,
    kind: scenario.kind,
    score: total === 0 ? 0 : passed / total,
    passed,
    total,
    pass: passed === total,
    errors: [],
    expectations: parts.expectations,
    requirements: parts.requirements,
    lint: parts.lint,
    matrix: parts.matrix,
  };
}

function toGradeError(d: Diagnostic): GradeError {
  return { line: d.line ?? null, column: d.column ?? null, path: d.path, message: d.message };
}

function gradeWrite(scenario: TScenario, text: string): GradeReport {
  const total = scenario.expectations.length + scenario.requirements.length;
  const applied = applySubmission(scenario, text);
  if (applied.errors.length > 0) {
    return { ...emptyReport(scenario, total, applied.errors.map(toGradeError)), lint: applied.warnings.map(toLint) };
  }
  const expectations = scenario.expectations.map((e) => {
    const verdict = evaluate(applied.model, probeOf(e));
    const actual: Outcome = verdict.allowed ? 'allowed' : 'denied';
    return expectationResult(e, actual, verdict, applied.submittedKeys);
  });
  const requirements = scenario.requirements.map((r) => checkRequirement(r, applied.submitted));
  const lint = [...applied.warnings.map(toLint), ...runLint(applied.submitted, scenario)];
  return scoredReport(scenario, total, { expectations, requirements, lint, matrix: buildMatrix(scenario, applied.model, expectations, 'engine') });
}

function probeOf(e: { from: string; to: string; port: number | string; protocol: Protocol }) {
  return { from: e.from, to: e.to, port: e.port, protocol: e.protocol };
}

function expectationResult(e: TExpectation, actual: Outcome | 'unanswered', verdict: Verdict, submittedKeys: Set<string>): ExpectationResult {
  const expected: Outcome = e.allowed ? 'allowed' : 'denied';
  const pointers = pointersOf(verdict, submittedKeys);
  const line = pointers.find((p) => p.inSubmission && p.line !== undefined)?.line;
  return {
    from: e.from,
    to: e.to,
    port: e.port,
    protocol: e.protocol,
    expected,
    actual,
    passed: actual === expected,
    reason: summarizeVerdict(verdict),
    explanation: explainVerdict(verdict),
    why: e.why,
    ...(line !== undefined ? { policyLine: line } : {}),
    pointers,
  };
}

// The rules to look at: for an allowed flow the rules that allow it (a wrong "allowed" is fixed there),
// for a denied flow the rules that missed (with the line of what failed) or the isolating policies.
function pointersOf(v: Verdict, submittedKeys: Set<string>): PolicyPointer[] {
  const out: PolicyPointer[] = [];
  for (const side of [v.egress, v.ingress]) {
    if (v.allowed && side.kind === 'allowed') {
      for (const r of side.by) out.push({ policy: r.policy, path: r.path, line: r.line, inSubmission: submittedKeys.has(r.policy) });
    } else if (!v.allowed && side.kind === 'denied') {
      if (side.rules.length > 0) {
        for (const r of side.rules) out.push({ policy: r.policy, path: r.failedPath || r.path, line: r.failedLine ?? r.line, inSubmission: submittedKeys.has(r.policy) });
      } else {
        for (const p of side.isolatedBy) out.push({ policy: p.policy, path: '', line: p.line, inSubmission: submittedKeys.has(p.policy) });
      }
    }
  }
  return out;
}

/** Human description of a requirement (also used by the learner view). */
export function describeRequirement(r: TRequirement): string {
  switch (r.type) {
    case 'policy-exists':
      return `a NetworkPolicy named \`${r.name}\` in namespace \`${r.namespace}\``;
    case 'namespace-only':
      return `every submitted NetworkPolicy is in namespace \`${r.namespace}\``;
  }
}

function checkRequirement(r: TRequirement, submitted: NetworkPolicy[]): RequirementResult {
  const description = describeRequirement(r);
  switch (r.type) {
    case 'policy-exists': {
      const hit = submitted.find((p) => p.name === r.name && p.namespace === r.namespace);
      if (hit) return { description, passed: true, reason: `found \`${policyKey(hit)}\`${hit.source.line ? ` at line ${hit.source.line}` : ''}` };
      const sameName = submitted.find((p) => p.name === r.name);
      if (sameName) return { description, passed: false, reason: `\`${r.name}\` was submitted in namespace \`${sameName.namespace}\`, not \`${r.namespace}\`` };
      const names = submitted.map((p) => `\`${policyKey(p)}\``).join(', ');
      return { description, passed: false, reason: submitted.length ? `no NetworkPolicy named \`${r.name}\` in \`${r.namespace}\` (submitted: ${names})` : 'no NetworkPolicy was submitted' };
    }
    case 'namespace-only': {
      const outside = submitted.filter((p) => p.namespace !== r.namespace);
      if (submitted.length === 0) return { description, passed: false, reason: 'no NetworkPolicy was submitted' };
      if (outside.length === 0) return { description, passed: true, reason: submitted.length === 1 ? `the submitted policy is in \`${r.namespace}\`` : `all ${submitted.length} submitted policies are in \`${r.namespace}\`` };
      return { description, passed: false, reason: outside.map((p) => `\`${policyKey(p)}\` is in namespace \`${p.namespace}\``).join('; ') };
    }
  }
}

function toLint(d: Diagnostic): LintFinding {
  return { code: d.code ?? 'validation-warning', message: d.message, line: d.line ?? null, column: d.column ?? null, path: d.path };
}

function runLint(policies: NetworkPolicy[], scenario: TScenario): LintFinding[] {
  const { cluster } = getScenarioBase(scenario);
  return lintPolicies(policies, { cluster, taskNamespace: scenario.namespace }).map(toLint);
}

type CellSource = 'engine' | Map<string, Outcome>;

function cellKey(from: string, to: string, port: number | string, protocol: string): string {
  return `${from}|${to}|${String(port)}|${protocol}`;
}

function buildMatrix(scenario: TScenario, model: CompiledModel, results: ExpectationResult[], source: CellSource): GradeMatrix {
  const { cluster } = getScenarioBase(scenario);
  const endpoints = matrixEndpoints(cluster);
  const expected = new Map(results.map((r) => [cellKey(r.from, r.to, r.port, r.protocol), r.expected]));
  const grids = matrixPorts(scenario).map((mp: MatrixPort) => {
    const m = source === 'engine' ? reachability(model, endpoints, mp.port, mp.protocol) : null;
    const cells = endpoints.map((from, i) =>
      endpoints.map((to, j): MatrixCell => {
        const k = cellKey(from, to, mp.port, mp.protocol);
        const actual: Outcome | null = m ? (m.allowed[i][j] ? 'allowed' : 'denied') : ((source as Map<string, Outcome>).get(k) ?? null);
        const exp = expected.get(k);
        return exp ? { actual, expected: exp, mismatch: exp !== actual } : { actual };
      }),
    );
    return { port: mp.port, protocol: mp.protocol, cells };
  });
  return { endpoints, grids };
}

// ---------------------------------------------------------------------------------------------
// predict
// ---------------------------------------------------------------------------------------------

const MAX_ANSWER_BYTES = 256 * 1024;
// An answer has five fields; the cap bounds the yaml package's unique-key scan, which is quadratic per mapping.
const MAX_ANSWER_MAPPING_KEYS = 1000;

/** One answer of a predict submission. */
export type PredictAnswer = { from: string; to: string; port: number | string; protocol: Protocol; allowed: boolean };

/** Parses a predict submission (`answers: [{from, to, port, protocol, allowed}]`) with located errors. */
export function parsePredictAnswers(text: string): { answers: PredictAnswer[]; errors: GradeError[] } {
  // Same cap as the engine's policy parser: a matrix of answers is a few KiB at most.
  if (text.length > MAX_ANSWER_BYTES) return { answers: [], errors: [{ line: null, column: null, path: '', message: `answers: Too long: must have at most ${MAX_ANSWER_BYTES} bytes` }] };
  let lc = new LineCounter();
  // Not `uniqueKeys: true` first: its scan is quadratic (a 13,500-key mapping took 2.5 s). An oversized mapping
  // is refused; a repeated key (rare, bounded by the cap) re-parses with it for the package's own messages.
  let doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  let big: { keys: number; offset: number } | null = null;
  visit(doc, {
    Map(_key, map) {
      if (map.items.length <= MAX_ANSWER_MAPPING_KEYS) return undefined;
      big = { keys: map.items.length, offset: map.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  const found = big as { keys: number; offset: number } | null;
  if (found) return { answers: [], errors: [{ ...posOf(lc, found.offset), path: '', message: `answers: Too many: ${found.keys}: must have at most ${MAX_ANSWER_MAPPING_KEYS} keys in a mapping` }] };
  if (duplicateKeyOffsets(doc).length > 0) {
    lc = new LineCounter();
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  }
  const at = (n: Node | null | undefined) => {
    if (!n?.range) return { line: null, column: null };
    const p = lc.linePos(n.range[0]);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return { answers: [], errors: doc.errors.map((e) => ({ ...posOf(lc, e.pos[0]), path: '', message: `yaml: ${e.message.split('\n')[0]}` })) };
  }
  const root = doc.contents;
  const list = isMap(root) ? root.get('answers', true) : null;
  if (!isMap(root) || !isSeq(list)) {
    return { answers: [], errors: [{ ...at(root as Node), path: 'answers', message: 'answers: Required value: expected `answers:` with a list of {from, to, port, protocol, allowed}' }] };
  }
  const answers: PredictAnswer[] = [];
  const errors: GradeError[] = [];
  list.items.forEach((item, i) => {
    const path = `answers[${i}]`;
    if (!isMap(item)) {
      errors.push({ ...at(item as Node), path, message: `${path}: Invalid value: expected a mapping {from, to, port, protocol, allowed}` });
      return;
    }
    const val = (k: string) => {
      const n = item.get(k, true);
      return isScalar(n) ? n.value : undefined;
    };
    const from = val('from');
    const to = val('to');
    const port = val('port');
    const protocol = val('protocol') ?? 'TCP';
    const allowed = val('allowed');
    const bad = (field: string, msg: string) => errors.push({ ...at((item.get(field, true) as Node) ?? item), path: `${path}.${field}`, message: `${path}.${field}: ${msg}` });
    if (typeof from !== 'string') return bad('from', 'Required value: an endpoint such as `prod/web`');
    if (typeof to !== 'string') return bad('to', 'Required value: an endpoint such as `prod/web`');
    if (typeof port !== 'number' && typeof port !== 'string') return bad('port', 'Required value: a port number or name');
    if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') return bad('protocol', `Unsupported value: \`${String(protocol)}\`: supported values: "SCTP", "TCP", "UDP"`);
    if (typeof allowed !== 'boolean') return bad('allowed', 'Required value: `true` or `false`');
    answers.push({ from, to, port, protocol, allowed });
  });
  return { answers, errors };
}

function posOf(lc: LineCounter, offset: number): { line: number; column: number } {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

function gradePredict(scenario: TScenario, text: string): GradeReport {
  const total = scenario.expectations.length;
  const { answers, errors } = parsePredictAnswers(text);
  if (errors.length > 0) return emptyReport(scenario, total, errors);
  const answerMap = new Map<string, Outcome>();
  for (const a of answers) answerMap.set(cellKey(a.from, a.to, a.port, a.protocol), a.allowed ? 'allowed' : 'denied');
  const applied = applyPolicies(scenario, []);
  const expectations = scenario.expectations.map((e) => {
    const verdict = evaluate(applied.model, probeOf(e));
    return expectationResult(e, answerMap.get(cellKey(e.from, e.to, e.port, e.protocol)) ?? 'unanswered', verdict, applied.submittedKeys);
  });
  return scoredReport(scenario, total, { expectations, requirements: [], lint: [], matrix: buildMatrix(scenario, applied.model, expectations, answerMap) });
}
