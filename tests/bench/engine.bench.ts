/**
 * Engine benchmark (`npm run bench:engine`): prints figures, asserts nothing.
 *   (a) one typical grading: 20 pods, 10 policies, 100 probes (parse + validate + compile + evaluate + reason),
 *       median µs;
 *   (b) full reachability matrix for 1,000 pods × 200 policies on one port, seconds (compile shown apart);
 *   (c) the ratio of (a) to just parsing the same policy YAML with the yaml package (yaml.parseAllDocuments,
 *       the definition), and, since parseDocuments now reads the common subset itself, also to
 *       parseDocuments (the engine's own parse) and parsePolicies;
 *   (d) lint and describe of the typical policies (editor-side tools).
 * Targets (issue 3): (a) < 1 ms, (b) < 1 s, (c) < 3.
 * `-- --profile` also samples a CPU profile of (a) and (b) and prints the functions with the most self time.
 * Clusters and policies are generated from a fixed seed, so runs are comparable.
 */
import { Session } from 'node:inspector';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments, stringify } from 'yaml';
import { compile, evaluate, parseDocuments, parsePolicies, reachability, summarizeVerdict } from '@/lib/netpol';
import { describePolicies } from '@/lib/netpol/describe';
import { lintPolicies } from '@/lib/netpol/lint';
import type { Cluster, Probe } from '@/lib/netpol';

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TIERS = ['web', 'api', 'db', 'cache', 'worker'];
const TEAMS = ['shop', 'data', 'ops'];

/** A cluster of `pods` pods spread over `namespaces` namespaces, with app/tier labels and named ports. */
export function generateCluster(pods: number, namespaces: number, seed = 1): Cluster {
  const r = prng(seed);
  const ns = Array.from({ length: namespaces }, (_, i) => ({ name: `ns-${i}`, labels: { team: TEAMS[i % TEAMS.length], env: i % 2 ? 'dev' : 'prod' } }));
  const apps = Math.max(4, Math.ceil(pods / 10));
  return {
    namespaces: ns,
    pods: Array.from({ length: pods }, (_, i) => ({
      namespace: ns[i % namespaces].name,
      name: `pod-${i}`,
      labels: { app: `app-${Math.floor(r() * apps)}`, tier: TIERS[Math.floor(r() * TIERS.length)], ...(r() < 0.3 ? { canary: 'true' } : {}) },
      ip: `10.${Math.floor(i / 65536) + 1}.${Math.floor(i / 256) % 256}.${i % 256}`,
      ports: [
        { name: 'http', containerPort: 80, protocol: 'TCP' as const },
        { name: 'metrics', containerPort: 9090, protocol: 'TCP' as const },
      ],
    })),
    externals: [{ name: 'internet', ip: '203.0.113.10' }],
  };
}

/** `count` NetworkPolicies (YAML, `---` separated) over the cluster's namespaces: a realistic mix of shapes. */
export function generatePolicies(cluster: Cluster, count: number, seed = 2): string {
  const r = prng(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const apps = [...new Set(cluster.pods.map((p) => p.labels.app))];
  const peer = (): object =>
    pick([
      () => ({ podSelector: { matchLabels: { tier: pick(TIERS) } } }),
      () => ({ namespaceSelector: { matchLabels: { team: pick(TEAMS) } } }),
      () => ({ namespaceSelector: { matchLabels: { team: pick(TEAMS) } }, podSelector: { matchLabels: { app: pick(apps) } } }),
      () => ({ podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: [pick(TIERS), pick(TIERS)] }, { key: 'canary', operator: 'DoesNotExist' }] } }),
      () => ({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/24'] } }),
    ])();
  const ports = (): object[] | undefined =>
    pick([() => undefined, () => [{ port: 80 }], () => [{ port: 'http' }], () => [{ port: 8000, endPort: 8100 }, { port: 53, protocol: 'UDP' }], () => [{ port: 9090 }, { port: 80 }]])();
  const rule = (key: 'from' | 'to') => {
    const o: Record<string, unknown> = {};
    if (r() < 0.9) o[key] = Array.from({ length: 1 + Math.floor(r() * 2) }, peer);
    const ps = ports();
    if (ps) o.ports = ps;
    return o;
  };
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const types = pick([['Ingress'], ['Ingress', 'Egress'], ['Egress']]);
    const spec: Record<string, unknown> = {
      podSelector: r() < 0.15 ? {} : { matchLabels: r() < 0.5 ? { app: pick(apps) } : { tier: pick(TIERS) } },
      policyTypes: types,
    };
    if (types.includes('Ingress')) spec.ingress = Array.from({ length: 1 + Math.floor(r() * 2) }, () => rule('from'));
    if (types.includes('Egress')) spec.egress = [{ ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }, rule('to')];
    docs.push(
      stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `policy-${i}`, namespace: pick(cluster.namespaces).name }, spec }),
    );
  }
  return docs.join('---\n');
}

/** `count` probes between random pods (and the internet) on numeric and named ports. */
export function generateProbes(cluster: Cluster, count: number, seed = 3): Probe[] {
  const r = prng(seed);
  const eps = [...cluster.pods.map((p) => `${p.namespace}/${p.name}`), 'internet'];
  return Array.from({ length: count }, () => {
    const to = eps[Math.floor(r() * (eps.length - 1))];
    return { from: eps[Math.floor(r() * eps.length)], to, port: [80, 'http', 9090, 8080][Math.floor(r() * 4)] };
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall-time samples of `fn` in microseconds over `iterations` runs after `warmup` runs. */
function samplesUs(fn: () => unknown, iterations: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    xs.push((performance.now() - t0) * 1000);
  }
  return xs;
}

/** Median wall time of `fn` in microseconds. */
function timeMedianUs(fn: () => unknown, iterations: number, warmup: number): number {
  return median(samplesUs(fn, iterations, warmup));
}

/** Session.post on the main-thread session answers synchronously; this makes that explicit. */
function postSync<T>(s: Session, method: string, params: object = {}): T {
  let out: { err: Error | null; res: unknown } | undefined;
  s.post(method, params, (err, res) => {
    out = { err, res };
  });
  if (!out) throw new Error(`inspector ${method} did not answer synchronously`);
  if (out.err) throw out.err;
  return out.res as T;
}

type CpuProfile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };

/** Samples a CPU profile while `fn` runs and prints the top functions by self time. */
function profile(label: string, fn: () => void, top = 12): void {
  const s = new Session();
  s.connect();
  postSync(s, 'Profiler.enable');
  postSync(s, 'Profiler.setSamplingInterval', { interval: 100 });
  postSync(s, 'Profiler.start');
  fn();
  const { profile: prof } = postSync<{ profile: CpuProfile }>(s, 'Profiler.stop');
  s.disconnect();
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map<string, number>();
  for (const n of prof.nodes) {
    const t = self.get(n.id) ?? 0;
    if (!t) continue;
    const file = n.callFrame.url.replace(/^.*\/(lib|node_modules)\//, '$1/');
    const key = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
  }
  console.log(`\nprofile ${label}: top self time (${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [k, t] of [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
}

function main(): void {
  const wantProfile = process.argv.includes('--profile');
  console.log(`netpol engine benchmark (node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cpus, load ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  // Medians of many runs; a loaded machine still inflates them, so the load average is printed above.

  // (a) one typical grading.
  const small = generateCluster(20, 3);
  const smallText = generatePolicies(small, 10);
  const probes = generateProbes(small, 100);
  const check = parsePolicies(smallText);
  const errs = check.diagnostics.filter((d) => d.severity === 'error');
  if (errs.length > 0 || check.policies.length !== 10) throw new Error(`generated policies are invalid: ${errs.map((e) => e.message).join('; ')}`);
  const grade = () => {
    const { policies } = parsePolicies(smallText);
    const model = compile(small, policies);
    let allowed = 0;
    for (const p of probes) {
      const v = evaluate(model, p);
      summarizeVerdict(v);
      if (v.allowed) allowed++;
    }
    return allowed;
  };
  const N = 600;
  const allowedCount = grade();
  const aSamples = samplesUs(grade, N, 100);
  const aUs = median(aSamples);
  // The fastest run is the least disturbed by other processes on a shared machine.
  const aBest = Math.min(...aSamples);
  const yamlUs = timeMedianUs(() => parseAllDocuments(smallText), N, 100);
  const parsePoliciesUs = timeMedianUs(() => parsePolicies(smallText), N, 100);
  const parseDocumentsUs = timeMedianUs(() => parseDocuments(smallText), N, 100);
  const yamlPathUs = timeMedianUs(() => parseDocuments(smallText, { fastPath: false }), N, 100);
  // CPU time per grading over a batch (all threads, GC included): less sensitive to other processes than wall time.
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i++) grade();
  const cpu = process.cpuUsage(cpu0);
  const aCpuUs = (cpu.user + cpu.system) / N;
  const { policies: smallPolicies } = parsePolicies(smallText);
  const compileUs = timeMedianUs(() => compile(small, smallPolicies), N, 100);
  const model = compile(small, smallPolicies);
  const evalUs = timeMedianUs(() => probes.forEach((p) => summarizeVerdict(evaluate(model, p))), N, 100);
  console.log(`\n(a) typical grading: 20 pods, 10 policies (${smallText.length} bytes of YAML), 100 probes (${allowedCount} allowed)`);
  console.log(`    median ${aUs.toFixed(0)} µs (best ${aBest.toFixed(0)} µs) per grading from YAML text (parse + validate + compile + 100 × evaluate)   [target < 1000 µs]`);
  console.log(`    median ${(compileUs + evalUs).toFixed(0)} µs per grading of parsed policies (compile ${compileUs.toFixed(0)} µs + 100 × evaluate+summarize ${evalUs.toFixed(0)} µs)`);
  console.log(`    process CPU per grading ${aCpuUs.toFixed(0)} µs (all threads, GC included, mean of ${N})`);
  console.log(`    parsePolicies alone ${parsePoliciesUs.toFixed(0)} µs, of which parseDocuments ${parseDocumentsUs.toFixed(0)} µs (fast subset reader; through the yaml package: ${yamlPathUs.toFixed(0)} µs, yaml.parseAllDocuments alone ${yamlUs.toFixed(0)} µs)`);

  // (b) full matrix.
  const big = generateCluster(1000, 20, 11);
  const bigText = generatePolicies(big, 200, 12);
  const bigParsed = parsePolicies(bigText, { maxBytes: 8 * 1024 * 1024 });
  if (bigParsed.policies.length !== 200) throw new Error('generated big policies are invalid');
  const endpoints = big.pods.map((p) => `${p.namespace}/${p.name}`);
  const compileTimes: number[] = [];
  const matrixTimes: number[] = [];
  let allowedCells = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const bigModel = compile(big, bigParsed.policies);
    const t1 = performance.now();
    const m = reachability(bigModel, endpoints, 80, 'TCP');
    const t2 = performance.now();
    compileTimes.push(t1 - t0);
    matrixTimes.push(t2 - t1);
    allowedCells = m.allowed.reduce((n, row) => n + row.filter(Boolean).length, 0);
  }
  const bSec = (median(compileTimes) + median(matrixTimes)) / 1000;
  console.log(`\n(b) full matrix: 1,000 pods × 200 policies, port 80/TCP (${(endpoints.length ** 2).toLocaleString('en-US')} cells, ${allowedCells.toLocaleString('en-US')} allowed)`);
  console.log(`    ${bSec.toFixed(3)} s (compile ${(median(compileTimes) / 1000).toFixed(3)} s + matrix ${(median(matrixTimes) / 1000).toFixed(3)} s), median of 3   [target < 1 s]`);

  // (c) ratio.
  console.log(`\n(c) grading from YAML / raw YAML parse of the same text: ${(aUs / yamlUs).toFixed(2)}  (yaml.parseAllDocuments ${yamlUs.toFixed(0)} µs)   [target < 3]`);
  console.log(`    grading from YAML / parseDocuments (the engine's own parse of the same text): ${(aUs / parseDocumentsUs).toFixed(2)}; / parsePolicies: ${(aUs / parsePoliciesUs).toFixed(2)}; grading of parsed policies / raw YAML parse: ${((compileUs + evalUs) / yamlUs).toFixed(2)}`);

  // Editor-side tools on the same typical input.
  const lintUs = timeMedianUs(() => lintPolicies(smallPolicies, { model }), N, 100);
  const describeUs = timeMedianUs(() => describePolicies(smallPolicies), N, 100);
  console.log(`\n(d) lint of the typical 10 policies against its cluster: ${lintUs.toFixed(0)} µs; describe of all 10: ${describeUs.toFixed(0)} µs`);

  if (wantProfile) {
    profile('(a) 500 gradings', () => {
      for (let i = 0; i < 500; i++) grade();
    });
    profile('parsePolicies × 500', () => {
      for (let i = 0; i < 500; i++) parsePolicies(smallText);
    });
    profile('100 × evaluate+summarize × 500', () => {
      for (let i = 0; i < 500; i++) for (const p of probes) summarizeVerdict(evaluate(model, p));
    });
    profile('(b) compile + matrix', () => {
      reachability(compile(big, bigParsed.policies), endpoints, 80, 'TCP');
    });
  }
}

// Run only as a script: scratch profilers import the generators.
if (process.argv[1]?.endsWith('engine.bench.ts')) main();
