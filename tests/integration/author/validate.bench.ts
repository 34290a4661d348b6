/**
 * `npm run bench:author`: how long the live validation takes for a 40-pod scenario (issue 7 bar: the answer
 * within 200 ms of typing stopping; the editor waits VALIDATE_DELAY_MS after the last keystroke, then calls
 * POST /api/author/validate). Prints the median and p95 of the server-side work (validateAuthorForm: schema,
 * content:check with mutation analysis, matrix, survivor diffs) and its parts.
 */
import { stringify } from 'yaml';
import { scenarioToForm } from '@/lib/authoring/author-form';
import { validateAuthorForm } from '@/lib/authoring/validate';
import { buildAuthorMatrix } from '@/lib/authoring/matrix';
import { checkScenario } from '@/lib/scenarios/check';
import { parseScenarioYaml } from '@/lib/scenarios/parse-scenario';

const TIERS = ['web', 'api', 'db', 'cache', 'worker'];
const NAMESPACES = ['shop', 'billing', 'ops', 'dev'];

/** 4 namespaces × 10 pods (2 per tier), a 4-policy reference, 16 expectations. */
function fortyPodScenario(): string {
  const pods = NAMESPACES.flatMap((ns, n) =>
    TIERS.flatMap((tier, t) =>
      [0, 1].map((k) => ({
        namespace: ns,
        name: `${tier}-${k}`,
        labels: { app: tier, tier: t < 2 ? 'front' : 'back' },
        ip: `10.${n + 1}.${t}.${10 + k}`,
        ports: [{ name: 'http', containerPort: 8000 + t, protocol: 'TCP' }],
      })),
    ),
  );
  const policy = (name: string, spec: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'shop' }, spec });
  const solution = [
    policy('default-deny', { podSelector: {}, policyTypes: ['Ingress'] }),
    policy('web-from-anywhere', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 8000 }] }] }),
    policy('api-from-web', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8001 }] }] }),
    policy('db-from-api-and-ops', {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } }, podSelector: { matchLabels: { app: 'worker' } } }], ports: [{ port: 8002 }] }],
    }),
  ]
    .map((p) => stringify(p))
    .join('---\n');
  const e = (from: string, to: string, port: number, allowed: boolean) => ({ from, to, port, protocol: 'TCP', allowed, why: `${from} to ${to} is ${allowed ? 'allowed' : 'denied'}` });
  const expectations = [
    e('dev/web-0', 'shop/web-0', 8000, true),
    e('dev/web-0', 'shop/api-0', 8001, false),
    e('shop/web-1', 'shop/api-0', 8001, true),
    e('shop/cache-0', 'shop/api-1', 8001, false),
    e('shop/api-0', 'shop/db-0', 8002, true),
    e('shop/web-0', 'shop/db-1', 8002, false),
    e('ops/worker-0', 'shop/db-0', 8002, true),
    e('ops/api-0', 'shop/db-0', 8002, false),
    e('dev/worker-0', 'shop/db-0', 8002, false),
    e('billing/web-0', 'shop/cache-0', 8003, false),
    e('shop/web-0', 'shop/worker-1', 8004, false),
    e('shop/db-0', 'billing/db-0', 8002, true),
    e('dev/api-1', 'shop/web-1', 8000, true),
    e('shop/api-1', 'shop/db-1', 8001, false),
    e('billing/api-0', 'shop/api-0', 8001, false),
    e('ops/worker-1', 'shop/db-1', 8002, true),
  ];
  return stringify({
    slug: 'bench-forty-pods',
    title: 'Bench: 40 pods',
    kind: 'write',
    difficulty: 3,
    timeMinutes: 15,
    topics: ['multi-tier', 'ingress'],
    namespace: 'shop',
    task: 'Lock down `shop` ...\n',
    cluster: { namespaces: NAMESPACES.map((name) => ({ name, labels: { team: name } })), pods },
    ports: [8000, 8001, 8002].map((port) => ({ port, protocol: 'TCP' })),
    expectations,
    solution,
    explanation: 'Bench.\n',
    hints: ['none'],
  });
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))], max: s[s.length - 1] };
}

function time(fn: () => void, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const text = fortyPodScenario();
const scenario = parseScenarioYaml(text);
if (!scenario.content) throw new Error(`bench scenario is invalid: ${JSON.stringify(scenario.errors)}`);
const content = scenario.content;
const form = scenarioToForm(content);
const first = validateAuthorForm(form);
const runs = Number(process.env.RUNS ?? 30);
// Warm-up: the first runs include JIT compilation.
time(() => validateAuthorForm(form), 5);
// Editing prose (task, hints, …) reuses the cached check; editing what the checks read reruns everything.
let n = 0;
const prose = stats(time(() => validateAuthorForm({ ...form, task: `${form.task}${n++}` }), runs));
const whole = stats(time(() => validateAuthorForm({ ...form, expectations: form.expectations.replace('is allowed', `is allowed ${n++}`) }), runs));
const check = stats(time(() => checkScenario({ ...content }), runs));
const matrix = stats(time(() => buildAuthorMatrix({ ...content }), runs));
const fmt = (x: { median: number; p95: number; max: number }) => `median ${x.median.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms, max ${x.max.toFixed(1)} ms`;
console.log(`live validation of a ${content.cluster.pods.length}-pod scenario (${content.expectations.length} expectations, ${first.check.mutation?.total ?? 0} mutants; ok=${first.validation.ok}), ${runs} runs:`);
console.log(`  validateAuthorForm after an edit the checks read (solution, expectations, cluster…): ${fmt(whole)}`);
console.log(`  validateAuthorForm after a prose edit (task, explanation, hints; cached check): ${fmt(prose)}`);
console.log(`  of which checkScenario (content:check, mutation analysis included): ${fmt(check)}`);
console.log(`  of which the author matrix (${content.ports?.length ?? 0} ports): ${fmt(matrix)}`);
// Keep in step with VALIDATE_DELAY_MS in app/author/[slug]/scenario-editor.tsx.
const DEBOUNCE_MS = 100;
console.log(`  answer after typing stops ≈ ${DEBOUNCE_MS} ms debounce + server (+ HTTP on localhost, a few ms): semantic edit ${(DEBOUNCE_MS + whole.median).toFixed(0)} ms median, ${(DEBOUNCE_MS + whole.p95).toFixed(0)} ms p95; prose edit ${(DEBOUNCE_MS + prose.median).toFixed(0)} ms median`);
if (!first.validation.ok) console.log('  findings:', first.validation.findings.map((f) => f.message).join(' | '));
