import { compile, parseCluster, parsePolicies, type Cluster, type CompiledModel, type Diagnostic, type NetworkPolicy, type Protocol } from '@/lib/netpol';
import type { TScenario } from './schema';

/** The scenario's cluster and existing policies, parsed once per scenario object. */
export type ScenarioBase = { cluster: Cluster; existing: NetworkPolicy[] };

/** Result of applying submitted policies on top of the scenario's existing ones. */
export type Applied = {
  /** Valid submitted policies, in submission order. */
  submitted: NetworkPolicy[];
  /** Error diagnostics of the submission (a submission with errors is not graded). */
  errors: Diagnostic[];
  /** Warning diagnostics of the submission (shown like lint findings). */
  warnings: Diagnostic[];
  /** Existing policies after `kubectl apply` of the submission. */
  effective: NetworkPolicy[];
  /** Keys ('ns/name') of effective policies that came from the submission. */
  submittedKeys: Set<string>;
  model: CompiledModel;
};

// Scenarios are immutable after loading, so their parsed cluster can be memoised by identity.
const baseCache = new WeakMap<TScenario, ScenarioBase>();

/** Thrown when a scenario itself is broken (content:check reports these before they reach learners). */
export class ScenarioError extends Error {}

/** Parses the scenario's cluster and existing policies (cached); throws ScenarioError when they are invalid. */
export function getScenarioBase(scenario: TScenario): ScenarioBase {
  const hit = baseCache.get(scenario);
  if (hit) return hit;
  const { cluster, diagnostics } = parseCluster(scenario.cluster);
  const clusterErrors = diagnostics.filter((d) => d.severity === 'error');
  if (!cluster || clusterErrors.length > 0) {
    throw new ScenarioError(`scenario \`${scenario.slug}\`: cluster: ${clusterErrors.map((d) => d.message).join('; ') || 'invalid'}`);
  }
  let existing: NetworkPolicy[] = [];
  if (scenario.existingPolicies) {
    const parsed = parsePolicies(scenario.existingPolicies, { defaultNamespace: scenario.namespace });
    const errs = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (errs.length > 0) {
      throw new ScenarioError(`scenario \`${scenario.slug}\`: existingPolicies: ${errs.map((d) => lineMessage(d)).join('; ')}`);
    }
    existing = parsed.policies;
  }
  const base = { cluster, existing };
  baseCache.set(scenario, base);
  return base;
}

function lineMessage(d: Diagnostic): string {
  return d.line ? `line ${d.line}: ${d.message}` : d.message;
}

/** Policy identity as the API server sees it. */
export function policyKey(p: { namespace: string; name: string }): string {
  return `${p.namespace}/${p.name}`;
}

/** Applies submitted policy YAML like `kubectl apply`: same namespace+name replaces, anything else adds. */
export function applySubmission(scenario: TScenario, text: string): Applied {
  const base = getScenarioBase(scenario);
  const parsed = text.trim() === '' ? { policies: [], diagnostics: [] } : parsePolicies(text, { defaultNamespace: scenario.namespace });
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  const warnings = parsed.diagnostics.filter((d) => d.severity !== 'error');
  return { ...applyPolicies(scenario, parsed.policies), errors, warnings };
}

/** Applies already-parsed policies on top of the existing ones and compiles the model. */
export function applyPolicies(scenario: TScenario, submitted: NetworkPolicy[]): Omit<Applied, 'errors' | 'warnings'> {
  const base = getScenarioBase(scenario);
  const byKey = new Map<string, NetworkPolicy>();
  for (const p of base.existing) byKey.set(policyKey(p), p);
  const submittedKeys = new Set<string>();
  for (const p of submitted) {
    // Map keeps the original insertion position on replace, like a stable object store.
    byKey.set(policyKey(p), p);
    submittedKeys.add(policyKey(p));
  }
  const effective = [...byKey.values()];
  return { submitted, effective, submittedKeys, model: compile(base.cluster, effective) };
}

/** Endpoints of the connectivity matrix: every pod ('ns/name') then every external (by name). */
export function matrixEndpoints(cluster: Cluster): string[] {
  return [...cluster.pods.map((p) => `${p.namespace}/${p.name}`), ...cluster.externals.map((e) => e.name)];
}

/** A (port, protocol) column of the connectivity matrix. */
export type MatrixPort = { port: number | string; protocol: Protocol };

/**
 * The task's ports: `ports` when given, else the distinct ports of the expectations in order. A predict task
 * also gets every port it asks about after its `ports` (its answer sheet shows them anyway), so each asked flow
 * has a cell; a write task's expectation ports stay hidden behind its `ports`.
 */
export function matrixPorts(scenario: TScenario): MatrixPort[] {
  if (!scenario.ports || scenario.ports.length === 0) return distinctPorts(scenario.expectations);
  const listed = scenario.ports.map((p) => ({ port: p.port, protocol: p.protocol }));
  return scenario.kind === 'predict' ? distinctPorts([...listed, ...scenario.expectations]) : listed;
}

/** Distinct (port, protocol) pairs in first-seen order. */
export function distinctPorts(list: { port: number | string; protocol: Protocol }[]): MatrixPort[] {
  const seen = new Set<string>();
  const out: MatrixPort[] = [];
  for (const e of list) {
    const k = `${e.port}/${e.protocol}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ port: e.port, protocol: e.protocol });
  }
  return out;
}
