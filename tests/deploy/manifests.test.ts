/**
 * deploy/kubernetes (issue 8, item 5): the manifests are consistent with each other and with the app (probes on
 * /api/health, non-root, selectors that match, HPA/PDB that fit), and the app's own NetworkPolicies are proved
 * by our engine: `netpol check` over every flow between the app's namespace and a modelled cluster around it
 * (tests/deploy/world.yaml) allows exactly the intended flows and nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { runCli } from '@/lib/netpol/cli/run';

const ROOT = path.join(__dirname, '..', '..');
const DIR = path.join(ROOT, 'deploy', 'kubernetes');
const NAMESPACE = 'netpol-lab';

type TObj = Record<string, any>;  

function readDocs(file: string): TObj[] {
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8'));
  for (const d of docs) if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
  return docs.map((d) => d.toJS() as TObj).filter((o) => o !== null);
}

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const objects = files.filter((f) => f !== 'kustomization.yaml').flatMap((f) => readDocs(path.join(DIR, f)).map((o) => ({ file: f, o })));
const find = (kind: string, name: string) => {
  const hit = objects.find((x) => x.o.kind === kind && x.o.metadata?.name === name);
  if (!hit) throw new Error(`no ${kind} ${name} in deploy/kubernetes`);
  return hit.o;
};
const deployment = find('Deployment', 'netpol-lab');
const podLabels: Record<string, string> = deployment.spec.template.metadata.labels;
const container = deployment.spec.template.spec.containers[0];
const hpa = find('HorizontalPodAutoscaler', 'netpol-lab');
// The Dockerfile's last stage (the image that runs), comments dropped and continued lines joined.
const runtimeStage = () =>
  fs
    .readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    .replace(/^\s*#.*\n/gm, '')
    .replace(/\\\n/g, ' ')
    .split(/^FROM /m)
    .pop() ?? '';
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('deploy/kubernetes manifests', () => {
  it('every object has apiVersion, kind, a name, and lives in the app namespace', () => {
    for (const { file, o } of objects) {
      expect([file, typeof o.apiVersion, typeof o.kind, typeof o.metadata?.name]).toEqual([file, 'string', 'string', 'string']);
      if (o.kind !== 'Namespace') expect([file, o.metadata.namespace]).toEqual([file, NAMESPACE]);
    }
  });

  it('kustomization.yaml lists every manifest except the Secret example', () => {
    const kustomization = readDocs(path.join(DIR, 'kustomization.yaml'))[0];
    const expected = files.filter((f) => f !== 'kustomization.yaml' && f !== 'secret.example.yaml').sort();
    expect([...kustomization.resources].sort()).toEqual(expected);
  });

  it('the Deployment probes /api/health (the route that checks the database) on its http port 3000', () => {
    expect(container.ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
      expect([probe, container[probe].httpGet]).toEqual([probe, { path: '/api/health', port: 'http' }]);
    }
    expect(fs.existsSync(path.join(ROOT, 'app', 'api', 'health', 'route.ts'))).toBe(true);
    // A database restart must not restart every replica: liveness tolerates a longer outage than readiness.
    const outage = (p: TObj) => (p.periodSeconds ?? 10) * (p.failureThreshold ?? 3);
    expect(outage(container.livenessProbe)).toBeGreaterThanOrEqual(4 * outage(container.readinessProbe));
  });

  it('the pods run non-root, read-only, without capabilities or a service-account token', () => {
    const pod = deployment.spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(container.resources.requests.cpu).toBeDefined();
    expect(container.resources.limits.memory).toBeDefined();
  });

  it('the Dockerfile`s runtime user is the uid/gid the Deployment runs as (files it owns stay readable/writable)', () => {
    const pod = deployment.spec.template.spec;
    const runtime = runtimeStage();
    const user = /^USER\s+(\S+)/m.exec(runtime)?.[1];
    expect(user).toBe(`${pod.securityContext.runAsUser}:${pod.securityContext.runAsGroup}`);
    expect(/groupadd[^\n&]*--gid (\d+)/.exec(runtime)?.[1]).toBe(String(pod.securityContext.runAsGroup));
    expect(/useradd[^\n&]*--uid (\d+)/.exec(runtime)?.[1]).toBe(String(pod.securityContext.runAsUser));
    for (const m of runtime.matchAll(/--chown=(\S+)/g)) expect(m[1]).toBe(user);
    expect(pod.securityContext.fsGroup).toBe(pod.securityContext.runAsGroup);
  });

  it('the image trusts no proxy by default (the socket-address preload it loads exists); the Deployment trusts its one ingress', () => {
    const runtime = runtimeStage();
    expect(/\bTRUST_PROXY_HOPS=(\d+)/.exec(runtime)?.[1]).toBe('0');
    const preload = /\bNODE_OPTIONS=--require=\/app\/(\S+)/.exec(runtime)?.[1];
    expect(preload).toBe('lib/security/client-address-preload.cjs');
    expect(fs.existsSync(path.join(ROOT, preload!))).toBe(true);
    const configMap = find('ConfigMap', 'netpol-lab-config');
    expect(container.envFrom).toContainEqual({ configMapRef: { name: 'netpol-lab-config' } });
    expect(configMap.data.TRUST_PROXY_HOPS).toBe('1');
  });

  it('secrets come from a Secret, never literal values in the Deployment', () => {
    const env: TObj[] = container.env;
    for (const name of ['DATABASE_URL', 'AUTH_SECRET']) {
      const entry = env.find((e) => e.name === name);
      expect([name, entry?.value, entry?.valueFrom?.secretKeyRef?.name]).toEqual([name, undefined, 'netpol-lab-secrets']);
    }
  });

  it('Service, PDB and HPA select or target the Deployment`s pods', () => {
    expect(deployment.spec.replicas).toBeUndefined();
    expect(matches(deployment.spec.selector.matchLabels, podLabels)).toBe(true);
    const service = find('Service', 'netpol-lab');
    expect(matches(service.spec.selector, podLabels)).toBe(true);
    expect(service.spec.ports[0].targetPort).toBe('http');
    const pdb = find('PodDisruptionBudget', 'netpol-lab');
    expect(matches(pdb.spec.selector.matchLabels, podLabels)).toBe(true);
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'netpol-lab' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    // A drain may take one pod at a time and still leave one serving.
    expect(pdb.spec.maxUnavailable).toBeLessThan(hpa.spec.minReplicas);
    const ingress = find('Ingress', 'netpol-lab');
    expect(ingress.spec.rules[0].http.paths[0].backend.service).toEqual({ name: 'netpol-lab', port: { name: 'http' } });
  });
});

// ---- The engine's proof of the NetworkPolicies ----

const POLICIES = fs.readFileSync(path.join(DIR, 'network-policies.yaml'), 'utf8');
// The real manifests, with the Deployment at the HPA's minimum so app→app traffic is modelled too.
const clusterText = [
  ...objects
    .filter(({ o }) => ['Namespace', 'Deployment', 'StatefulSet'].includes(o.kind))
    .map(({ o }) => stringify(o.kind === 'Deployment' ? { ...o, spec: { ...o.spec, replicas: hpa.spec.minReplicas } } : o)),
  fs.readFileSync(path.join(__dirname, 'world.yaml'), 'utf8'),
].join('\n---\n');

const webPods = Array.from({ length: hpa.spec.minReplicas }, (_, i) => `${NAMESPACE}/netpol-lab-${i}`);
const ENDPOINTS = [...webPods, `${NAMESPACE}/postgres-0`, `${NAMESPACE}/debug`, `${NAMESPACE}/half-labelled`, 'ingress-nginx/controller', 'ingress-nginx/admission', 'kube-system/coredns', 'kube-system/metrics-server', 'tenant/impostor', 'tenant/fake-dns', 'internet', 'cloud-metadata'];
const PORTS: { port: number; protocol: 'TCP' | 'UDP' }[] = [
  { port: 3000, protocol: 'TCP' },
  { port: 5432, protocol: 'TCP' },
  { port: 53, protocol: 'UDP' },
  { port: 53, protocol: 'TCP' },
  { port: 80, protocol: 'TCP' },
  { port: 443, protocol: 'TCP' },
];

// The intended flows, and nothing else, for traffic that starts or ends in the app's namespace.
function intended(from: string, to: string, port: number, protocol: string): boolean {
  const web = (e: string) => webPods.includes(e);
  if (from === 'ingress-nginx/controller' && web(to)) return port === 3000 && protocol === 'TCP';
  if (web(from) && to === `${NAMESPACE}/postgres-0`) return port === 5432 && protocol === 'TCP';
  if (web(from) && to === 'kube-system/coredns') return port === 53;
  return false;
}

const inApp = (e: string) => e.startsWith(`${NAMESPACE}/`);
const probes = ENDPOINTS.flatMap((from) => ENDPOINTS.filter((to) => to !== from && (inApp(from) || inApp(to))).flatMap((to) => PORTS.map((p) => ({ from, to, ...p }))));

function netpol(command: string, extra: string[], files: Record<string, string>) {
  const argv = [command, ...extra];
  return runCli(argv, (file) => {
    if (!(file in files)) throw Object.assign(new Error(`no file ${file}`), { code: 'ENOENT' });
    return files[file];
  });
}

describe('the app`s NetworkPolicies, proved by netpol check', () => {
  const files = { 'cluster.yaml': clusterText, 'network-policies.yaml': POLICIES, 'probes.yaml': JSON.stringify(probes) };
  const result = netpol('check', ['--cluster', 'cluster.yaml', '--policies', 'network-policies.yaml', '--probes', 'probes.yaml'], files);

  it('the manifests, the modelled cluster and the policies are valid input', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it(`allows exactly the intended flows among ${probes.length} probes (ingress controller → web; web → PostgreSQL, DNS)`, () => {
    const results = (JSON.parse(result.stdout) as { results: { from: string; to: string; port: number; protocol: string; allowed: boolean; reason: string }[] }).results;
    expect(results).toHaveLength(probes.length);
    const wrong = results.filter((r) => r.allowed !== intended(r.from, r.to, r.port, r.protocol)).map((r) => `${r.from} -> ${r.to} ${r.port}/${r.protocol}: ${r.reason}`);
    expect(wrong).toEqual([]);
    // The intended flows exist (the comparison above would also pass if the model lacked them).
    const allowed = results.filter((r) => r.allowed);
    expect(allowed).toHaveLength(webPods.length * 4);
    expect(allowed.filter((r) => r.from === 'ingress-nginx/controller').map((r) => r.to).sort()).toEqual([...webPods].sort());
  });

  it('look-alikes do not get through: the controller labels outside ingress-nginx, another ingress-nginx pod, DNS labels outside kube-system, half the web labels', () => {
    const results = (JSON.parse(result.stdout) as { results: { from: string; to: string; port: number; allowed: boolean; reason: string }[] }).results;
    const verdict = (from: string, to: string, port: number) => results.find((r) => r.from === from && r.to === to && r.port === port)!;
    expect(verdict('tenant/impostor', webPods[0], 3000).allowed).toBe(false);
    expect(verdict('ingress-nginx/admission', webPods[0], 3000).allowed).toBe(false);
    expect(verdict(webPods[0], 'tenant/fake-dns', 53).allowed).toBe(false);
    expect(verdict(webPods[0], 'kube-system/metrics-server', 53).allowed).toBe(false);
    expect(verdict(`${NAMESPACE}/half-labelled`, `${NAMESPACE}/postgres-0`, 5432).allowed).toBe(false);
    expect(verdict(webPods[0], 'internet', 443).reason).toMatch(/^denied: egress of netpol-lab\/netpol-lab-0 denied/);
  });

  it('netpol lint finds no classic mistake in the policies on this cluster', () => {
    const lint = netpol('lint', ['--policies', 'network-policies.yaml', '--cluster', 'cluster.yaml', '--output', 'json'], files);
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout)).toEqual({ warnings: [] });
  });
});
