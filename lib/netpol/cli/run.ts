/**
 * The `netpol` command line, as a function of (argv, file reader) → (exit code, stdout, stderr) so it can be
 * tested in-process; `main.ts` wires it to the process. File reading lives here, never in the engine.
 */
import { describePolicies, describePolicyJson } from '../describe';
import { compile, evaluate, explainVerdict, matrixToJson, parseCluster, parsePolicies, reachability, renderMatrix, summarizeVerdict } from '../index';
import { LINT_CATALOGUE, lintPolicies } from '../lint';
import type { Cluster, CompiledModel, Diagnostic, NetworkPolicy, Protocol, Verdict } from '../types';
import { parseArgs } from './args';
import { parseProbes } from './probes';

/** One input error as the `check` contract prints it. */
export type CliError = { file: string; line: number | null; column: number | null; path: string; message: string };
/** What a run produced. */
export type CliResult = { code: number; stdout: string; stderr: string };
/** Reads a file as UTF-8 text (throws like fs.readFileSync). */
export type ReadFile = (file: string) => string;

/** Exit code: done. */
export const EXIT_OK = 0;
/** Exit code: invalid input or usage (the errors are printed). */
export const EXIT_INVALID = 2;

/** The cluster file may be a user's own manifests, so it gets a larger cap than pasted policies. */
const CLUSTER_MAX_BYTES = 16 * 1024 * 1024;
const POLICIES_MAX_BYTES = 4 * 1024 * 1024;

/** The help text (`netpol --help`). */
export const USAGE = `usage: netpol <command> [flags]

commands:
  check     --cluster C --policies P --probes Q [--namespace default] [--output json|text]
            verdict of every probe (default output json: {"results":[{from,to,port,protocol,allowed,reason}]})
  matrix    --cluster C --policies P --port 80 [--protocol TCP] [--endpoints ns/a,ns/b,...] [--output text|json]
            reachability grid ('.' allowed, 'X' denied), rows are sources
  explain   --cluster C --policies P --from ns/a --to ns/b --port 80 [--protocol TCP] [--output text|json]
            one verdict with its reasons
  lint      --policies P [--cluster C] [--task-namespace ns] [--output text|json]
            classic mistakes (warnings; exit 0 when the input is valid)
  describe  --policies P [--name N] [--created-on RFC3339] [--output text|json] [--cluster C (json only)]
            policies as \`kubectl describe networkpolicy\` prints them; json: the same as data, plus the
            pods each policy selects when --cluster is given
  lint-codes
            the lint catalogue: every code with the mistake and its consequence

C: cluster YAML/JSON ({namespaces, pods, externals}) or Kubernetes manifests; P: NetworkPolicy YAML (may be empty);
Q: YAML/JSON list of {from, to, port, protocol?}. A policy without metadata.namespace goes to --namespace.
Invalid input exits 2 with {"errors":[{file,line,column,path,message}]} (json) or kubectl-style errors (text).`;

class InputErrors extends Error {
  constructor(readonly errors: CliError[]) {
    super('invalid input');
  }
}

function fromDiagnostic(file: string, d: Diagnostic): CliError {
  return { file, line: d.line ?? null, column: d.column ?? null, path: d.path, message: d.message };
}

function read(readFile: ReadFile, file: string | undefined, flag: string): string {
  if (file === undefined || file === '' || file === 'true') throw new InputErrors([{ file: '', line: null, column: null, path: '', message: `required flag(s) "${flag}" not set` }]);
  try {
    return readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new InputErrors([{ file, line: null, column: null, path: '', message: `open ${file}: ${why}` }]);
  }
}

function loadCluster(readFile: ReadFile, file: string | undefined, namespace: string): Cluster {
  const text = read(readFile, file, 'cluster');
  const r = parseCluster(text, { maxBytes: CLUSTER_MAX_BYTES, defaultNamespace: namespace });
  const errs = r.diagnostics.filter((d) => d.severity === 'error');
  if (errs.length > 0 || !r.cluster) throw new InputErrors(errs.map((d) => fromDiagnostic(file!, d)));
  return r.cluster;
}

function loadPolicies(readFile: ReadFile, file: string | undefined, namespace: string): { policies: NetworkPolicy[]; warnings: Diagnostic[] } {
  const text = read(readFile, file, 'policies');
  const r = parsePolicies(text, { defaultNamespace: namespace, maxBytes: POLICIES_MAX_BYTES });
  const errs = r.diagnostics.filter((d) => d.severity === 'error');
  if (errs.length > 0) throw new InputErrors(errs.map((d) => fromDiagnostic(file!, d)));
  return { policies: r.policies, warnings: r.diagnostics.filter((d) => d.severity === 'warning') };
}

function protocolOf(value: string | undefined): Protocol {
  const p = value ?? 'TCP';
  if (p !== 'TCP' && p !== 'UDP' && p !== 'SCTP') throw new InputErrors([{ file: '', line: null, column: null, path: 'protocol', message: `--protocol: Unsupported value: "${p}": supported values: "TCP", "UDP", "SCTP"` }]);
  return p;
}

function portOf(value: string | undefined): number | string {
  if (value === undefined || value === '' || value === 'true') throw new InputErrors([{ file: '', line: null, column: null, path: 'port', message: 'required flag(s) "port" not set' }]);
  if (/^[0-9]+$/.test(value)) {
    const n = Number(value);
    if (n < 1 || n > 65535) throw new InputErrors([{ file: '', line: null, column: null, path: 'port', message: `--port: Invalid value: ${value}: must be between 1 and 65535, inclusive` }]);
    return n;
  }
  return value;
}

function endpointError(v: Verdict, base: string): { path: string; message: string } {
  const side = v.source === undefined ? 'from' : 'to';
  return { path: `${base}${base ? '.' : ''}${side}`, message: `${base}${base ? '.' : ''}${side}: ${v.error}` };
}

/** Errors as text: kubectl's `error: ` prefix, then a compiler-style `<file>:<line>:<col>: ` location and the message. */
function errorsText(errors: CliError[]): string {
  return (
    errors
      .map((e) => {
        const where = e.file ? `${e.file}${e.line !== null ? `:${e.line}${e.column !== null ? `:${e.column}` : ''}` : ''}: ` : '';
        return `error: ${where}${e.message}`;
      })
      .join('\n') + '\n'
  );
}

function warningsText(file: string, ws: Diagnostic[]): string {
  return ws.map((w) => `Warning: ${file}${w.line ? `:${w.line}` : ''}: ${w.message}${w.code ? ` [${w.code}]` : ''}\n`).join('');
}

type Ctx = { opts: Record<string, string>; readFile: ReadFile; json: boolean };

function cmdCheck(c: Ctx): CliResult {
  const ns = c.opts.namespace ?? 'default';
  const errors: CliError[] = [];
  const attempt = <T,>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof InputErrors) errors.push(...e.errors);
      else throw e;
      return undefined;
    }
  };
  // Every file is read and checked before giving up, so one run reports all input errors.
  const cluster = attempt(() => loadCluster(c.readFile, c.opts.cluster, ns));
  const pol = attempt(() => loadPolicies(c.readFile, c.opts.policies, ns));
  const probesFile = c.opts.probes;
  let probePositions: Record<string, { line?: number; column?: number }> = {};
  const probes = attempt(() => {
    const r = parseProbes(read(c.readFile, probesFile, 'probes'));
    probePositions = r.positions;
    if (r.errors.length > 0) throw new InputErrors(r.errors.map((e) => ({ file: probesFile!, line: e.line ?? null, column: e.column ?? null, path: e.path, message: e.message })));
    return r.probes;
  });
  if (errors.length > 0 || !cluster || !pol || !probes) return invalid(c, errors);
  const model = compile(cluster, pol.policies);
  const verdicts = probes.map((p) => evaluate(model, p));
  verdicts.forEach((v, i) => {
    if (v.error) {
      const e = endpointError(v, `[${i}]`);
      const at = probePositions[e.path] ?? {};
      errors.push({ file: probesFile!, line: at.line ?? null, column: at.column ?? null, ...e });
    }
  });
  if (errors.length > 0) return invalid(c, errors);
  const results = verdicts.map((v, i) => ({
    from: probes[i].from,
    to: probes[i].to,
    port: probes[i].port,
    protocol: v.probe.protocol,
    allowed: v.allowed,
    reason: summarizeVerdict(v),
  }));
  if (c.json) return { code: EXIT_OK, stdout: `${JSON.stringify({ results })}\n`, stderr: '' };
  const lines = results.map((r) => `${r.from} -> ${r.to} ${r.port}/${r.protocol}: ${r.reason}`);
  return { code: EXIT_OK, stdout: `${lines.join('\n')}${lines.length ? '\n' : ''}`, stderr: warningsText(c.opts.policies!, pol.warnings) };
}

function invalid(c: Ctx, errors: CliError[]): CliResult {
  return c.json ? { code: EXIT_INVALID, stdout: `${JSON.stringify({ errors })}\n`, stderr: '' } : { code: EXIT_INVALID, stdout: '', stderr: errorsText(errors) };
}

function loadModel(c: Ctx): { model: CompiledModel; warnings: Diagnostic[] } {
  const ns = c.opts.namespace ?? 'default';
  const errors: CliError[] = [];
  let cluster: Cluster | undefined;
  let pol: { policies: NetworkPolicy[]; warnings: Diagnostic[] } | undefined;
  try {
    cluster = loadCluster(c.readFile, c.opts.cluster, ns);
  } catch (e) {
    if (!(e instanceof InputErrors)) throw e;
    errors.push(...e.errors);
  }
  try {
    pol = loadPolicies(c.readFile, c.opts.policies, ns);
  } catch (e) {
    if (!(e instanceof InputErrors)) throw e;
    errors.push(...e.errors);
  }
  if (errors.length > 0 || !cluster || !pol) throw new InputErrors(errors);
  return { model: compile(cluster, pol.policies), warnings: pol.warnings };
}

function cmdMatrix(c: Ctx): CliResult {
  const port = portOf(c.opts.port);
  const protocol = protocolOf(c.opts.protocol);
  const { model } = loadModel(c);
  const endpoints = c.opts.endpoints ? c.opts.endpoints.split(',').map((s) => s.trim()).filter(Boolean) : model.cluster.pods.map((p) => `${p.namespace}/${p.name}`);
  const m = reachability(model, endpoints, port, protocol);
  const unresolved = m.unresolved ?? [];
  if (unresolved.length > 0) {
    throw new InputErrors(unresolved.map((i) => ({ file: '', line: null, column: null, path: 'endpoints', message: `--endpoints: unknown endpoint \`${endpoints[i]}\`` })));
  }
  // Other matrix problems (a named port some destination lacks) are notes, not input errors.
  const notes = m.errors.map((e) => `Warning: ${e}\n`).join('');
  if (c.json) return { code: EXIT_OK, stdout: `${JSON.stringify(matrixToJson(m))}\n`, stderr: notes };
  const text = renderMatrix(m);
  return { code: EXIT_OK, stdout: text.endsWith('\n') ? text : `${text}\n`, stderr: notes };
}

function cmdExplain(c: Ctx): CliResult {
  const port = portOf(c.opts.port);
  const protocol = protocolOf(c.opts.protocol);
  for (const f of ['from', 'to']) {
    if (!c.opts[f] || c.opts[f] === 'true') throw new InputErrors([{ file: '', line: null, column: null, path: f, message: `required flag(s) "${f}" not set` }]);
  }
  const { model } = loadModel(c);
  const v = evaluate(model, { from: c.opts.from, to: c.opts.to, port, protocol });
  if (v.error) throw new InputErrors([{ file: '', line: null, column: null, ...endpointError(v, '') }]);
  if (c.json) return { code: EXIT_OK, stdout: `${JSON.stringify({ allowed: v.allowed, reason: summarizeVerdict(v), verdict: v })}\n`, stderr: '' };
  const text = explainVerdict(v);
  return { code: EXIT_OK, stdout: text.endsWith('\n') ? text : `${text}\n`, stderr: '' };
}

/** The policies and, when `--cluster` is given, the cluster; the errors of both files reported together. */
function loadPoliciesAndOptionalCluster(c: Ctx, ns: string): { pol: { policies: NetworkPolicy[]; warnings: Diagnostic[] }; cluster: Cluster | undefined } {
  const errors: CliError[] = [];
  let pol: { policies: NetworkPolicy[]; warnings: Diagnostic[] } | undefined;
  let cluster: Cluster | undefined;
  try {
    pol = loadPolicies(c.readFile, c.opts.policies, ns);
  } catch (e) {
    if (!(e instanceof InputErrors)) throw e;
    errors.push(...e.errors);
  }
  if (c.opts.cluster !== undefined) {
    try {
      cluster = loadCluster(c.readFile, c.opts.cluster, ns);
    } catch (e) {
      if (!(e instanceof InputErrors)) throw e;
      errors.push(...e.errors);
    }
  }
  if (errors.length > 0 || !pol) throw new InputErrors(errors);
  return { pol, cluster };
}

function cmdLint(c: Ctx): CliResult {
  const ns = c.opts.namespace ?? 'default';
  const { pol, cluster } = loadPoliciesAndOptionalCluster(c, ns);
  const findings = [...pol.warnings, ...lintPolicies(pol.policies, { cluster, taskNamespace: c.opts['task-namespace'] })];
  const file = c.opts.policies!;
  if (c.json) {
    const warnings = findings.map((d) => ({ file, line: d.line ?? null, column: d.column ?? null, path: d.path, code: d.code ?? null, message: d.message }));
    return { code: EXIT_OK, stdout: `${JSON.stringify({ warnings })}\n`, stderr: '' };
  }
  const lines = findings.map((d) => `${file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}: warning: ${d.message}${d.code ? ` [${d.code}]` : ''}`);
  const summary = `${findings.length} warning${findings.length === 1 ? '' : 's'}`;
  return { code: EXIT_OK, stdout: `${[...lines, summary].join('\n')}\n`, stderr: '' };
}

function cmdDescribe(c: Ctx): CliResult {
  const ns = c.opts.namespace ?? 'default';
  // kubectl's describe text has no place for the selected pods: a cluster is only read for the JSON form.
  if (c.opts.cluster !== undefined && !c.json) {
    throw new InputErrors([{ file: '', line: null, column: null, path: 'cluster', message: '--cluster: only with --output json (the text is kubectl\'s, which does not list selected pods)' }]);
  }
  const { pol, cluster } = loadPoliciesAndOptionalCluster(c, ns);
  const { policies, warnings } = pol;
  const chosen = c.opts.name ? policies.filter((p) => p.name === c.opts.name) : policies;
  if (c.opts.name && chosen.length === 0) {
    throw new InputErrors([{ file: c.opts.policies!, line: null, column: null, path: 'metadata.name', message: `networkpolicies.networking.k8s.io "${c.opts.name}" not found` }]);
  }
  let createdOn: Date | undefined;
  if (c.opts['created-on']) {
    createdOn = new Date(c.opts['created-on']);
    if (Number.isNaN(createdOn.getTime())) throw new InputErrors([{ file: '', line: null, column: null, path: 'created-on', message: `--created-on: Invalid value: "${c.opts['created-on']}": must be an RFC 3339 time` }]);
  }
  if (c.json) {
    // compile keeps the order of its input, so compiled policy i is chosen[i].
    const model = cluster ? compile(cluster, chosen) : undefined;
    const podId = (i: number) => `${model!.cluster.pods[i].namespace}/${model!.cluster.pods[i].name}`;
    const described = chosen.map((p, i) => describePolicyJson(p, { createdOn, selectedPods: model ? model.policies[i].selected.map(podId) : undefined }));
    const file = c.opts.policies!;
    const warned = warnings.map((d) => ({ file, line: d.line ?? null, column: d.column ?? null, path: d.path, code: d.code ?? null, message: d.message }));
    return { code: EXIT_OK, stdout: `${JSON.stringify({ policies: described, warnings: warned })}\n`, stderr: '' };
  }
  if (chosen.length === 0) return { code: EXIT_OK, stdout: '', stderr: 'No resources found.\n' };
  return { code: EXIT_OK, stdout: describePolicies(chosen, { createdOn }), stderr: warningsText(c.opts.policies!, warnings) };
}

/** Runs one CLI invocation. Never throws for user mistakes: they become exit 2 with errors. */
export function runCli(argv: string[], readFile: ReadFile): CliResult {
  const args = parseArgs(argv);
  if (args.command === 'help' || args.options.help || args.options.h) return { code: EXIT_OK, stdout: `${USAGE}\n`, stderr: '' };
  if (args.command === undefined) return { code: EXIT_INVALID, stdout: '', stderr: `${USAGE}\n` };
  if (args.command === 'lint-codes') {
    return { code: EXIT_OK, stdout: LINT_CATALOGUE.map((r) => `${r.code}  ${r.doc}`).join('\n') + '\n', stderr: '' };
  }
  const output = args.options.output ?? args.options.o ?? (args.command === 'check' ? 'json' : 'text');
  const c: Ctx = { opts: args.options, readFile, json: output === 'json' };
  const usageError = (message: string): CliResult => invalid(c, [{ file: '', line: null, column: null, path: '', message }]);
  if (output !== 'json' && output !== 'text') return usageError(`--output: Unsupported value: "${output}": supported values: "json", "text"`);
  if (args.errors.length > 0) return usageError(args.errors[0]);
  if (args.positionals.length > 0) return usageError(`unexpected argument "${args.positionals[0]}"`);
  try {
    switch (args.command) {
      case 'check':
        return cmdCheck(c);
      case 'matrix':
        return cmdMatrix(c);
      case 'explain':
        return cmdExplain(c);
      case 'lint':
        return cmdLint(c);
      case 'describe':
        return cmdDescribe(c);
      default:
        return { ...usageError(`unknown command "${args.command}" for "netpol"`), stderr: c.json ? '' : `error: unknown command "${args.command}" for "netpol"\n\n${USAGE}\n` };
    }
  } catch (e) {
    if (e instanceof InputErrors) return invalid(c, e.errors);
    throw e;
  }
}
